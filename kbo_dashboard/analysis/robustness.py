"""Would the nominee change if...? Methods side by side, leave-one-judge-out and the margin.

Everything works on *outcomes*: the set of first-placed products after every tie-break. One
product is a sole winner; several share first place (the committee decides); none is ranked
yet. Each function takes a :class:`~kbo_dashboard.analysis.panel.Panel` (quorum and tie-break
criteria; :func:`kbo_dashboard.analysis.panel.competition_panel`), or just the totals table / a
:class:`~kbo_dashboard.scoring.aggregation.ScoreMatrix`, which then ranks by the method's score
alone with a quorum of one. Leave-one-judge-out is computed in closed form for every judge at
once (:mod:`kbo_dashboard.analysis.panel`).

Definitions (all on eligible totals, 0..100):

- robust: every method compared names the same single nominee. A shared first place under any
  method is never robust.
- leave-one-judge-out: for each judge with at least one eligible total, the outcome without all
  of that judge's totals. A judge changes the outcome under a method when the outcome without
  them differs from the outcome with everyone: another winner, a tie that becomes a sole winner,
  or a sole winner that becomes a tie. The quorum stays the configured number: a product that
  falls below it without the judge is no longer ranked, so the outcome can change because of the
  quorum, not the judge's scores (:meth:`LeaveOneJudgeOut.quorum_cause` says when).
- margin: leader's score minus runner-up's, in points, under the method; the fewest totals to
  move and by how much: :mod:`kbo_dashboard.analysis.moves`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kbo_dashboard.analysis import moves as moves_mod
from kbo_dashboard.analysis import panel as panel_mod
from kbo_dashboard.analysis.panel import Panel
from kbo_dashboard.scoring.aggregation import DEFAULT_METHOD, METHODS, Totals, get_method

Outcome = tuple[str, ...]  # first-placed product ids, sorted; () when none is ranked


def sole(outcome: Outcome) -> str | None:
    """The sole winner, or None on a shared first place or with none ranked."""
    return outcome[0] if len(outcome) == 1 else None


def as_panel(totals: Totals | Panel) -> Panel:
    """A :class:`Panel` as it is; totals or a matrix as a panel without tie-breaks."""
    return totals if isinstance(totals, Panel) else Panel.of(totals)


def default_rank(totals: Totals, method: str = DEFAULT_METHOD) -> list[str]:
    """Product ids best first: score under ``method`` descending, then product_id."""
    return panel_mod.order(as_panel(totals), method)


@dataclass(frozen=True)
class MethodComparison:
    """The top products under each method, side by side, and each method's outcome."""

    top: pd.DataFrame  # method, position (1..top_n), product_id, score (under that method)
    outcomes: dict[str, Outcome]
    robust: bool

    @property
    def nominees(self) -> dict[str, str | None]:
        """Each method's sole winner (None on a shared first place)."""
        return {m: sole(o) for m, o in self.outcomes.items()}

    @property
    def shared_first(self) -> list[str]:
        """The methods under which two or more products share first place."""
        return [m for m, o in self.outcomes.items() if len(o) > 1]


def compare_methods(
    totals: Totals | Panel, methods: Sequence[str] | None = None, top_n: int = 3
) -> MethodComparison:
    """Top ``top_n`` under each method; robust when all name the same single nominee."""
    methods = list(methods or METHODS)
    panel = as_panel(totals)
    rows = []
    outcomes: dict[str, Outcome] = {}
    for method in methods:
        outcomes[method] = panel_mod.whole_outcome(panel, method)
        scores = dict(zip(panel.matrix.product_ids, get_method(method).scores(panel.values)))
        for position, product_id in enumerate(panel_mod.order(panel, method)[:top_n], start=1):
            rows.append((method, position, product_id, float(scores.get(product_id, np.nan))))
    top = pd.DataFrame(rows, columns=["method", "position", "product_id", "score"])
    top = top.astype({"method": "str", "product_id": "str"})
    picked = set(outcomes.values())
    robust = len(picked) == 1 and len(next(iter(picked))) == 1
    return MethodComparison(top, outcomes, robust)


