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
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kbo_dashboard.scoring.progress import judge_progress

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


def contributing_judges(results: Any) -> int:
    """Judges with at least one row that counts toward a product's score."""
    totals = results.totals
    return int(totals.loc[totals["eligible"].astype(bool), "judge_id"].nunique())


def counted_for(results: Any, product_id: str | None) -> int | None:
    """Judges whose rows count toward ``product_id``'s score (None for no product)."""
    if product_id is None:
        return None
    standings = results.standings.set_index("product_id")
    if product_id not in standings.index:
        return None
    return int(standings.at[product_id, "n_judges"])


def panel_counts(comp: Any, results: Any = None, progress: Any = None) -> PanelCounts:
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


def format_count(n: Any) -> str:
    """A count with thousands separators (``2,575``), or a dash."""
    try:
        return f"{int(n):,}"
    except (TypeError, ValueError):
        return "-"


def round_score(value: Any) -> float | None:
    """A score rounded as it is shown (2 decimals), or None when there is none."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else round(number, SCORE_DECIMALS)


def format_score(value: Any) -> str:
    """A score with two decimals (``84.58``), or a dash."""
    number = round_score(value)
    return "-" if number is None else f"{number:.{SCORE_DECIMALS}f}"
