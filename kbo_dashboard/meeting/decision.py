"""The chair's decision: what is stored, and how it is written as one row.

A :class:`Decision` holds the product, whether it confirms the provisional nominee, the reason
(required for any other product), the aggregation method, the product's score, rank and judges
counted, the margin, the top standings as compact JSON, the UTC time and who recorded it, and
``scores_digest``: the digest of the counted score cells it was made on
(:func:`kbo_dashboard.scoring.digest.scores_digest`), covered by the signature, so every page
and document can tell when the scores were edited afterwards
(:mod:`kbo_dashboard.meeting.binding`). Rows recorded before the digest existed have none.
:func:`make_decision` builds one from the current results and refuses a non-nominee without a
reason (:class:`DecisionRefused`, Thai and English). The same row (:data:`HEADER`) is written to
the sheet's ``Decision`` tab, the local SQLite store and the pending file
(:mod:`kbo_dashboard.meeting.decision_store`, :mod:`kbo_dashboard.meeting.pending`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from kbo_dashboard.i18n import both, pick

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.scoring.scoring import Results
    from kbo_dashboard.sources.source import Cell, Rows

TOP_STANDINGS = 5


# --- the decision ---------------------------------------------------------------------------
class DecisionRefused(ValueError):
    """The decision cannot be recorded as given (e.g. no reason for another product)."""

    def __init__(self, key: str, **params: object):
        self.message_th, self.message_en = both(key, **params)
        super().__init__(self.message_en)


class DecisionWriteError(Exception):
    """The decision was not written. The messages tell the chair what to do."""

    def __init__(self, message_en: str, message_th: str):
        super().__init__(message_en)
        self.message_en, self.message_th = message_en, message_th

    def message(self, lang: str = "th") -> str:
        return pick(self.message_th, self.message_en, lang)


@dataclass(frozen=True)
class Decision:
    """One recorded decision of the chair, with the standings at that moment."""

    product_id: str
    product_name: str
    confirmed_nominee: bool
    reason: str
    method: str
    score: float | None
    rank: int | None
    n_judges: int
    margin: float | None
    provisional_nominee: str | None
    standings: str  # compact JSON: the top standings when the decision was made
    decided_at: datetime  # UTC
    decided_by: str = "chair"
    decision_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    # The readiness checklist's open points when recorded (compact JSON list; "" when clear).
    open_points: str = ""
    # HMAC over the row, made with the KBO_DECISION_KEY secret ("" when unsigned).
    signature: str = ""
    # SHA-256 of the counted score cells when recorded ("" for rows recorded before it existed).
    scores_digest: str = ""
    # Not a cell: signing.verdict of the signature where the history was read (signing.verify);
    # "app" for the app's own decisions, "" until checked. Equal decisions may differ in it.
    verdict: str = field(default="", compare=False)

    def top_standings(self) -> list[dict[str, object]]:
        try:
            found = json.loads(self.standings or "[]")
        except ValueError:
            return []
        return [s for s in found if isinstance(s, dict)] if isinstance(found, list) else []

    def signed_cells(self) -> list[Cell]:
        """What the signature covers (:func:`signed_cells`); signing.py asks the decision for
        it rather than importing this module, which imports signing."""
        return signed_cells(self)


def make_decision(
    comp: Competition,
    results: Results,
    product_id: str,
    reason: str = "",
    *,
    decided_by: str = "chair",
    now: datetime | None = None,
    open_points: str = "",
) -> Decision:
    """A decision for ``product_id`` from the current results; raises :class:`DecisionRefused`."""
    standings = results.standings.set_index("product_id", drop=False)
    if product_id not in standings.index:
        raise DecisionRefused("decision.unknown_product", id=product_id)
    reason = (reason or "").strip()
    confirmed = results.nominee is not None and product_id == results.nominee
    if not confirmed and not reason:
        raise DecisionRefused("decision.reason_required")
    row = standings.loc[product_id]
    from kbo_dashboard.scoring.digest import scores_digest

    return Decision(
        product_id=str(product_id),
        product_name=str(row["product_name"]),
        confirmed_nominee=confirmed,
        reason=reason,
        method=str(results.method),
        score=_number(row["score"]),
        rank=None if _missing(row["rank"]) else int(row["rank"]),
        n_judges=int(row["n_judges"]),
        margin=_number(results.margin),
        provisional_nominee=results.nominee,
        standings=_standings_json(results, product_id),
        decided_at=(now or datetime.now(UTC)).astimezone(UTC),
        decided_by=decided_by,
        open_points=open_points,
        scores_digest=scores_digest(comp),
    )


def _missing(value: object) -> bool:
    """None, NaN or pandas' NA."""
    import pandas as pd

    return value is None or bool(pd.isna(value))


def _number(value: float | None) -> float | None:
    return None if value is None or _missing(value) else round(float(value), 4)


def _standings_json(results: Results, product_id: str) -> str:
    """The top standings (plus the chosen product if lower) as compact JSON."""
    ranked = results.ranked
    chosen = results.standings[results.standings["product_id"] == product_id]
    rows = ranked.head(TOP_STANDINGS)
    if product_id not in set(rows["product_id"]):
        import pandas as pd

        rows = pd.concat([rows, chosen])
    out = [
        {
            "id": str(r["product_id"]),
            "score": _number(r["score"]),
            "rank": None if _missing(r["rank"]) else int(r["rank"]),
            "n": int(r["n_judges"]),
        }
        for _, r in rows.iterrows()
    ]
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def final(history: Iterable[Decision]) -> Decision | None:
    """The latest decision recorded by the app: the one every viewer sees as final.

    A row without a valid signature (typed into the sheet, or altered) is never final, nor is
    one whose signature was not checked: ``history`` comes through
    :func:`~kbo_dashboard.meeting.signing.verify` (the meeting's key and binding).
    """
    items = [d for d in history if d.verdict == "app"]
    return items[-1] if items else None


