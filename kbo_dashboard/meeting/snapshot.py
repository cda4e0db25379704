"""One dashboard refresh: read the source once, parse it, and keep the last good data.

A refresh that fails (Google down, a file being saved), or that finds the Products or Judges
tab gone, emptied or without a required header when the last good data had them, keeps the
previous good competition and marks the snapshot stale with the reason, so pages stay up on
the last good data. The
snapshot holds only picklable values, because Streamlit's cache stores it.

The data version (:attr:`Snapshot.version`) is the digest of the fetched values, taken before
parsing (:func:`kbo_dashboard.scoring.digest.workbook_digest`). A fetch that finds the same
values as the last good snapshot reuses its competition and decisions: nothing is parsed, and
every cache, the audit trail and the change feed, all keyed on the version, have nothing to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from kbo_dashboard.intake.parse import Competition, parse
from kbo_dashboard.meeting.decision import decisions_from_rows
from kbo_dashboard.meeting.decision_tab import decision_tab_issues
from kbo_dashboard.scoring.digest import workbook_digest
from kbo_dashboard.sources.layout import DECISION, JUDGES, PRODUCTS
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
    #: Digest of the fetched values this competition was parsed from ("" when never read).
    digest: str = ""
    #: The source's fingerprint of the answer read (RawWorkbook.fingerprint).
    fingerprint: str = ""
    #: Problems in that tab, at their cells: unreadable rows, repeated decision IDs.
    decision_issues: tuple = ()

    @property
    def ok(self) -> bool:
        return not self.error_en

    @property
    def stale(self) -> bool:
        """A failed refresh that still has earlier good data to show."""
        return not self.ok and self.competition is not None

    @property
    def version(self) -> str:
        """Identifies the data: the digest of the fetched values, so it changes only when the
        workbook's content does (not on every fetch)."""
        return self.digest or "none"


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
            base.digest if base else "",
            decision_issues=base.decision_issues if base else (),
        )
    same_answer = (
        previous is not None and raw.fingerprint and raw.fingerprint == previous.fingerprint
    )
    digest = previous.digest if previous is not None and same_answer else workbook_digest(raw.tabs)
    if previous is not None and previous.ok and previous.digest == digest:
        # Nothing changed since the last good read: reuse it, parse nothing.
        return Snapshot(
            source.kind, source.describe(), previous.competition, raw.fetched_at, now,
            decisions=previous.decisions, digest=digest, fingerprint=raw.fingerprint,
            decision_issues=previous.decision_issues,
        )  # fmt: skip
    decision_rows = raw.tab(DECISION)
    decisions = None if decision_rows is None else tuple(decisions_from_rows(decision_rows))
    decision_issues = tuple(decision_tab_issues(decision_rows, raw.tab_name(DECISION)))
    competition = parse(raw)
    broken = lost_structure(competition, previous)
    # A tab deleted or a header renamed mid-meeting (broken needs a previous): keep the last good.
    if broken is not None and previous is not None:
        return Snapshot(
            source.kind, source.describe(), previous.competition, previous.fetched_at, now,
            broken.message_en, broken.message_th, "structure", previous.decisions,
            previous.digest, decision_issues=previous.decision_issues,
        )  # fmt: skip
    return Snapshot(
        source.kind, source.describe(), competition, raw.fetched_at, now, decisions=decisions,
        digest=digest, fingerprint=raw.fingerprint, decision_issues=decision_issues,
    )  # fmt: skip


STRUCTURE_CODES = frozenset({"missing_tab", "missing_column", "empty_tab"})


def lost_structure(competition: Competition, previous: Snapshot | None):
    """The issue that emptied Products or Judges since the last good data, or None.

    A tab deleted, emptied or a required header renamed during the meeting would otherwise
    blank every page; the page keeps the last good data and shows this issue as the reason.
    """
    before = previous.competition if previous is not None else None
    if before is None:
        return None
    for tab, frame, had in (
        (PRODUCTS, competition.products, before.products),
        (JUDGES, competition.judges, before.judges),
    ):
        if frame.empty and not had.empty:
            return next(
                (
                    i
                    for i in competition.issues
                    if i.code in STRUCTURE_CODES and i.tab.strip().casefold() == tab.casefold()
                ),
                None,
            )
    return None
