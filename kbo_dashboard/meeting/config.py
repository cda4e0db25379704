"""The meeting's configuration: its source, data folder and decision key, as one explicit object.

The UI builds a :class:`MeetingConfig` from the secrets and the environment
(``ui.chair.meeting_config``) and hands it to what needs it: the decision store, the pending
decisions, signing a decision and checking the history's signatures. No module keeps a key or
a binding of its own, so what a page or a document says never depends on which function ran
first in the process (issue 21 §3).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kbo_dashboard.i18n import both
from kbo_dashboard.meeting import signing
from kbo_dashboard.meeting.decision import Decision, DecisionWriteError

if TYPE_CHECKING:
    from kbo_dashboard.sources.source import Source


@dataclass(frozen=True)
class MeetingConfig:
    """Where this meeting's data lives and how its decisions are signed."""

    #: "demo", "workbook" or "google" (the configured source's kind)
    source_kind: str
    #: the sheet a signature binds to (:func:`~kbo_dashboard.meeting.signing.sheet_of`)
    sheet: str
    #: decisions, pending decisions and the local key (``KBO_DATA_DIR`` or the user's folder)
    data_dir: Path
    #: None: decisions cannot be recorded (a Google sheet without ``KBO_DECISION_KEY``)
    key: bytes | None = field(default=None, repr=False)
    #: the workbook (None when the configuration names none that can be built)
    source: Source | None = field(default=None, repr=False, compare=False)

    def binding(self, settings: Mapping | None) -> signing.Binding:
        """The binding for this sheet and the competition's Settings (title and year)."""
        return signing.binding_for(self.sheet, settings)

    def verify(self, history: Iterable[Decision], settings: Mapping | None) -> list[Decision]:
        """``history`` with each decision's verdict here (what ``decision.final`` reads)."""
        return signing.verify(history, self.key, self.binding(settings))

    def sign(self, decision: Decision, settings: Mapping | None) -> Decision:
        """``decision`` signed as the app records it; without a key, DecisionWriteError says
        to set ``KBO_DECISION_KEY``."""
        if self.key is None:
            th, en = both("decision.no_key", name=signing.KEY_ENV)
            raise DecisionWriteError(en, th)
        return signing.sign(decision, self.key, self.binding(settings))


def meeting_config(
    source_kind: str,
    source: Source | None,
    secrets: Mapping | None,
    environ: Mapping[str, str] = os.environ,
) -> MeetingConfig:
    """The configuration for ``source`` (of ``source_kind``) from secrets and the environment."""
    from kbo_dashboard.meeting.decision_store import default_data_dir

    data_dir = default_data_dir()
    key = signing.key_for(source_kind, secrets, environ, data_dir)
    sheet = signing.sheet_of(source) if source is not None else ""
    return MeetingConfig(source_kind, sheet, data_dir, key, source)
