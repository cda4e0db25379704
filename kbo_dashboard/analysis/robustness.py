"""Would the nominee change if...? Method comparison, leave-one-judge-out and the margin.

Every function takes the totals table (or a prebuilt
:class:`~kbo_dashboard.scoring.aggregation.ScoreMatrix`) and an optional ``rank_fn(matrix, method)
-> product_ids best first``. The lead passes the full ranking
(:func:`~kbo_dashboard.analysis.nomination.full_rank_fn`: quorum and tie-break criteria).
``rank_fn`` is given a :class:`~kbo_dashboard.scoring.aggregation.ScoreMatrix` (for
leave-one-judge-out, the matrix without that judge's row), never a re-filtered DataFrame, so
re-ranking 27 judges x 4 methods stays cheap; ``score_matrix(x)`` passes a matrix through, so a
rank_fn that starts with it accepts either. With ``rank_fn=None`` the built-in order is used: the
method's scores descending, then product_id; products with no eligible total are left out.

Definitions (all on eligible totals, 0..100):

- robust: every method compared has the same nominee (first product).
- leave-one-judge-out: for each judge with at least one eligible total, rank again without all
  of that judge's totals. A judge "decides" the winner under a method when the nominee without
  them differs from the nominee with everyone.
- margin: leader's score minus runner-up's, in points, under the method.
- totals to move (mean only): the fewest judge totals that, changed within 0..100, bring the
  runner-up level with the leader. Lowering judge j's total for the leader L to 0 closes
  x_jL / n_L points of the gap; raising j's total for the runner-up R to 100 closes
  (100 - x_jR) / n_R. Taking the largest of these first (greedy, which is optimal for the count
  because the moves add up independently) until they cover the margin gives k; the last move
  only goes as far as needed. ``points_to_move`` is the sum of the k changes.

"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kbo_dashboard.scoring.aggregation import (
    DEFAULT_METHOD,
    METHODS,
    ScoreMatrix,
    Totals,
    get_method,
    ranking_order,
    score_matrix,
)

RankFn = Callable[[ScoreMatrix, str], Sequence[str]]
SCALE_MAX = 100.0


def default_rank(totals: Totals, method: str = DEFAULT_METHOD) -> list[str]:
    """Product ids best first: score under ``method`` descending, then product_id."""
    return _matrix_rank(score_matrix(totals), method)


def _matrix_rank(matrix: ScoreMatrix, method: str) -> list[str]:
    order = ranking_order(get_method(method).scores(matrix.values))
    return [matrix.product_ids[i] for i in order]


def _first(order: Sequence[str]) -> str | None:
    return order[0] if len(order) else None


@dataclass(frozen=True)
class MethodComparison:
    """The top products under each method, side by side."""

    top: pd.DataFrame  # method, position (1..top_n), product_id, score (under that method)
    nominees: dict[str, str | None]
    robust: bool


def compare_methods(
    totals: Totals,
    methods: Sequence[str] | None = None,
    top_n: int = 3,
    rank_fn: RankFn | None = None,
) -> MethodComparison:
    """Top ``top_n`` under each method and whether all methods pick the same nominee."""
    methods = list(methods or METHODS)
    matrix = score_matrix(totals)
    rows = []
    nominees: dict[str, str | None] = {}
    for method in methods:
        order = _matrix_rank(matrix, method) if rank_fn is None else list(rank_fn(matrix, method))
        nominees[method] = _first(order)
        scores = dict(zip(matrix.product_ids, get_method(method).scores(matrix.values)))
        for position, product_id in enumerate(order[:top_n], start=1):
            rows.append((method, position, product_id, float(scores.get(product_id, np.nan))))
    top = pd.DataFrame(rows, columns=["method", "position", "product_id", "score"])
    top = top.astype({"method": "str", "product_id": "str"})
    picked = set(nominees.values())
    robust = len(picked) == 1 and None not in picked
    return MethodComparison(top, nominees, robust)


@dataclass(frozen=True)
class LeaveOneJudgeOut:
    """The nominee with each judge removed in turn, under each method."""

    nominees: dict[str, str | None]  # method -> nominee with every judge
    table: pd.DataFrame  # judge_id, then one column per method: nominee without that judge
    deciding: dict[str, list[str]]  # method -> judges whose removal changes the nominee

    def any_deciding(self) -> list[str]:
        """Judges whose removal changes the nominee under at least one method."""
        return sorted({j for judges in self.deciding.values() for j in judges})


def leave_one_judge_out(
    totals: Totals,
    methods: Sequence[str] | None = None,
    rank_fn: RankFn | None = None,
) -> LeaveOneJudgeOut:
    """Re-rank without each judge (every judge with an eligible total) under each method."""
    methods = list(methods or METHODS)
    matrix = score_matrix(totals)
    has_total = ~np.isnan(matrix.values).all(axis=1)
    judge_rows = np.flatnonzero(has_total)
    judge_ids = [matrix.judge_ids[i] for i in judge_rows]
    table: dict[str, list[str | None]] = {"judge_id": judge_ids}
    nominees: dict[str, str | None] = {}
    deciding: dict[str, list[str]] = {}
    for method in methods:
        rank = _matrix_rank if rank_fn is None else rank_fn
        nominees[method] = _first(list(rank(matrix, method)))
        without = [_first(list(rank(matrix.without_judge(i), method))) for i in judge_rows]
        table[method] = without
        deciding[method] = [j for j, n in zip(judge_ids, without) if n != nominees[method]]
    frame = pd.DataFrame(table)
    return LeaveOneJudgeOut(nominees, frame.astype("str"), deciding)


@dataclass(frozen=True)
class Margin:
    """The gap between first and second, and what it would take to close it."""

    method: str
    leader: str | None
    runner_up: str | None
    leader_score: float
    runner_up_score: float
    points: float  # leader_score - runner_up_score; NaN without two ranked products
    totals_to_move: int | None  # None: not the mean, or no runner-up to compare with
    points_to_move: float | None
    moves: pd.DataFrame  # judge_id, product_id, old_total, new_total (the k changes)


_MOVE_COLUMNS = ["judge_id", "product_id", "old_total", "new_total"]


def _empty_moves() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "judge_id": pd.Series(dtype="str"),
            "product_id": pd.Series(dtype="str"),
            "old_total": pd.Series(dtype=float),
            "new_total": pd.Series(dtype=float),
        }
    )


def _mean_swap(
    matrix: ScoreMatrix, leader: int, runner: int, gap: float
) -> tuple[int, float, pd.DataFrame]:
    """Greedy fewest-totals swap under the mean (see the module docstring)."""
    if gap <= 0:
        return 0, 0.0, _empty_moves()
    col_l, col_r = matrix.values[:, leader], matrix.values[:, runner]
    n_l, n_r = int((~np.isnan(col_l)).sum()), int((~np.isnan(col_r)).sum())
    # (closing power in points, judge row, product column, per-point divisor, direction)
    moves = [(col_l[j] / n_l, j, leader, n_l, -1.0) for j in np.flatnonzero(~np.isnan(col_l))]
    moves += [
        ((SCALE_MAX - col_r[j]) / n_r, j, runner, n_r, 1.0)
        for j in np.flatnonzero(~np.isnan(col_r))
    ]
    moves.sort(key=lambda m: (-m[0], matrix.judge_ids[m[1]], m[2]))
    # Always enough: all the moves together close s_L + (100 - s_R) >= s_L - s_R points.
    rows, remaining = [], gap
    for power, j, p, n, direction in moves:
        step = min(power, remaining)
        old = float(matrix.values[j, p])
        rows.append((matrix.judge_ids[j], matrix.product_ids[p], old, old + direction * step * n))
        remaining -= step
        if remaining <= 1e-9:
            break
    frame = pd.DataFrame(rows, columns=_MOVE_COLUMNS).astype(
        {"judge_id": "str", "product_id": "str"}
    )
    points = float((frame["new_total"] - frame["old_total"]).abs().sum())
    return len(frame), points, frame


def margin(totals: Totals, method: str = DEFAULT_METHOD, rank_fn: RankFn | None = None) -> Margin:
    """Margin between first and second under ``method``; the totals-to-move under the mean."""
    matrix = score_matrix(totals)
    order = _matrix_rank(matrix, method) if rank_fn is None else list(rank_fn(matrix, method))
    scores = get_method(method).scores(matrix.values)
    index = {p: i for i, p in enumerate(matrix.product_ids)}
    leader = order[0] if len(order) >= 1 else None
    runner = order[1] if len(order) >= 2 else None
    s_l = float(scores[index[leader]]) if leader in index else np.nan
    s_r = float(scores[index[runner]]) if runner in index else np.nan
    gap = s_l - s_r
    k, points, moves = None, None, _empty_moves()
    if method == "mean" and np.isfinite(gap):
        k, points, moves = _mean_swap(matrix, index[leader], index[runner], max(gap, 0.0))
    return Margin(method, leader, runner, s_l, s_r, gap, k, points, moves)
