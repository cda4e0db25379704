"""Is the decision still bound to the scores it was made on? One answer for every page and paper.

A decision stores ``scores_digest``, the digest of the counted score cells when it was recorded
(:func:`kbo_dashboard.scoring.digest.scores_digest`). When today's counted cells give another
digest, :func:`scores_edited` says so, with what the committee needs to judge it:

- the cells edited after the decision, from the audit trail (:mod:`kbo_dashboard.meeting.audit`):
  each cell's tab and A1 address, its value when the decision was recorded, its value now and
  when it last changed (a cell edited and put back is not listed);
- whether the leader changed (the rank-1 products of the standings saved in the decision row,
  against today's under the decision's method);
- the standings the decision was made on beside today's (the decision row's ``standings``
  JSON: the top five and the chosen product, so it survives a restart).

The Overview, Nomination and projector pages and every document print :func:`notice_lines`.
A decision recorded before the digest existed has none, and nothing is said about it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pandas as pd

from kbo_dashboard.i18n import t
from kbo_dashboard.intake import clock
from kbo_dashboard.scoring.counts import format_score
from kbo_dashboard.scoring.digest import scores_digest

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.meeting.decision import Decision
    from kbo_dashboard.scoring.scoring import Results

KEY = ["judge_id", "product_id", "criterion_id"]
#: Cells listed in a notice; more are summed up as "and N more".
LIST_LIMIT = 20


@dataclass(frozen=True)
class CellEdit:
    """One score cell edited after the decision: where, before and after, when."""

    where: str  # "J04!C3", or the tab and the product and criterion when the cell is gone
    judge_id: str
    product_id: str
    criterion_id: str
    old: Any  # the value when the decision was recorded (None: blank or not a valid score)
    new: Any  # the value now (None: blank or not a valid score)
    at: datetime  # when the last change was seen (UTC)


@dataclass(frozen=True)
class Standing:
    """One product's score and rank when the decision was recorded and now."""

    product_id: str
    score_then: float | None
    rank_then: int | None
    score_now: float | None
    rank_now: int | None


@dataclass(frozen=True)
class ScoresEdited:
    """The live scores no longer match the decision's ``scores_digest``."""

    decision: Decision
    cells: tuple[CellEdit, ...]
    audit_known: bool  # False: the audit trail could not be read, so the cells are unknown
    leaders_then: tuple[str, ...]
    leaders_now: tuple[str, ...]
    standings: tuple[Standing, ...]

    @property
    def n_cells(self) -> int:
        return len(self.cells)

    @property
    def leader_changed(self) -> bool:
        return self.leaders_then != self.leaders_now


def scores_edited(
    decision: Decision,
    comp: Competition,
    results: Results | None = None,
    changes: pd.DataFrame | None = None,
) -> ScoresEdited | None:
    """What changed since ``decision``, or None when its scores are unchanged (or it has no
    digest). ``results``: today's standings (recomputed under the decision's method when they
    use another); ``changes``: the audit trail's changes since the decision
    (:meth:`AuditStore.changes`), None when it cannot be read."""
    if decision is None or comp is None or not getattr(decision, "scores_digest", ""):
        return None
    if scores_digest(comp) == decision.scores_digest:
        return None
    if results is None or (decision.method and results.method != decision.method):
        from kbo_dashboard.scoring.scoring import score_competition

        results = score_competition(comp, decision.method or None)
    then = decision.top_standings()
    cells = () if changes is None else _edits(changes, comp, decision.decided_at)
    return ScoresEdited(
        decision,
        cells,
        changes is not None,
        _leaders(then),
        _leaders_now(results),
        _standings(then, results),
    )


def audit_changes(decision: Decision) -> pd.DataFrame | None:
    """The audit trail's changes since ``decision`` (None when the trail cannot be read)."""
    from kbo_dashboard.meeting.audit import AuditStore, AuditUnavailable

    try:
        return AuditStore(timeout=1.0).changes(since=decision.decided_at)
    except AuditUnavailable:
        return None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _same(a: object, b: object) -> bool:
    return (_blank(a) and _blank(b)) or (not _blank(a) and not _blank(b) and a == b)


def _edits(changes: pd.DataFrame, comp: Competition, since: datetime) -> tuple[CellEdit, ...]:
    """Each cell's value at the decision (its first change's old value) against now (its last
    change's new value); cells whose value is back where it was are left out."""
    if changes is None or changes.empty:
        return ()
    frame = changes[changes["at"] >= pd.Timestamp(since)]
    places = _places(comp)
    out = []
    for key, group in frame.groupby(KEY, sort=True):
        old, new = group["old_value"].iloc[0], group["new_value"].iloc[-1]
        if _same(old, new):
            continue
        old, new = (None if _blank(v) else v for v in (old, new))
        at = group["at"].iloc[-1].to_pydatetime()
        judge, product, criterion = (str(k) for k in key)
        where = places.get((judge, product, criterion)) or _fallback(
            comp, judge, product, criterion
        )
        out.append(CellEdit(where, judge, product, criterion, old, new, at))
    return tuple(sorted(out, key=lambda e: (e.at, e.where)))


