"""What the Excel and PDF reports share: the facts of the meeting, worded the same way in both.

Times are on the competition's clock (:mod:`kbo_dashboard.intake.clock`, Settings ``time_zone``,
Asia/Bangkok by default) with Buddhist Era dates; counts and scores come from
:mod:`kbo_dashboard.scoring.counts`, so the reports and the pages agree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from kbo_dashboard.i18n import pick, t
from kbo_dashboard.intake import clock
from kbo_dashboard.intake.clock import thai_date
from kbo_dashboard.intake.settings import method_named
from kbo_dashboard.scoring import aggregation
from kbo_dashboard.scoring.counts import format_score as points  # noqa: F401 (shared name)

if TYPE_CHECKING:
    import pandas as pd

    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.meeting.decision import Decision

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


#: Characters XML 1.0 cannot hold (python-docx, lxml and the .docx format refuse them): control
#: characters but tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: object) -> str:
    """``text`` as a Word document can hold it: characters XML refuses become spaces (a vertical
    tab pasted from Word, say)."""
    return _NOT_IN_XML.sub(" ", str(text))


def method_name(key: str, lang: str = "th") -> str:
    """The aggregation method's name (an alias such as ``trimmed`` read as the Settings tab
    reads it); the text itself when it names no registered method."""
    return aggregation.method_name(method_named(key) or key, lang)


def thai_time(moment: dt.datetime, lang: str = "th", settings: dict | None = None) -> str:
    """``23 พฤษภาคม 2565 เวลา 14:05 น.`` on the competition's clock (aware or UTC-naive)."""
    return clock.format_time(moment, settings, lang)


def local_naive(moment: dt.datetime, settings: dict | None = None) -> dt.datetime:
    """The competition's wall-clock time without a zone, for an Excel cell."""
    return clock.local_naive(moment, settings)


def decided_at_header(lang: str = "th", settings: dict | None = None) -> str:
    """The decision time's column header, naming the competition's zone ("Thai time" for
    Asia/Bangkok, else the zone's name as the Settings tab spells it)."""
    name = str((settings or {}).get("time_zone") or clock.DEFAULT_ZONE).strip()
    if clock.zone_named(name) is None or name == clock.DEFAULT_ZONE:
        name = t("clock.thai_time", lang)  # a bad zone falls back to Bangkok (clock.py)
    return t("col.decided_at", lang, zone=name)


def meeting_date_text(
    comp: Competition, lang: str = "th", meeting_date: dt.date | None = None
) -> str:
    day = meeting_date or comp.settings.get("meeting_date")
    if not day:
        return t("report.no_meeting_date", lang)
    return thai_date(day, lang)


def decision_list(decisions: Iterable[Decision] | None) -> list[Decision]:
    """The decisions the app recorded (signed), oldest first; a row typed into the sheet is
    never part of a report (None means none)."""
    from kbo_dashboard.meeting.decision import not_recorded_by_app

    items = list(decisions or ())
    unsigned = {id(d) for d in not_recorded_by_app(items)}
    return [d for d in items if id(d) not in unsigned]


def product_names(comp: Competition) -> dict[str, str]:
    return dict(zip(comp.products["product_id"], comp.products["product_name"]))


def category_order(comp: Competition) -> list[str]:
    """Categories in the order of the layout's list, those with products only."""
    from kbo_dashboard.sources.layout import CATEGORIES

    present = list(dict.fromkeys(comp.products["category"]))
    known = [c for c in CATEGORIES if c in present]
    return known + [c for c in present if c not in known]


def criterion_label(row: pd.Series | Mapping[str, object], lang: str) -> str:
    name_th = str(row["name_th"] or "")
    name = pick(name_th, str(row.get("name_en") or name_th), lang)
    return str(name or row["criterion_id"])
