"""The chair's decision: who may record it, what is stored, and where.

Access
    Behind the chair's password, kept in secrets only as a salted scrypt hash under the
    top-level key ``KBO_CHAIR_PASSWORD_HASH`` (see :mod:`kbo_dashboard.password`, whose
    :func:`hash_password` / :func:`verify_password` are importable from here too).

What is stored
    A :class:`Decision`: the product, whether it confirms the provisional nominee, the reason
    (required for any other product), the aggregation method, the product's score, rank and
    judges counted, the margin, the top standings as compact JSON, the UTC time and who recorded
    it. :func:`make_decision` builds one from the current results and refuses a non-nominee
    without a reason (:class:`DecisionRefused`, Thai and English).

Where
    ``Decision`` tab of the Google Sheet (:class:`SheetDecisionStore`, rows appended, never
    overwritten) or a local SQLite file (:class:`LocalDecisionStore`, an append-only table) for
    the demo and .xlsx sources; :func:`decision_store` picks. ``history()`` is oldest first and
    the last entry is the final decision. A decision changes only by recording a new one.

Failure
    :func:`record` first saves the decision in a local pending file (:class:`PendingDecisions`),
    then writes it to the store, then clears it from the pending file. A failed write raises
    :class:`DecisionWriteError` (what to do, in Thai and English) and the decision stays pending;
    :func:`retry_pending` writes it later. Every decision has an id, so a retried append that
    had in fact reached the sheet shows once in ``history()``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kbo_dashboard.i18n import both
from kbo_dashboard.password import (  # noqa: F401  (part of this module's face)
    HASH_KEY,
    chair_password_hash,
    hash_password,
    hash_password_command,
    verify_password,
)

DATA_DIR_ENV = "KBO_DATA_DIR"
DB_NAME = "decisions.sqlite3"
PENDING_NAME = "pending_decisions.json"
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
        return self.message_th if lang == "th" else self.message_en


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

    def top_standings(self) -> list[dict[str, Any]]:
        try:
            return list(json.loads(self.standings or "[]"))
        except ValueError:
            return []


def make_decision(
    comp: Any,
    results: Any,
    product_id: str,
    reason: str = "",
    *,
    decided_by: str = "chair",
    now: datetime | None = None,
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
    )


def _missing(value: Any) -> bool:
    """None, NaN or pandas' NA."""
    import pandas as pd

    return value is None or bool(pd.isna(value))


def _number(value: Any) -> float | None:
    return None if _missing(value) else round(float(value), 4)


def _standings_json(results: Any, product_id: str) -> str:
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
    """The latest decision: the one every viewer sees as final."""
    items = list(history)
    return items[-1] if items else None


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
]


def decision_row(d: Decision) -> list[Any]:
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
    ]


def _optional(value: Any, kind: type) -> Any:
    text = "" if value is None else str(value).strip()
    return kind(float(text)) if text else None


def decision_from_row(header: list[str], row: list[Any]) -> Decision | None:
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
        )
    except (ValueError, TypeError, OverflowError):
        return None