@dataclass(frozen=True)
class LeaveOneJudgeOut:
    """The outcome with each judge removed in turn, under each method."""

    outcomes: dict[str, Outcome]  # method -> outcome with every judge
    without: dict[str, dict[str, Outcome]]  # method -> judge_id -> outcome without that judge
    deciding: dict[str, list[str]]  # method -> judges whose removal changes the outcome
    #: judge_id -> products ranked with every judge that fall below the quorum without them
    below_quorum: dict[str, tuple[str, ...]] = field(default_factory=dict)
    quorum: int = 1  # the configured quorum, the same in every scenario

    @property
    def nominees(self) -> dict[str, str | None]:
        return {m: sole(o) for m, o in self.outcomes.items()}

    @property
    def table(self) -> pd.DataFrame:
        """judge_id, then per method the outcome without that judge ("A" or "A = B")."""
        judges = list(next(iter(self.without.values()), {}))
        frame = {"judge_id": judges}
        for method, per_judge in self.without.items():
            frame[method] = [" = ".join(per_judge[j]) or "None" for j in judges]
        return pd.DataFrame(frame).astype("str")

    def any_deciding(self) -> list[str]:
        """Judges whose removal changes the outcome under at least one method."""
        return sorted({j for judges in self.deciding.values() for j in judges})

    def quorum_cause(self, method: str, judge_id: str) -> tuple[str, ...]:
        """First-placed products (under ``method``, every judge) that leaving out ``judge_id``
        drops below the quorum: when not empty, the outcome changes because of the quorum."""
        dropped = set(self.below_quorum.get(judge_id, ()))
        return tuple(p for p in self.outcomes.get(method, ()) if p in dropped)


def leave_one_judge_out(
    totals: Totals | Panel, methods: Sequence[str] | None = None
) -> LeaveOneJudgeOut:
    """The outcome without each judge (every judge with an eligible total) under each method."""
    methods = list(methods or METHODS)
    panel = as_panel(totals)
    rows = panel.judges_with_totals()
    judge_ids = [panel.matrix.judge_ids[i] for i in rows]
    outcomes, without, deciding = {}, {}, {}
    counts = panel_mod.scenario_counts(panel.values)
    ranked = counts >= panel.quorum
    products = np.asarray(panel.matrix.product_ids, dtype=object)
    below = {j: tuple(products[ranked[0] & ~ranked[1 + i]]) for j, i in zip(judge_ids, rows)}
    for method in methods:
        every = panel_mod.outcomes(panel, method)
        outcomes[method] = every[0]
        without[method] = {j: every[1 + i] for j, i in zip(judge_ids, rows)}
        deciding[method] = [j for j in judge_ids if without[method][j] != every[0]]
    return LeaveOneJudgeOut(outcomes, without, deciding, below, panel.quorum)


@dataclass(frozen=True)
class Margin:
    """The gap between first and second, and the fewest totals (and points) to close it."""

    method: str
    leader: str | None
    runner_up: str | None
    leader_score: float
    runner_up_score: float
    points: float  # leader_score - runner_up_score; NaN without two ranked products
    totals_to_move: int | None  # None: no runner-up, or not computable under the method
    points_to_move: float | None  # None: the exact minimum is not known under the method
    moves: pd.DataFrame  # judge_id, product_id, old_total, new_total


def margin(totals: Totals | Panel, method: str = DEFAULT_METHOD) -> Margin:
    """Margin between first and second under ``method``, and what it takes to close it."""
    panel = as_panel(totals)
    order = panel_mod.order(panel, method)
    scores = get_method(method).scores(panel.values)
    index = {p: i for i, p in enumerate(panel.matrix.product_ids)}
    leader = order[0] if len(order) >= 1 else None
    runner = order[1] if len(order) >= 2 else None
    s_l = float(scores[index[leader]]) if leader in index else np.nan
    s_r = float(scores[index[runner]]) if runner in index else np.nan
    gap = s_l - s_r
    plan = moves_mod.Plan(None, None, moves_mod.empty_moves())
    if np.isfinite(gap) and leader is not None and runner is not None:  # finite: both ranked
        plan = moves_mod.fewest_moves(panel.matrix, index[leader], index[runner], method)
    return Margin(method, leader, runner, s_l, s_r, gap, plan.count, plan.points, plan.moves)
