"""Every document the app builds, in one list, with one typed builder signature.

A :class:`Document` names its download (its key on the Downloads page, in the catalogue's
``downloads_page.<kind>`` and in :data:`kbo_dashboard.meeting.reveal.DOCUMENTS`), its file name
and type, and how to build it. Every builder takes the same arguments (:class:`Builder`): the
competition, the standings under the method in use, the decisions the app read, the language,
whether the data is the demo and the moment of building. The Downloads page, the hostile-input
tests and ``bench/fuzz.py`` read this list, so a new document is added here once.

The builders (openpyxl, fpdf2, HarfBuzz, PyThaiNLP, python-docx) are imported on the first
build, not when the list is read: a page view pays nothing for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.meeting.decision import Decision
    from kbo_dashboard.scoring.scoring import Results

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
EXTENSIONS = {XLSX: "xlsx", DOCX: "docx", PDF: "pdf"}


class Builder(Protocol):
    """The one signature of a document builder: the file's bytes."""

    def __call__(
        self,
        comp: Competition,
        results: Results,
        decisions: Iterable[Decision] | None = (),
        lang: str = "th",
        *,
        demo: bool = False,
        now: dt.datetime | None = None,
    ) -> bytes: ...


@dataclass(frozen=True)
class Document:
    """One document: ``kind`` (its download key), ``file_stem`` (``kbo-<stem>-<date>.<ext>``),
    ``mime``, and ``load``, which imports and returns its builder."""

    kind: str
    file_stem: str
    mime: str
    load: Callable[[], Builder]
    #: Offered beside the judges' to-do messages (ui.judges_side), not among the reports.
    judges_side: bool = False

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.mime]

    @property
    def build(self) -> Builder:
        """The builder, imported on first use: ``document.build(comp, results, ...)``."""
        return self.load()


def _xlsx() -> Builder:
    from kbo_dashboard.reports.xlsx import build_xlsx

    return build_xlsx


def _pdf() -> Builder:
    from kbo_dashboard.reports.pdf import build_pdf

    return build_pdf


def _announcement() -> Builder:
    from kbo_dashboard.reports.announcement import build_announcement

    return build_announcement


def _minutes() -> Builder:
    from kbo_dashboard.reports.minutes import build_minutes

    return build_minutes


def _score_sheets() -> Builder:
    from kbo_dashboard.reports.score_sheets import build_score_sheets

    return build_score_sheets


def judge_cards(
    comp: Competition,
    results: Results | None = None,
    decisions: Iterable[Decision] | None = (),
    lang: str = "th",
    *,
    demo: bool = False,
    now: dt.datetime | None = None,
) -> bytes:
    """The judge cards (no scores: ``results`` and ``decisions`` are not read), titled with
    the Settings tab's title."""
    from kbo_dashboard.reports.judge_cards import build_judge_cards

    return build_judge_cards(comp, lang, str(comp.settings.get("title") or ""), demo=demo)


def _judge_cards() -> Builder:
    return judge_cards


#: Every document, in the Downloads page's order.
DOCUMENTS: tuple[Document, ...] = (
    Document("xlsx", "report", XLSX, _xlsx),
    Document("pdf", "report", PDF, _pdf),
    Document("announcement", "announcement", PDF, _announcement),
    Document("minutes", "minutes", DOCX, _minutes),
    Document("score_sheets", "score-sheets", PDF, _score_sheets),
    Document("judge_cards", "judge-cards", PDF, _judge_cards, judges_side=True),
)
#: The same, by kind.
BY_KIND: dict[str, Document] = {d.kind: d for d in DOCUMENTS}


def reports() -> list[Document]:
    """The documents in the Downloads page's reports section (the judge cards are apart)."""
    return [d for d in DOCUMENTS if not d.judges_side]
