"""Every count the committee reads, defined once, and the two number formats they are shown in.

The Overview, Judges, Nomination and Downloads pages, the CSV notes, the xlsx summary and the
PDF all take their counts from :func:`panel_counts`, so the same number never reads two ways:

- ``panel``: judges on the Judges tab (the whole committee).
- ``finished``: judges who have a complete row for every product they are expected to score
  (every product but their declared conflicts).
- ``contributing``: judges with at least one row that counts toward a product's score.
- ``counted_for_nominee``: judges whose row counts toward the provisional nominee (None when
  there is no nominee).
- ``scores``: valid score cells received for products the judge is expected to score
  (a conflict's cells are not scores); ``scores_expected``: judges × their products × criteria.
- ``score_cells``: every valid score cell in the workbook (what the "every score" CSV holds);
  ``scores_set_aside``: those that are not scores (typed despite a declared conflict).

:func:`format_count` writes ``2,575`` and :func:`format_score` ``84.58`` everywhere.

Every score shown or exported is rounded by :func:`round_half_up` (through :func:`round_score`,
:func:`round_scores` and :func:`format_score`): half up on the decimal value, as a clerk
re-adding by hand would, so 83.625 reads 83.63 (Python's ``round`` works on the binary float
and gives 83.62). The value is first taken to the rank basis
(:data:`kbo_dashboard.scoring.ranking.DECIMALS` decimals), so a float sum that lands a unit in
the last place below 83.625 still reads 83.63, and two products ranked level read the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kbo_dashboard.scoring.progress import judge_progress
from kbo_dashboard.scoring.ranking import DECIMALS as RANK_DECIMALS

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.scoring.progress import Progress
    from kbo_dashboard.scoring.scoring import Results

SCORE_DECIMALS = 2


@dataclass(frozen=True)
class PanelCounts:
    """The counts of one competition and its results (see the module's definitions)."""

    panel: int
    finished: int
    contributing: int
    counted_for_nominee: int | None
    scores: int
    scores_expected: int
    score_cells: int

    @property
    def scores_set_aside(self) -> int:
        return max(0, self.score_cells - self.scores)

    @property
    def unfinished(self) -> int:
        return self.panel - self.finished


def contributing_judges(results: Results) -> int:
    """Judges with at least one row that counts toward a product's score."""
    totals = results.totals
    return int(totals.loc[totals["eligible"].astype(bool), "judge_id"].nunique())


def counted_for(results: Results, product_id: str | None) -> int | None:
    """Judges whose rows count toward ``product_id``'s score (None for no product)."""
    if product_id is None:
        return None
    standings = results.standings.set_index("product_id")
    if product_id not in standings.index:
        return None
    return int(standings.at[product_id, "n_judges"])


def judges_counted(results: Results) -> int:
    """The Nomination page's "judges counted": the nominee's, else (no sole nominee) the most
    any ranked product has."""
    if results.nominee:
        return counted_for(results, results.nominee) or 0
    return int(results.ranked["n_judges"].max()) if not results.ranked.empty else 0


def panel_counts(
    comp: Competition, results: Results | None = None, progress: Progress | None = None
) -> PanelCounts:
    """Every count for ``comp`` (and its ``results``; without them the result counts are 0)."""
    progress = progress or judge_progress(comp)
    return PanelCounts(
        panel=int(len(comp.judges)),
        finished=int(progress.judges_finished),
        contributing=contributing_judges(results) if results is not None else 0,
        counted_for_nominee=counted_for(results, results.nominee) if results is not None else None,
        scores=int(progress.scores_received),
        scores_expected=int(progress.scores_expected),
        score_cells=int(len(comp.scores)),
    )


def format_count(n: object) -> str:
    """A count with thousands separators (``2,575``), or a dash."""
    try:
        return f"{int(n):,}"  # type: ignore[call-overload]  # any value: what int() refuses is caught
    except (TypeError, ValueError):
        return "-"


def _decimal(value: object, digits: int) -> Decimal | None:
    """``value`` rounded half up to ``digits`` decimals as a Decimal; None when not a number."""
    try:
        number = float(value)  # type: ignore[arg-type]  # any value: what float() refuses is caught
    except (TypeError, ValueError):
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    try:
        basis = Decimal(repr(number)).quantize(Decimal(1).scaleb(-RANK_DECIMALS), ROUND_HALF_EVEN)
        rounded = basis.quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
        return abs(rounded) if rounded.is_zero() else rounded  # never "-0.00"
    except InvalidOperation:  # beyond the context's precision (e.g. 1e300): keep the float
        return Decimal(repr(number))


def round_half_up(value: object, digits: int = SCORE_DECIMALS) -> float | None:
    """THE rounding of every number shown or exported: half up on the decimal value.

    83.625 -> 83.63 and 79.625 -> 79.63 (half away from zero: -0.125 -> -0.13). None when
    ``value`` is not a finite number.
    """
    rounded = _decimal(value, digits)
    return None if rounded is None else float(rounded)


def round_score(value: object) -> float | None:
    """A score rounded as it is shown (2 decimals, :func:`round_half_up`), or None."""
    return round_half_up(value, SCORE_DECIMALS)


def round_scores(
    values: pd.Series | np.ndarray, digits: int = SCORE_DECIMALS
) -> pd.Series | np.ndarray:
    """:func:`round_half_up` over a Series (same index) or an array; NaN where no number.

    Vectorised in integers for a whole heatmap at once: the value at the rank basis as an
    integer count of 1e-9, then half up to ``digits``. A value too large for that (beyond about
    9e6) takes :func:`round_half_up` itself. ``tests/test_rounding.py`` checks both agree.
    """
    if isinstance(values, pd.Series):
        rounded = round_scores(pd.to_numeric(values, errors="coerce").to_numpy(float), digits)
        return pd.Series(rounded, index=values.index, dtype=float, name=values.name)
    array = np.asarray(values, dtype=float)
    out = np.full(array.shape, np.nan)
    with np.errstate(invalid="ignore", over="ignore"):
        basis = np.rint(array * 10.0**RANK_DECIMALS)
    small = np.isfinite(basis) & (np.abs(basis) < 2.0**53)
    step = 10 ** (RANK_DECIMALS - digits)
    units = np.abs(basis[small]).astype(np.int64)
    out[small] = np.sign(basis[small]) * ((units + step // 2) // step) / 10**digits
    out[small & (out == 0)] = 0.0  # never -0.0
    large = np.isfinite(array) & ~small
    out[large] = [round_half_up(v, digits) for v in array[large].tolist()]
    return out


def format_score(value: object, digits: int = SCORE_DECIMALS) -> str:
    """A score with two decimals (``84.58``; :func:`round_half_up`), or a dash."""
    rounded = _decimal(value, digits)
    return "-" if rounded is None else f"{rounded:.{digits}f}"


def format_scores(
    values: pd.Series | np.ndarray | Sequence[float | None],
    digits: int = SCORE_DECIMALS,
    missing: str = "-",
) -> list:
    """:func:`format_score` over a flat array or a Series, vectorised; ``missing`` for none."""
    rounded = np.asarray(round_scores(np.asarray(values, dtype=float), digits)).ravel()
    return [missing if v != v else f"{v:.{digits}f}" for v in rounded.tolist()]


def is_level(points: object) -> bool:
    """A margin that reads 0.00: first is level with second on the score as shown."""
    return format_score(points) == format_score(0)


def format_signed(value: object, digits: int = SCORE_DECIMALS) -> str:
    """A difference in points with its sign (``+2.5``, ``-0.3``, ``0.0``), or a dash."""
    text = format_score(value, digits)
    return text if text == "-" or text.startswith("-") or float(text) == 0 else f"+{text}"
