"""Where the committee's workbook comes from.

Every source answers one call, :meth:`Source.fetch`, with every tab's raw cells at once. That one
call is what a dashboard refresh costs: for Google Sheets it is a single API request.

Raw cells are what the sheet holds, before any validation: ``str`` for text, ``int``/``float`` for
numbers, ``bool``, or ``""``/``None`` for blank. Rows may be ragged (trailing blanks dropped), as
the Sheets API returns them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, runtime_checkable

Cell = Any
Rows = list[list[Cell]]


@dataclass(frozen=True)
class RawWorkbook:
    """Every tab's raw cells, keyed by tab name, in the sheet's tab order."""

    tabs: dict[str, Rows]
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    #: tab name -> a link that opens the sheet on that tab (Google Sheets only; else empty)
    links: dict[str, str] = field(default_factory=dict)
    #: The source's identity of this answer ("" when it has none): the same fingerprint means
    #: the same values (the Google source: the request kind and the answer's SHA-256).
    fingerprint: str = ""

    def tab(self, name: str) -> Rows | None:
        """The rows of tab ``name``, matched case- and space-insensitively, or None.

        A reference tab may also go by its Thai name (``Products`` or ``ผลิตภัณฑ์``).
        """
        if name in self.tabs:
            return self.tabs[name]
        found = self.tab_name(name)
        return self.tabs[found] if found is not None else None

    def tab_name(self, name: str) -> str | None:
        """The tab's name as the sheet spells it, or None: the tab of exactly that name, else
        the first whose :func:`fold_tab_name` matches."""
        from kbo_dashboard.sources.layout import TAB_NAMES

        if name in self.tabs:
            return name
        for wanted in (name, *TAB_NAMES.get(name, ())):
            key = fold_tab_name(wanted)
            for tab_name in self.tabs:
                if fold_tab_name(tab_name) == key:
                    return tab_name
        return None


def fold_tab_name(name: object) -> str:
    """A tab name as people read it: NFKC (Thai ``ำ`` typed as ``ํา`` too), without spaces or
    invisible format characters (zero-width space, joiners), case-folded. Two tab names that
    fold alike look alike on screen (issue 18)."""
    text = unicodedata.normalize("NFKC", str(name))
    return "".join(
        c for c in text if not c.isspace() and unicodedata.category(c) != "Cf"
    ).casefold()


class SourceError(Exception):
    """The source could not be read. ``message_th``/``message_en`` are safe to show users."""

    def __init__(self, message_en: str, message_th: str | None = None, *, kind: str = "error"):
        super().__init__(message_en)
        self.message_en = message_en
        self.message_th = message_th or message_en
        self.kind = kind


@runtime_checkable
class Source(Protocol):
    """A committee workbook that can be read in one call."""

    #: "demo", "workbook" or "google"
    kind: str

    def describe(self) -> str:
        """A short, secret-free label for the page footer (file name, sheet title)."""
        ...

    def fetch(self) -> RawWorkbook:
        """Every tab's raw cells. Raises :class:`SourceError` when the source cannot be read."""
        ...
