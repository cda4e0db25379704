"""Digests that say whether data changed: the data version and a decision's ``scores_digest``.

Both are SHA-256 over canonical JSON (:func:`canonical_json`: UTF-8, no spaces, no ASCII
escaping), written down in docs/methods.md ("Digests"), so a clerk can recompute them:

- :func:`workbook_digest` is the **data version**: every fetched tab's values, before parsing.
  A refresh whose digest equals the last one's changed nothing, so nothing is parsed, scored,
  audited or diffed again (:mod:`kbo_dashboard.meeting.snapshot`).
- :func:`scores_digest` covers only the **counted score cells**: the valid scores of the rows
  scoring counts (every criterion scored, no declared conflict). It is stored in the chair's
  signed decision row and changes if and only if one of those cells changes (a value, or a cell
  entering or leaving the count), not when a comment, a name or a row nobody counts changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.sources.source import Rows

SCORES_TAG = "kbo-scores-v1"
WORKBOOK_TAG = "kbo-workbook-v1"
KEY = ["judge_id", "product_id", "criterion_id"]


def canonical_json(value: object) -> str:
    """``value`` as compact JSON; a value JSON has no type for (a date) as its ``str``."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def workbook_digest(tabs: Mapping[str, Rows]) -> str:
    """The data version: SHA-256 of ``["kbo-workbook-v1", [[tab, rows], ...]]`` in tab order.

    Rows are as fetched (ragged, trailing blanks dropped), cells as JSON values.
    """
    return sha256_hex(canonical_json([WORKBOOK_TAG, [[name, rows] for name, rows in tabs.items()]]))


def _eligible_pairs(comp: Competition) -> set[tuple[str, str]]:
    rows = comp.rows
    eligible = rows[rows["complete"].astype(bool) & ~rows["conflict"].astype(bool)]
    return set(
        zip(eligible["judge_id"].astype(str).tolist(), eligible["product_id"].astype(str).tolist())
    )


def counted_cells(comp: Competition) -> pd.DataFrame:
    """The counted score cells: judge_id, product_id, criterion_id, score, tab, cell.

    A cell counts when its judge x product row is complete and not a declared conflict (the
    rows :func:`kbo_dashboard.scoring.scoring.judge_totals` marks eligible). One cell per key
    (the first, as the audit trail keeps it).
    """
    pairs = _eligible_pairs(comp)
    scores = comp.scores
    judges = scores["judge_id"].astype(str).tolist()
    products = scores["product_id"].astype(str).tolist()
    keep = pd.array([pair in pairs for pair in zip(judges, products)], dtype=bool)
    cells = scores[keep] if len(scores) else scores
    return cells.drop_duplicates(KEY).reset_index(drop=True)


def counted_values(comp: Competition) -> dict[tuple[str, str, str], float]:
    """Each counted cell's score by (judge, product, criterion); the first of a repeated key."""
    pairs = _eligible_pairs(comp)
    scores = comp.scores
    columns = [scores[c].astype(str).tolist() for c in KEY]
    values: dict[tuple[str, str, str], float] = {}
    for judge, product, criterion, score in zip(*columns, scores["score"].tolist()):
        key = (judge, product, criterion)
        if (judge, product) in pairs and key not in values:
            values[key] = float(score) + 0.0  # + 0.0: -0.0 reads as 0.0
    return values


def scores_canonical(comp: Competition) -> str:
    """The canonical text :func:`scores_digest` hashes.

    ``["kbo-scores-v1", [[judge, product, criterion, score], ...]]``: one entry per counted
    cell, sorted by the three IDs (code point order), the score as a JSON float (``8.0``).
    """
    entries = [[*key, value] for key, value in sorted(counted_values(comp).items())]
    return canonical_json([SCORES_TAG, entries])


def scores_digest(comp: Competition) -> str:
    """SHA-256 (hex) of :func:`scores_canonical`: what a decision was made on."""
    return sha256_hex(scores_canonical(comp))