def not_recorded_by_app(history: Iterable[Decision]) -> list[Decision]:
    """Rows without a valid signature (checked by ``signing.verify``), shown apart, never final."""
    return [d for d in history if d.verdict != "app"]


def split_history(
    history: Iterable[Decision],
) -> tuple[Decision | None, list[Decision], list[Decision]]:
    """(the final decision, the app's decisions, the rows not recorded by the app), in order."""
    history = list(history)
    unsigned = not_recorded_by_app(history)
    return final(history), [d for d in history if d.verdict == "app"], unsigned


# --- rows: how a decision is written to the sheet, SQLite and the pending file ---------------
HEADER = [
    "decision_id",
    "decided_at",
    "decided_by",
    "product_id",
    "product_name",
    "confirmed_nominee",
    "provisional_nominee",
    "reason",
    "method",
    "score",
    "rank",
    "n_judges",
    "margin",
    "standings",
    "open_points",
    "signature",
    # Added later, so after the signature: a Decision tab made earlier keeps its columns, and
    # the store adds this header cell (meeting/decision_store.py).
    "scores_digest",
]


def decision_row(d: Decision) -> list[Cell]:
    """The decision as one row of cells, in :data:`HEADER` order (blanks for missing values)."""
    return [
        d.decision_id,
        d.decided_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        d.decided_by,
        d.product_id,
        d.product_name,
        "TRUE" if d.confirmed_nominee else "FALSE",
        d.provisional_nominee or "",
        d.reason,
        d.method,
        "" if d.score is None else d.score,
        "" if d.rank is None else d.rank,
        d.n_judges,
        "" if d.margin is None else d.margin,
        d.standings,
        d.open_points,
        d.signature,
        d.scores_digest,
    ]


def signed_cells(d: Decision) -> list[Cell]:
    """The cells the signature covers: the row without the signature. A row without a digest
    (recorded before it existed) leaves that blank cell out, so its signature still holds."""
    cells = dict(zip(HEADER, decision_row(d)))
    cells.pop("signature")
    if not d.scores_digest:
        cells.pop("scores_digest")
    return list(cells.values())


#: The years a readable decision may carry: any zone can shift them without overflowing.
YEARS = (1900, 9000)


N = TypeVar("N", int, float)


def _optional(value: object, kind: Callable[[float], N]) -> N | None:
    text = "" if value is None else str(value).strip()
    return kind(float(text)) if text else None


def decision_from_row(header: list[str], row: list[Cell]) -> Decision | None:
    """A decision from cells under ``header``; None when the row is not a readable decision."""
    cells = dict(zip(header, row))
    try:
        decision_id = str(cells.get("decision_id", "")).strip()
        product_id = str(cells.get("product_id", "")).strip()
        stamp = str(cells.get("decided_at", "")).strip().replace("Z", "+00:00")
        if not decision_id or not product_id or not stamp:
            return None
        at = datetime.fromisoformat(stamp)
        at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
        if not YEARS[0] <= at.year <= YEARS[1]:  # never written by the app; unsafe to shift
            return None
        confirmed = str(cells.get("confirmed_nominee", "")).strip().upper() in ("TRUE", "1")
        return Decision(
            product_id=product_id,
            product_name=str(cells.get("product_name", "")),
            confirmed_nominee=confirmed,
            reason=str(cells.get("reason", "")),
            method=str(cells.get("method", "")),
            score=_optional(cells.get("score"), float),
            rank=_optional(cells.get("rank"), int),
            n_judges=_optional(cells.get("n_judges"), int) or 0,
            margin=_optional(cells.get("margin"), float),
            provisional_nominee=str(cells.get("provisional_nominee", "")).strip() or None,
            standings=str(cells.get("standings", "") or "[]"),
            decided_at=at,
            decided_by=str(cells.get("decided_by", "")) or "chair",
            decision_id=decision_id,
            open_points=str(cells.get("open_points", "") or ""),
            signature=str(cells.get("signature", "") or "").strip(),
            scores_digest=str(cells.get("scores_digest", "") or "").strip(),
        )
    except (ValueError, TypeError, OverflowError):
        return None


def decisions_from_rows(rows: Rows) -> list[Decision]:
    """Decisions from a ``Decision`` tab's cells (header row first), oldest first.

    Rows that cannot be read are skipped (:mod:`kbo_dashboard.meeting.decision_tab` lists
    them); a row written twice counts once. Two different rows under one decision id both stay,
    so a row typed above the app's own with its id never hides it (and both are flagged).
    The dashboard can pass the tab it already fetched, with no extra request.
    """
    if not rows:
        return []
    header = [str(h).strip() for h in rows[0]]
    found = (decision_from_row(header, list(r)) for r in rows[1:])
    return dedupe(d for d in found if d is not None)


def dedupe(decisions: Iterable[Decision]) -> list[Decision]:
    """Each decision once: rows with the same cells (a retried write) count once."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for d in decisions:
        cells = row_key(d)
        if cells not in seen:
            seen.add(cells)
            out.append(d)
    return out


def row_key(d: Decision) -> tuple[str, ...]:
    """The decision's row as text: equal for the same row read twice (NaN included)."""
    return tuple(str(c) for c in decision_row(d))


def as_dict(decision: Decision) -> dict[str, object]:
    """The decision as plain values (for session state and JSON)."""
    data = asdict(decision)
    data["decided_at"] = decision.decided_at.isoformat()
    return data
