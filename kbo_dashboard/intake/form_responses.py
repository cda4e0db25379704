"""Scores sent through a Google Form: the responses tab Google writes into the sheet.

The tab (``Form responses 1``, its Thai name, or the one named by the Settings key
``responses_tab``) has Google's header row, then one row per submission: the timestamp Forms
writes, the judge (their ID, or the e-mail address Forms collects, matched with the Judges tab's
``email``), the product (its ID, or a drop-down answer such as ``P-05 ข้าวเกรียบฟักทอง``), and one
column per criterion, matched by the criterion's ID or name like a judge's tab (``(25)`` and
other bracketed suffixes ignored). Answers may be numbers or text.

* Several submissions for one judge and product: the latest (by timestamp, then row) counts.
  The earlier ones are kept in :attr:`FormReading.history` for the Changes page.
* A judge may use both a tab and the form. A product scored in both places is an error naming
  both cells; the tab's row counts and the form's is ignored. A prefilled but empty tab row
  gives way to the form's answer.
* Every cell is checked like a tab's cell, and every problem names its cell in the form's tab.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from kbo_dashboard.intake.cells import cell_text, is_blank
from kbo_dashboard.intake.clock import BE_OFFSET
from kbo_dashboard.intake.form_count import FormReading, Submission, count_submissions
from kbo_dashboard.intake.issues import ERROR, WARNING, Issue, make_issue
from kbo_dashboard.intake.score_tabs import criterion_columns
from kbo_dashboard.intake.tables import find_columns
from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.source import RawWorkbook

DEFAULT_ZONE = "Asia/Bangkok"
_TIME_FORMATS = ("%d/%m/%Y %H:%M:%S", "%m/%d/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M")


def responses_tab(raw: RawWorkbook, settings: dict[str, Any], issues: list[Issue]) -> str | None:
    """The responses tab's name as the sheet spells it, or None when there is none."""
    named = settings.get("responses_tab")
    if named:
        found = raw.tab_name(str(named))
        if found is None:
            issues.append(
                make_issue(WARNING, "form_tab_missing", tab=str(named), action="form_not_read")
            )
        return found
    return next((raw.tab_name(n) for n in L.FORM_TABS if raw.tab_name(n)), None)


def submission_time(cell: object, zone: str = DEFAULT_ZONE) -> dt.datetime | None:
    """A Forms timestamp: a sheet serial number (local time) or text in a common format."""
    tz = ZoneInfo(zone)
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if not 1 <= cell < 2_958_466:  # 1899-12-31 .. 9999-12-31
            return None
        base = dt.datetime.combine(L.SHEETS_EPOCH, dt.time())
        return (base + dt.timedelta(days=float(cell))).replace(microsecond=0, tzinfo=tz)
    text = cell_text(cell).replace(",", "")
    for fmt in _TIME_FORMATS:
        try:
            moment = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        if moment.year > 2400:  # a Thai-locale sheet's Buddhist Era year
            moment = moment.replace(year=moment.year - BE_OFFSET)
        return moment.replace(tzinfo=tz)
    return None


def _product(text: str, products: pd.DataFrame) -> str | None:
    """The product an answer names: its ID, an ``ID name`` drop-down choice, or its name."""
    ids = set(products["product_id"])
    if text in ids:
        return text
    first = text.split(" ", 1)[0].strip(" :-–—")
    if first in ids:
        return first
    by_name = dict(zip(products["product_name"].astype(str), products["product_id"]))
    return by_name.get(text)


def _judge_lookup(judges: pd.DataFrame) -> dict[str, str]:
    lookup = {str(j).casefold(): j for j in judges["judge_id"]}
    emails = judges.get("email", [])
    lookup.update({str(e).casefold(): j for j, e in zip(judges["judge_id"], emails) if e})
    return lookup


def read_form_responses(
    raw: RawWorkbook,
    comp_parts: dict[str, Any],
    issues: list[Issue],
    tab_reading: Any,
) -> FormReading:
    """Read the responses tab, if any. ``comp_parts``: settings, products, judges, criteria and
    conflicts ((judge, product) -> reason) as parsed so far; ``tab_reading``: the score-tab
    reader, whose ``scores``/``rows`` tuples (read only when a responses tab exists) say what
    the judges' tabs gave, to find a product scored in both places. Never raises."""
    settings = comp_parts["settings"]
    tab = responses_tab(raw, settings, issues)
    rows = raw.tab(tab) if tab else None
    if not tab or not rows:
        return FormReading(tab)
    header = rows[0]
    found = find_columns(header, L.FORM_COLUMNS)
    criteria: pd.DataFrame = comp_parts["criteria"]
    columns = criterion_columns(header, criteria)
    who = found.get("judge_id", found.get("email"))
    if who is None or "product_id" not in found:
        missing = "product_id / รหัสผลิตภัณฑ์" if who is not None else "judge_id / email"
        issues.append(
            make_issue(
                ERROR, "missing_column", tab=tab, cell="1:1", column=missing, action="tab_ignored"
            )
        )
        return FormReading(tab)
    for cid in criteria["criterion_id"]:
        if cid not in columns:  # that criterion's answers cannot count
            issues.append(
                make_issue(ERROR, "missing_column", tab=tab, cell="1:1", column=cid,
                           action="row_not_counted")
            )  # fmt: skip
    zone = str(settings.get("time_zone") or DEFAULT_ZONE)
    judges = _judge_lookup(comp_parts["judges"])
    groups: dict[tuple[str, str], list[Submission]] = {}
    for r in range(1, len(rows)):
        row = list(rows[r])
        if all(is_blank(c) for c in row):
            continue

        def text(col: int | None, row: list = row) -> str:
            return cell_text(row[col]) if col is not None and col < len(row) else ""

        judge = judges.get(text(who).casefold())
        if judge is None:
            issues.append(
                make_issue(
                    WARNING,
                    "form_unknown_judge",
                    tab=tab,
                    cell=L.a1(r, who),
                    value=text(who),
                    action="row_skipped",
                )
            )
            continue
        product = _product(text(found["product_id"]), comp_parts["products"])
        if product is None:
            issues.append(
                make_issue(
                    WARNING,
                    "unknown_product",
                    tab=tab,
                    judge_id=judge,
                    cell=L.a1(r, found["product_id"]),
                    id=text(found["product_id"]),
                    action="row_skipped",
                )
            )
            continue
        at = None
        if "timestamp" in found:
            at = submission_time(
                row[found["timestamp"]] if found["timestamp"] < len(row) else "", zone
            )
            if at is None:
                issues.append(
                    make_issue(
                        WARNING,
                        "form_bad_time",
                        tab=tab,
                        judge_id=judge,
                        product_id=product,
                        cell=L.a1(r, found["timestamp"]),
                        value=text(found["timestamp"]),
                        action="row_order_used",
                    )
                )
        groups.setdefault((judge, product), []).append(Submission(r, at, row))
    return count_submissions(
        tab, groups, columns, comp_parts, issues, tab_reading.scores, tab_reading.rows
    )