def _places(comp: Competition) -> dict[tuple[str, str, str], str]:
    """ "tab!A1" of every valid score cell."""
    scores = comp.scores
    keys = zip(*(scores[c].astype(str).tolist() for c in KEY))
    where = (f"{tab}!{cell}" for tab, cell in zip(scores["tab"].tolist(), scores["cell"].tolist()))
    return dict(zip(keys, where))


def _fallback(comp: Competition, judge: str, product: str, criterion: str) -> str:
    """A cell that holds no valid score now: its judge's tab, product and criterion."""
    sheets = dict(zip(comp.judges["judge_id"].astype(str), comp.judges["sheet"].astype(str)))
    return f"{sheets.get(judge, judge)} ({product}, {criterion})"


def _leaders(then: list[dict]) -> tuple[str, ...]:
    ranks = [rank for s in then if (rank := s.get("rank")) is not None]
    if not ranks:
        return ()
    best = min(ranks)
    return tuple(sorted(str(s["id"]) for s in then if s.get("rank") == best))


def _leaders_now(results: Results) -> tuple[str, ...]:
    ranked = results.ranked
    if ranked.empty:
        return ()
    best = ranked["rank"].min()
    return tuple(sorted(str(p) for p in ranked.loc[ranked["rank"] == best, "product_id"]))


def _standings(then: list[dict], results: Results) -> tuple[Standing, ...]:
    """The decision's saved standings, then today's top five not among them, each beside its
    score and rank today."""
    now = results.standings.set_index("product_id")
    ids = [str(s.get("id")) for s in then]
    ids += [str(p) for p in results.ranked["product_id"].head(5) if str(p) not in ids]
    saved = {str(s.get("id")): s for s in then}
    out = []
    for pid in ids:
        before = saved.get(pid, {})
        score = now["score"].get(pid) if pid in now.index else None
        rank = now["rank"].get(pid) if pid in now.index else None
        ranked = pid in now.index and bool(now["ranked"].get(pid))
        out.append(
            Standing(
                pid,
                before.get("score"),
                before.get("rank"),
                None if _blank(score) or score is None or pd.isna(score) else float(score),
                int(rank) if ranked and rank is not None and not pd.isna(rank) else None,
            )
        )
    return tuple(out)


# --- the notice, in the committee's words ----------------------------------------------------
def _value(value: object, lang: str) -> str:
    if value is None:
        return t("binding.blank", lang)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _ids(ids: tuple[str, ...], lang: str) -> str:
    return ", ".join(ids) if ids else t("binding.no_leader", lang)


def summary_line(edited: ScoresEdited, lang: str, settings: dict | None) -> str:
    """How many cells, since when, and whether the leader changed."""
    when = clock.format_time(edited.decision.decided_at, settings, lang)
    if edited.audit_known:
        count = t("binding.summary", lang, n=edited.n_cells, time=when)
    else:
        count = t("binding.summary_unknown", lang, time=when)
    then, now = _ids(edited.leaders_then, lang), _ids(edited.leaders_now, lang)
    if edited.leader_changed:
        leader = t("binding.leader_changed", lang, then=then, now=now)
    else:
        leader = t("binding.leader_same", lang, now=now)
    return f"{count} {leader}"


def cell_lines(
    edited: ScoresEdited, lang: str, settings: dict | None, limit: int = LIST_LIMIT
) -> list[str]:
    """ "J04!C3: 8 → 10 (14:05:09)" per edited cell, oldest first; "and N more" past ``limit``."""
    lines = [
        t(
            "binding.cell",
            lang,
            where=e.where,
            old=_value(e.old, lang),
            new=_value(e.new, lang),
            time=clock.clock_time(e.at, settings),
        )
        for e in edited.cells[:limit]
    ]
    if edited.n_cells > limit:
        lines.append(t("binding.more", lang, n=edited.n_cells - limit))
    return lines


def standing_lines(edited: ScoresEdited, lang: str) -> list[str]:
    """ "P-08: 100.00 (rank 1) → 99.60 (rank 2)" per product of :attr:`ScoresEdited.standings`."""

    def part(score: float | None, rank: int | None) -> str:
        if score is None:
            return t("binding.not_ranked", lang)
        if rank is None:
            return t("binding.score_unranked", lang, score=format_score(score))
        return t("binding.score_rank", lang, score=format_score(score), rank=rank)

    return [
        t(
            "binding.standing",
            lang,
            product=s.product_id,
            then=part(s.score_then, s.rank_then),
            now=part(s.score_now, s.rank_now),
        )
        for s in edited.standings
    ]


def notice_lines(
    edited: ScoresEdited, lang: str, settings: dict | None, limit: int = LIST_LIMIT
) -> list[str]:
    """The whole notice as lines: the title, the summary, the cells, the standings then and
    now (documents print these; pages lay out the same parts)."""
    lines = [t("binding.title", lang), summary_line(edited, lang, settings)]
    cells = cell_lines(edited, lang, settings, limit)
    if cells:
        lines += [t("binding.cells_title", lang), *(f"- {line}" for line in cells)]
    lines += [t("binding.standings_title", lang), *(f"- {s}" for s in standing_lines(edited, lang))]
    return lines
