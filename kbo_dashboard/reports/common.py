"""What the Excel and PDF reports share: the facts of the meeting, worded the same way in both.

Times are shown in Thai time (UTC+7 all year; Thailand has no daylight saving, so no time-zone
database is needed on Windows) with Buddhist Era dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from kbo_dashboard.i18n import t
from kbo_dashboard.intake.settings import thai_date

TH_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")
#: Control characters an .xlsx file cannot hold (openpyxl's IllegalCharacterError): all below
#: U+0020 except tab, line feed and carriage return. A vertical tab from a pasted Word line
#: break is the usual one.
_NOT_IN_EXCEL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: The most characters one Excel cell holds.
EXCEL_CELL_MAX = 32_767


def excel_safe(text: str) -> str:
    """``text`` as an Excel cell can hold it: control characters become spaces, and text past
    Excel's 32,767-character limit is cut with an ellipsis."""
    text = _NOT_IN_EXCEL.sub(" ", text)
    return text if len(text) <= EXCEL_CELL_MAX else text[: EXCEL_CELL_MAX - 1] + "…"


def method_name(key: str, lang: str = "th") -> str:
    """The aggregation method's name from the catalogue (``trimmed`` = ``trimmed_mean``)."""
    key = {"trimmed": "trimmed_mean"}.get(key, key)
    name = t(f"analysis.method.{key}.name", lang)
    return key if name.startswith("analysis.") else name


def judges_counted(comp: Any, results: Any) -> tuple[int, int]:
    """(judges with at least one counted row, judges on the panel)."""
    totals = results.totals
    counted = totals.loc[totals["eligible"].astype(bool), "judge_id"].nunique()
    return int(counted), int(len(comp.judges))


def thai_time(moment: dt.datetime, lang: str = "th") -> str:
    """``23 พฤษภาคม 2565 เวลา 14:05 น.`` (Thai time) from an aware or UTC-naive datetime."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone(TH_TZ)
    return t("report.time", lang, date=thai_date(local.date(), lang), clock=local.strftime("%H:%M"))


def local_naive(moment: dt.datetime) -> dt.datetime:
    """Thai time without a zone, for an Excel cell (Excel has no time zones)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(TH_TZ).replace(tzinfo=None)


def meeting_date_text(comp: Any, lang: str = "th", meeting_date: dt.date | None = None) -> str:
    day = meeting_date or comp.settings.get("meeting_date")
    if not day:
        return t("report.no_meeting_date", lang)
    return thai_date(day, lang)


def decision_list(decisions: Iterable[Any] | None) -> list[Any]:
    """Decisions oldest first (None means none)."""
    return list(decisions or ())


def points(value: Any) -> str:
    """A score as text with two decimals, or a dash."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "-"
    return "-" if number != number else f"{number:.2f}"


def product_names(comp: Any) -> dict[str, str]:
    return dict(zip(comp.products["product_id"], comp.products["product_name"]))


def category_order(comp: Any) -> list[str]:
    """Categories in the order of the layout's list, those with products only."""
    from kbo_dashboard.sources.layout import CATEGORIES

    present = list(dict.fromkeys(comp.products["category"]))
    known = [c for c in CATEGORIES if c in present]
    return known + [c for c in present if c not in known]


def criterion_label(row: Any, lang: str) -> str:
    name = row["name_th"] if lang == "th" else (row.get("name_en") or row["name_th"])
    return str(name or row["criterion_id"])