# --- stores ---------------------------------------------------------------------------------
def default_data_dir() -> Path:
    """``$KBO_DATA_DIR`` if set, else the per-user data folder (platformdirs)."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("kbo-dashboard", appauthor=False))


def _dedupe(decisions: Iterable[Decision]) -> list[Decision]:
    seen: set[str] = set()
    out = []
    for d in decisions:
        if d.decision_id not in seen:
            seen.add(d.decision_id)
            out.append(d)
    return out


class LocalDecisionStore:
    """Decisions in a SQLite file; the table refuses UPDATE and DELETE."""

    kind = "local"

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=5)
        columns = ", ".join(f"{name} TEXT" for name in HEADER if name != "decision_id")
        con.executescript(
            f"""
            CREATE TABLE IF NOT EXISTS decisions (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, decision_id TEXT UNIQUE, {columns});
            CREATE TRIGGER IF NOT EXISTS decisions_no_update BEFORE UPDATE ON decisions
                BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
            CREATE TRIGGER IF NOT EXISTS decisions_no_delete BEFORE DELETE ON decisions
                BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
            """
        )
        return con

    def append(self, decision: Decision) -> None:
        row = decision_row(decision)
        marks = ", ".join("?" for _ in HEADER)
        try:
            con = self._connect()
            try:
                with con:
                    con.execute(
                        f"INSERT OR IGNORE INTO decisions ({', '.join(HEADER)}) VALUES ({marks})",
                        [str(v) for v in row],
                    )
            finally:
                con.close()
        except (sqlite3.Error, OSError):
            raise _write_error("local", "decision.reason.local") from None

    def history(self) -> list[Decision]:
        try:
            con = self._connect()
            try:
                rows = con.execute(f"SELECT {', '.join(HEADER)} FROM decisions ORDER BY seq")
                found = [decision_from_row(HEADER, list(r)) for r in rows]
            finally:
                con.close()
        except (sqlite3.Error, OSError):
            raise _write_error("read", "decision.reason.local") from None
        return _dedupe(d for d in found if d is not None)


class SheetDecisionStore:
    """Decisions as rows of the spreadsheet's ``Decision`` tab, appended, never overwritten.

    ``spreadsheet`` is a gspread ``Spreadsheet`` or a function returning one (opened on first
    use, so building the store makes no request).
    """

    kind = "google"

    def __init__(self, spreadsheet: Any | Callable[[], Any], tab: str = "Decision"):
        self._spreadsheet = spreadsheet
        self.tab = tab

    def _book(self) -> Any:
        if callable(self._spreadsheet) and not hasattr(self._spreadsheet, "worksheet"):
            self._spreadsheet = self._spreadsheet()
        return self._spreadsheet

    def _worksheet(self, create: bool) -> Any | None:
        from gspread.exceptions import APIError, WorksheetNotFound

        book = self._book()
        try:
            return book.worksheet(self.tab)
        except WorksheetNotFound:
            if not create:
                return None
        try:
            sheet = book.add_worksheet(self.tab, rows=100, cols=len(HEADER))
        except APIError as exc:  # made meanwhile by another window
            if exc.response.status_code != 400:
                raise
            return book.worksheet(self.tab)
        sheet.append_row(HEADER, value_input_option="RAW", table_range="A1")
        return sheet

    def append(self, decision: Decision) -> None:
        try:
            sheet = self._worksheet(create=True)
            sheet.append_row(
                decision_row(decision),
                value_input_option="RAW",
                insert_data_option="INSERT_ROWS",
                table_range="A1",
            )
        except Exception as exc:  # noqa: BLE001 - every failure is reported the same way
            raise _sheet_error("sheet", exc) from None

    def history(self) -> list[Decision]:
        try:
            sheet = self._worksheet(create=False)
            rows = sheet.get_values() if sheet is not None else []
        except Exception as exc:  # noqa: BLE001
            raise _sheet_error("read", exc) from None
        return decisions_from_rows(rows)


def decisions_from_rows(rows: list[list[Any]]) -> list[Decision]:
    """Decisions from a ``Decision`` tab's cells (header row first), oldest first.

    Rows that cannot be read are skipped; the same decision id appearing twice counts once.
    The dashboard can pass the tab it already fetched, with no extra request.
    """
    if not rows:
        return []
    header = [str(h).strip() for h in rows[0]]
    found = (decision_from_row(header, list(r)) for r in rows[1:])
    return _dedupe(d for d in found if d is not None)


def _write_error(where: str, reason_key: str, **params: object) -> DecisionWriteError:
    reason_th, reason_en = both(reason_key, **params)
    key = {"local": "decision.write_failed.local", "sheet": "decision.write_failed.sheet"}.get(
        where, "decision.read_failed"
    )
    return DecisionWriteError(both(key, reason=reason_en)[1], both(key, reason=reason_th)[0])


def _sheet_error(where: str, exc: BaseException) -> DecisionWriteError:
    from gspread.exceptions import APIError

    last = getattr(exc, "last", exc)  # google_http.GaveUp keeps the last failure
    if isinstance(last, PermissionError):  # gspread's open_by_key turns 403 into this
        return _write_error(where, "decision.reason.permission")
    if isinstance(last, APIError):
        status = last.response.status_code
        if status in (401, 403):
            return _write_error(where, "decision.reason.permission")
        return _write_error(where, "decision.reason.server", status=status)
    return _write_error(where, "decision.reason.unreachable")


def decision_store(
    source: Any,
    data_dir: str | os.PathLike | None = None,
    *,
    spreadsheet_factory: Callable[[], Any] | None = None,
) -> LocalDecisionStore | SheetDecisionStore:
    """The Sheet store for a Google source, else the local store in ``data_dir``."""
    if getattr(source, "kind", None) == "google":
        return SheetDecisionStore(spreadsheet_factory or (lambda: _open_spreadsheet(source)))
    return LocalDecisionStore(Path(data_dir or default_data_dir()) / DB_NAME)


def _open_spreadsheet(source: Any) -> Any:
    """The source's spreadsheet through gspread, with write access (``spreadsheets`` scope)."""
    return source.open_for_writing()


# --- nothing lost ---------------------------------------------------------------------------
class PendingDecisions:
    """Decisions not yet confirmed written, kept in a small JSON file until they are."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    def all(self) -> list[Decision]:
        try:
            items = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        found = [decision_from_row(HEADER, [i.get(k, "") for k in HEADER]) for i in items]
        return [d for d in found if d is not None]

    def _write(self, decisions: list[Decision]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        items = [dict(zip(HEADER, map(str, decision_row(d)))) for d in decisions]
        temp = self.path.with_suffix(".tmp")
        temp.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
        temp.replace(self.path)

    def add(self, decision: Decision) -> bool:
        """Keep ``decision``; False when even the local file cannot be written."""
        try:
            self._write(_dedupe([*self.all(), decision]))
            return True
        except OSError:
            return False

    def remove(self, decision_id: str) -> None:
        with contextlib.suppress(OSError):
            self._write([d for d in self.all() if d.decision_id != decision_id])


def pending_for(data_dir: str | os.PathLike | None = None) -> PendingDecisions:
    return PendingDecisions(Path(data_dir or default_data_dir()) / PENDING_NAME)


def record(store: Any, decision: Decision, pending: PendingDecisions | None = None) -> None:
    """Write ``decision``; on failure it stays in ``pending`` and DecisionWriteError is raised."""
    if pending is not None:
        pending.add(decision)
    store.append(decision)
    if pending is not None:
        pending.remove(decision.decision_id)


def retry_pending(store: Any, pending: PendingDecisions) -> int:
    """Write every pending decision, oldest first; returns how many were written."""
    written = 0
    for decision in pending.all():
        store.append(decision)  # raises DecisionWriteError; the rest stay pending
        pending.remove(decision.decision_id)
        written += 1
    return written


def as_dict(decision: Decision) -> dict[str, Any]:
    """The decision as plain values (for session state and JSON)."""
    data = asdict(decision)
    data["decided_at"] = decision.decided_at.isoformat()
    return data
