"""The fewest judge totals to move, and by how much, for second place to draw level with first.

A move lowers one of the leader's counted totals (to 0 at most) or raises one of the
runner-up's (to 100 at most); each total is one move, whichever judge gave it. The count is
minimised first, then the points moved. What can be said depends on the method's
:class:`~kbo_dashboard.scoring.aggregation.MoveRule` (its ``moves``), not on its name:

- Mean (``MoveRule.MEAN``). Lowering a leader total by d closes d / n_L of the gap, raising a
  runner-up total by e closes e / n_R (n = each side's counted judges). With k moves at most
  the k largest capacities (x / n_L, (100 - y) / n_R) can be closed, so k is the smallest count
  whose best capacities cover the gap. For the points, every split of k into a leader moves
  and k - a runner-up moves is tried with each side's largest capacities; the side with fewer
  counted judges closes a point of gap for fewer points moved, so it is used first, then the
  other. The cheapest split is the exact minimum (``tests/test_moves.py`` checks it against a
  linear programme over every subset of totals).
- Trimmed mean and median (``MoveRule.MONOTONE``, ``MoveRule.MEDIAN``) are monotone in every
  total, so the most a side can move with m moves is reached by taking its m most extreme
  totals to the limit (the leader's highest to 0, the runner-up's lowest to 100); the count is
  exact. The points depend on which totals are dropped or in the middle after the move. Under
  the median with an odd number of counted judges on both sides they are exact
  (:func:`_median_odd_plan`); otherwise none is given.
- Judge-normalised (``MoveRule.UNKNOWN``, as for any method that declares nothing): moving one
  total changes that judge's mean and spread, so every product they scored moves; neither
  figure is given.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kbo_dashboard.scoring.aggregation import METHODS, MoveRule, ScoreMatrix, get_method
from kbo_dashboard.scoring.ranking import rank_key

SCALE_MAX = 100.0
EPS = 1e-9
MOVE_COLUMNS = ["judge_id", "product_id", "old_total", "new_total", "direction"]


@dataclass(frozen=True)
class Plan:
    """``count`` totals moving ``points`` in all (None: not known); ``moves`` lists them."""

    count: int | None
    points: float | None
    moves: pd.DataFrame  # MOVE_COLUMNS; new_total NaN when the amount is not known


def empty_moves() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "judge_id": pd.Series(dtype="str"),
            "product_id": pd.Series(dtype="str"),
            "old_total": pd.Series(dtype=float),
            "new_total": pd.Series(dtype=float),
            "direction": pd.Series(dtype="str"),
        }
    )


def _frame(rows) -> pd.DataFrame:
    if not rows:
        return empty_moves()
    return pd.DataFrame(rows, columns=MOVE_COLUMNS).astype(
        {"judge_id": "str", "product_id": "str", "direction": "str"}
    )


def _sides(matrix: ScoreMatrix, leader: int, runner: int):
    """Per side: the rows with a counted total, most movable first, and the totals."""
    col_l, col_r = matrix.values[:, leader], matrix.values[:, runner]
    rows_l, rows_r = np.flatnonzero(~np.isnan(col_l)), np.flatnonzero(~np.isnan(col_r))
    rows_l = rows_l[np.argsort(-rank_key(col_l[rows_l]), kind="stable")]  # highest first
    rows_r = rows_r[np.argsort(rank_key(col_r[rows_r]), kind="stable")]  # lowest first
    return col_l, col_r, rows_l, rows_r


def _smallest_split(reach_l, reach_r, gap) -> tuple[int, int]:
    """Fewest a + b with reach_l[a] + reach_r[b] >= gap (smallest a first on equal counts)."""
    best = None
    for a in range(len(reach_l)):
        b = int(np.searchsorted(reach_r, gap - reach_l[a] - EPS))
        if b < len(reach_r) and (best is None or a + b < sum(best)):
            best = (a, b)
    assert best is not None  # moving every judge all the way always closes the gap
    return best


def _mean_plan(matrix, leader, runner, gap) -> Plan:
    col_l, col_r, rows_l, rows_r = _sides(matrix, leader, runner)
    n_l, n_r = len(rows_l), len(rows_r)
    cap_l, cap_r = col_l[rows_l] / n_l, (SCALE_MAX - col_r[rows_r]) / n_r  # closing power
    reach_l = np.concatenate([[0.0], np.cumsum(cap_l)])
    reach_r = np.concatenate([[0.0], np.cumsum(cap_r)])
    count = sum(_smallest_split(reach_l, reach_r, gap))
    best = None
    for a in range(max(0, count - n_r), min(count, n_l) + 1):
        b = count - a
        if reach_l[a] + reach_r[b] < gap - EPS:
            continue
        # close with the side whose point of total closes more gap (fewer judges) first
        if n_r <= n_l:
            from_r = min(gap, reach_r[b])
            from_l = gap - from_r
        else:
            from_l = min(gap, reach_l[a])
            from_r = gap - from_l
        cost = from_l * n_l + from_r * n_r
        if best is None or cost < best[0] - EPS:
            best = (cost, a, b, from_l, from_r)
    assert best is not None  # moving every judge all the way always closes the gap
    cost, a, b, from_l, from_r = best
    rows = []
    for side_rows, caps, n, closing, col, product, sign in (
        (rows_l[:a], cap_l, n_l, from_l, col_l, leader, -1.0),
        (rows_r[:b], cap_r, n_r, from_r, col_r, runner, 1.0),
    ):
        for j, cap in zip(side_rows, caps):
            step = min(cap, closing)
            closing -= step
            old = float(col[j])
            new = min(max(old + sign * step * n, 0.0), SCALE_MAX)
            direction = "down" if sign < 0 else "up"
            rows.append((matrix.judge_ids[j], matrix.product_ids[product], old, new, direction))
    return Plan(count, float(cost), _frame(rows))


def _extreme_reach(values: np.ndarray, method: str, limit: float, sign: float) -> np.ndarray:
    """How far the score moves (in points, >= 0) with the 0..n most extreme totals at limit."""
    scores = METHODS[method].scores
    base = scores(values[:, None])[0]
    reach = [0.0]
    for m in range(1, len(values) + 1):
        moved = values.copy()
        moved[:m] = limit
        reach.append(sign * (scores(moved[:, None])[0] - base))
    return np.maximum.accumulate(np.asarray(reach))


def _count_plan(matrix, leader, runner, gap, method) -> Plan:
    col_l, col_r, rows_l, rows_r = _sides(matrix, leader, runner)
    reach_l = _extreme_reach(col_l[rows_l], method, 0.0, -1.0)
    reach_r = _extreme_reach(col_r[rows_r], method, SCALE_MAX, 1.0)
    a, b = _smallest_split(reach_l, reach_r, gap)
    rows = [
        (matrix.judge_ids[j], matrix.product_ids[leader], float(col_l[j]), np.nan, "down")
        for j in rows_l[:a]
    ] + [
        (matrix.judge_ids[j], matrix.product_ids[runner], float(col_r[j]), np.nan, "up")
        for j in rows_r[:b]
    ]
    return Plan(a + b, None, _frame(rows))


def _median_odd_plan(matrix, leader, runner) -> Plan | None:
    """Exact count and points under the median when both sides have an odd count, else None.

    With n = 2h - 1 totals the median is <= v exactly when h totals are <= v, so bringing the
    leader down to a level v means lowering the smallest totals above v to v, as many as are
    missing; the runner-up's side mirrors it. Count and points are piecewise constant and linear
    in v between the totals, so trying v at every total of both sides (and 0, 100) finds the
    lexicographic minimum.
    """
    col_l, col_r, rows_l, rows_r = _sides(matrix, leader, runner)
    if len(rows_l) % 2 == 0 or len(rows_r) % 2 == 0:
        return None
    need_l, need_r = len(rows_l) // 2 + 1, len(rows_r) // 2 + 1
    x, y = col_l[rows_l], col_r[rows_r]
    best = None
    for v in sorted({0.0, SCALE_MAX, *x.tolist(), *y.tolist()}):
        down = rows_l[x > v][np.argsort(x[x > v], kind="stable")]  # smallest above v first
        down = down[: max(0, need_l - int((x <= v).sum()))]
        up = rows_r[y < v][np.argsort(-y[y < v], kind="stable")]  # largest below v first
        up = up[: max(0, need_r - int((y >= v).sum()))]
        cost = float((col_l[down] - v).sum() + (v - col_r[up]).sum())
        key = (len(down) + len(up), cost)
        if best is None or key < best[0]:
            best = (key, v, down, up)
    assert best is not None  # v = 0 (or 100) always brings them level
    (count, cost), v, down, up = best
    rows = [
        (matrix.judge_ids[j], matrix.product_ids[leader], float(col_l[j]), v, "down") for j in down
    ] + [(matrix.judge_ids[j], matrix.product_ids[runner], float(col_r[j]), v, "up") for j in up]
    return Plan(count, cost, _frame(rows))


def fewest_moves(matrix: ScoreMatrix, leader: int, runner: int, method: str) -> Plan:
    """The fewest totals (and, under the mean, points) to bring ``runner`` level with ``leader``.

    ``leader`` and ``runner`` are product columns of ``matrix``; see the module docstring.
    """
    rule = get_method(method).moves
    scores = METHODS[method].scores(matrix.values)
    gap = float(scores[leader] - scores[runner])
    if gap <= EPS:
        return Plan(0, 0.0, empty_moves())
    if rule is MoveRule.MEAN:
        return _mean_plan(matrix, leader, runner, gap)
    if rule is MoveRule.MEDIAN:
        exact = _median_odd_plan(matrix, leader, runner)
        if exact is not None:
            return exact
    if rule in (MoveRule.MONOTONE, MoveRule.MEDIAN):
        return _count_plan(matrix, leader, runner, gap, method)
    return Plan(None, None, empty_moves())
