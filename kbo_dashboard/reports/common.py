"""What the Excel and PDF reports share: the facts of the meeting, worded the same way in both.

Times are on the competition's clock (:mod:`kbo_dashboard.intake.clock`, Settings ``time_zone``,
Asia/Bangkok by default) with Buddhist Era dates; counts and scores come from
:mod:`kbo_dashboard.scoring.counts`, so the reports and the pages agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from kbo_dashboard.i18n import t
from kbo_dashboard.intake import clock
from kbo_dashboard.intake.settings import thai_date
from kbo_dashboard.scoring.counts import format_score as points  # noqa: F401 (shared name)


def method_name(key: str, lang: str = "th") -> str:
    """The aggregation method's name from the catalogue (``trimmed`` = ``trimmed_mean``)."""
    key = {"trimmed": "trimmed_mean"}.get(key, key)
    name = t(f"analysis.method.{key}.name", lang)
    return key if name.startswith("analysis.") else name


def thai_time(moment: dt.datetime, lang: str = "th", settings: dict | None = None) -> str:
    """``23 พฤษภาคม 2565 เวลา 14:05 น.`` on the competition's clock (aware or UTC-naive)."""
    return clock.format_time(moment, settings, lang)


def local_naive(moment: dt.datetime, settings: dict | None = None) -> dt.datetime:
    """The competition's wall-clock time without a zone, for an Excel cell."""
    return clock.local_naive(moment, settings)


def meeting_date_text(comp: Any, lang: str = "th", meeting_date: dt.date | None = None) -> str:
    day = meeting_date or comp.settings.get("meeting_date")
    if not day:
        return t("report.no_meeting_date", lang)
    return thai_date(day, lang)


def decision_list(decisions: Iterable[Any] | None) -> list[Any]:
    """Decisions oldest first (None means none)."""
    return list(decisions or ())


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
