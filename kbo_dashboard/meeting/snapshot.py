"""One dashboard refresh: read the source once, parse it, and keep the last good data.

A refresh that fails (Google down, a file being saved) keeps the previous good competition
and marks the snapshot stale with the reason, so pages stay up on the last good data. The
snapshot holds only picklable values, because Streamlit's cache stores it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from kbo_dashboard.intake.parse import Competition, parse
from kbo_dashboard.meeting.decision import decisions_from_rows
from kbo_dashboard.sources.layout import DECISION
from kbo_dashboard.sources.source import Source, SourceError


@dataclass(frozen=True)
class Snapshot:
    """What every page shows, from one read of the source."""

    source_kind: str
    source_label: str
    competition: Competition | None
    fetched_at: datetime | None
    checked_at: datetime
    error_en: str = ""
    error_th: str = ""
    error_kind: str = ""
    #: The chair's decisions from the ``Decision`` tab, read in the same request; None when the
    #: workbook has no such tab (the local store holds them then).
    decisions: tuple | None = None

    @property
    def ok(self) -> bool:
        return not self.error_en

    @property
    def stale(self) -> bool:
        """A failed refresh that still has earlier good data to show."""
        return not self.ok and self.competition is not None

    @property
    def version(self) -> str:
        """Identifies the data: changes whenever a fetch succeeds."""
        return self.fetched_at.isoformat() if self.fetched_at else "none"


def refresh(source: Source, previous: Snapshot | None = None) -> Snapshot:
    """Read ``source`` once. On failure, carry ``previous``'s good data with the reason."""
    now = datetime.now(UTC)
    try:
        raw = source.fetch()
    except SourceError as exc:
        base = previous if previous is not None and previous.competition is not None else None
        return Snapshot(
            source.kind,
            source.describe(),
            base.competition if base else None,
            base.fetched_at if base else None,
            now,
            exc.message_en,
            exc.message_th,
            exc.kind,
            base.decisions if base else None,
        )
    decision_rows = raw.tab(DECISION)
    decisions = None if decision_rows is None else tuple(decisions_from_rows(decision_rows))
    return Snapshot(
        source.kind, source.describe(), parse(raw), raw.fetched_at, now, decisions=decisions
    )
