"""Parse and validate a committee workbook into a :class:`Competition`.

The rule throughout: a bad cell is reported with its tab and A1 address and never takes any
other valid score with it. Structure problems (a missing tab or column) are reported and the
app carries on with what it can read. Judges' score tabs are read by
:mod:`kbo_dashboard.intake.score_tabs`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kbo_dashboard.intake.cells import format_number, read_score
from kbo_dashboard.intake.form_responses import read_form_responses
from kbo_dashboard.intake.issues import ERROR, WARNING, Issue, Where, make_issue
from kbo_dashboard.intake.score_tabs import (  # noqa: F401 (the frames' columns, re-exported)
    ROW_COLUMNS,
    ROW_TYPES,
    SCORE_COLUMNS,
    ScoreTabReader,
)
from kbo_dashboard.intake.settings import read_settings
from kbo_dashboard.intake.tables import read_table, unique_rows, where
from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.source import RawWorkbook

PRODUCT_COLUMNS = ["product_id", "product_name", "producer_group", "district", "category"]
JUDGE_COLUMNS = ["judge_id", "judge_name", "sector", "sheet", "has_tab", "attendance"]
JUDGE_COLUMNS += ["email", "link"]  # the judge's e-mail; a link straight to their tab (or "")
JUDGE_COLUMNS += ["position", "stands_in_for", "absence_reason"]  # for the minutes
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
CRITERION_COLUMNS = [
    "criterion_id",
    "name_th",
    "name_en",
    "max_score",
    "weight",
    "tiebreak_priority",
]


@dataclass
class Competition:
    """Everything read from one workbook, validated."""

    settings: dict[str, Any]
    products: pd.DataFrame
    judges: pd.DataFrame
    criteria: pd.DataFrame
    conflicts: pd.DataFrame
    scores: pd.DataFrame
    rows: pd.DataFrame
    issues: list[Issue] = field(default_factory=list)
    #: Google Form submissions replaced by a later one (intake.form_count.HISTORY_COLUMNS)
    form_history: pd.DataFrame | None = None
    #: Score cells that cannot count, with their text (intake.score_tabs.REJECTED_COLUMNS)
    rejected: pd.DataFrame | None = None

    @property
    def criterion_ids(self) -> list[str]:
        return list(self.criteria["criterion_id"])


def _listed(table, issues: list[Issue]):
    """``table``, noting an error when it has a header but no rows (a blank template)."""
    if table is not None and not table.records:
        issues.append(make_issue(ERROR, "no_rows", tab=table.tab, cell="A2", action="fill_tab"))
    return table


def _products(raw: RawWorkbook, issues: list[Issue]) -> pd.DataFrame:
    table = _listed(read_table(raw, L.PRODUCTS, issues, required=True), issues)
    records = []
    if table:
        for r, v in unique_rows(table, "product_id", issues, p="product_id"):
            category = L.normalise_choice(v["category"], L.CATEGORIES)
            if category is None:
                issues.append(
                    make_issue(
                        ERROR,
                        "unknown_category",
                        **where(table, r, "category"),
                        product_id=v["product_id"],
                        value=v["category"],
                        action="product_skipped",
                    )
                )
                continue
            records.append({**{k: v.get(k, "") for k in PRODUCT_COLUMNS}, "category": category})
    return pd.DataFrame(records, columns=PRODUCT_COLUMNS)


def _judges(raw: RawWorkbook, issues: list[Issue]) -> pd.DataFrame:
    table = _listed(read_table(raw, L.JUDGES, issues, required=True), issues)
    records = []
    claimed: dict[str, tuple[str, Where]] = {}  # tab -> (first judge, its cell)
    if table:
        for r, v in unique_rows(table, "judge_id", issues, j="judge_id"):
            sector = L.normalise_choice(v.get("sector", ""), L.SECTORS) or ""
            if v.get("sector") and not sector:
                issues.append(
                    make_issue(
                        WARNING,
                        "unknown_sector",
                        **where(table, r, "sector"),
                        judge_id=v["judge_id"],
                        value=v["sector"],
                        action="none_needed",
                    )
                )
            attendance = L.normalise_choice(v.get("attendance", ""), L.ATTENDANCE) or ""
            if v.get("attendance") and not attendance:
                issues.append(make_issue(
                    WARNING, "unknown_attendance", **where(table, r, "attendance"),
                    judge_id=v["judge_id"], value=v["attendance"], action="none_needed",
                ))  # fmt: skip
            sheet = v["sheet"] or v["judge_id"]
            found = raw.tab_name(sheet)
            has_tab = found is not None
            cell = where(table, r, "sheet" if v["sheet"] else "judge_id")
            if found is not None and found in claimed:
                has_tab = False  # one tab counts once, for the first judge (issue 18)
                _shared_tab(issues, found, claimed[found], (v["judge_id"], cell))
            elif found is not None:
                claimed[found] = (v["judge_id"], cell)
            if found is None:
                issues.append(
                    make_issue(
                        WARNING,
                        "judge_tab_missing",
                        tab=sheet,
                        judge_id=v["judge_id"],
                        judge=v["judge_id"],
                        action="judge_not_counted",
                    )
                )
            email = v.get("email", "")
            if email and not _EMAIL.match(email):
                issues.append(
                    make_issue(
                        WARNING,
                        "bad_email",
                        **where(table, r, "email"),
                        judge_id=v["judge_id"],
                        value=email,
                        action="email_ignored",
                    )
                )
                email = ""
            tab_name = found or sheet
            records.append(
                {
                    "judge_id": v["judge_id"],
                    "judge_name": v["judge_name"],
                    "sector": sector,
                    "sheet": tab_name,
                    "has_tab": has_tab,
                    "email": email,
                    "link": raw.links.get(tab_name, ""),
                    "attendance": attendance,
                    **{k: v.get(k, "") for k in ("position", "stands_in_for", "absence_reason")},
                }
            )
    return pd.DataFrame(records, columns=JUDGE_COLUMNS)


def _shared_tab(issues: list[Issue], tab: str, first: tuple, again: tuple) -> None:
    """Two judges whose ``sheet`` names one score tab (or tabs that look alike): an error at
    both Judges cells; the tab counts for the first judge only, until it is fixed."""
    (first_id, first_cell), (judge_id, cell) = first, again
    params = dict(tab_name=tab, first=first_id, judge=judge_id)
    for who, where_ in ((first_id, first_cell), (judge_id, cell)):
        action = "shared_tab_first" if who == first_id else "judge_not_counted"
        issues.append(make_issue(ERROR, "judge_tab_shared", **where_, judge_id=who,
                                 action=action, action_params=params, **params))  # fmt: skip


def _number(text: str) -> float | None:
    reading = read_score(text)
    return reading.value if reading.is_number else None


def _criteria(raw: RawWorkbook, issues: list[Issue]) -> pd.DataFrame:
    defaults = pd.DataFrame([vars(c) for c in L.DEFAULT_CRITERIA], columns=CRITERION_COLUMNS)
    if raw.tab(L.CRITERIA) is None:
        return defaults
    table = read_table(raw, L.CRITERIA, issues, required=False)
    if table is None:
        issues[-1:] = [_with_action(issues[-1], "used_default_criteria")] if issues else []
        return defaults
    records = []
    for r, v in unique_rows(table, "criterion_id", issues):
        cid = v["criterion_id"]
        max_score = _number(v["max_score"])
        if max_score is None or max_score <= 0:
            issues.append(
                make_issue(
                    ERROR,
                    "bad_max_score",
                    **where(table, r, "max_score"),
                    id=cid,
                    value=v["max_score"],
                    action="criterion_skipped",
                )
            )
            continue
        weight: float | None = max_score
        if v.get("weight"):
            weight = _number(v["weight"])
            if weight is None or weight < 0:
                issues.append(
                    make_issue(
                        WARNING,
                        "bad_weight",
                        **where(table, r, "weight"),
                        id=cid,
                        value=v["weight"],
                        action="used_default",
                        action_params={"value": format_number(max_score)},
                    )
                )
                weight = max_score
        priority = _number(v.get("tiebreak_priority", ""))
        records.append(
            {
                "criterion_id": cid,
                "name_th": v["name_th"] or cid,
                "name_en": v.get("name_en") or v["name_th"] or cid,
                "max_score": max_score,
                "weight": weight,
                "tiebreak_priority": int(priority) if priority is not None else None,
            }
        )
    if not records:
        return defaults
    frame = pd.DataFrame(records, columns=CRITERION_COLUMNS)
    if frame["weight"].sum() <= 0:
        issues.append(
            make_issue(ERROR, "criteria_weights", tab=table.tab, action="used_default_criteria")
        )
        return defaults
    return frame


def _with_action(issue: Issue, action: str) -> Issue:
    from kbo_dashboard.i18n import both

    th, en = both(f"action.{action}")
    return Issue(**{**vars(issue), "action_th": th, "action_en": en})


def _conflicts(raw, issues, products: pd.DataFrame, judges: pd.DataFrame) -> pd.DataFrame:
    columns = ["judge_id", "product_id", "reason"]
    if raw.tab(L.CONFLICTS) is None:
        return pd.DataFrame(columns=columns)
    table = read_table(raw, L.CONFLICTS, issues, required=False)
    records = []
    if table:
        known_p, known_j = set(products["product_id"]), set(judges["judge_id"])
        for r, v in table.records:
            if v["judge_id"] not in known_j:
                issues.append(
                    make_issue(
                        WARNING,
                        "unknown_judge",
                        **where(table, r, "judge_id"),
                        id=v["judge_id"],
                        action="row_skipped",
                    )
                )
                continue
            if v["product_id"] not in known_p:
                issues.append(
                    make_issue(
                        WARNING,
                        "unknown_product",
                        **where(table, r, "product_id"),
                        id=v["product_id"],
                        action="row_skipped",
                    )
                )
                continue
            records.append({k: v.get(k, "") for k in columns})
    return pd.DataFrame(records, columns=columns).drop_duplicates(["judge_id", "product_id"])


def parse(raw: RawWorkbook, *, reader_class=ScoreTabReader) -> Competition:
    """Read and validate every tab. Never raises on bad content.

    ``reader_class`` reads the judges' score tabs (the tests pass the per-cell reference).
    """
    issues: list[Issue] = []
    products = _products(raw, issues)
    judges = _judges(raw, issues)
    criteria = _criteria(raw, issues)
    conflicts = _conflicts(raw, issues, products, judges)
    settings = read_settings(raw, issues, n_judges=len(judges))
    reader = reader_class(
        criteria,
        known_products=set(products["product_id"]),
        conflicts={(c.judge_id, c.product_id): c.reason for c in conflicts.itertuples()},
        issues=issues,
    )
    for judge in judges.itertuples():
        if judge.has_tab:
            reader.read(raw.tab(judge.sheet) or [], judge.sheet, judge.judge_id)
    parts = dict(settings=settings, products=products, judges=judges, criteria=criteria)
    parts["conflicts"] = reader.conflicts
    form = read_form_responses(raw, parts, issues, reader)
    scores, rows = reader.frames()
    if form.replaces:  # an empty tab row that a Form answer fills
        keys = zip(rows["judge_id"], rows["product_id"])
        rows = rows[[key not in form.replaces for key in keys]]
    if form.scores or form.rows:
        extra = pd.DataFrame(form.scores, columns=SCORE_COLUMNS).astype({"score": float})
        scores = pd.concat([scores, extra], ignore_index=True)
        extra = pd.DataFrame(form.rows, columns=ROW_COLUMNS).astype(ROW_TYPES)
        rows = pd.concat([rows, extra], ignore_index=True)
    return Competition(
        settings=settings,
        products=products,
        judges=judges,
        criteria=criteria,
        conflicts=conflicts,
        scores=scores,
        rows=rows.reset_index(drop=True),
        issues=issues,
        form_history=form.history,
        rejected=reader.rejected() if hasattr(reader, "rejected") else None,
    )
