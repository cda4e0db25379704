"""The competition's clock: one time zone for every time shown, written or put in a file name.

The zone is the Settings tab's ``time_zone`` (an IANA name such as ``Asia/Bangkok``, the
default). The server's own clock (UTC on a cloud host) is never used for display: a decision
recorded at 08:00 UTC reads 15:00 on the screen, in the PDF, the xlsx and the CSV alike.
Dates are Buddhist Era in Thai (``23 พฤษภาคม 2565``). Thailand has no daylight saving, so
when no time-zone database is installed (Windows without ``tzdata``) the default falls back
to a fixed UTC+7.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kbo_dashboard.i18n import t

DEFAULT_ZONE = "Asia/Bangkok"
BE_OFFSET = 543
_FIXED_BANGKOK = dt.timezone(dt.timedelta(hours=7), "ICT")


@lru_cache(maxsize=32)
def zone_named(name: str) -> dt.tzinfo | None:
    """The zone called ``name``, or None when there is no such zone."""
    try:
        return ZoneInfo(str(name).strip())
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return _FIXED_BANGKOK if str(name).strip() == DEFAULT_ZONE else None


def competition_zone(settings: dict[str, Any] | None) -> dt.tzinfo:
    """The competition's zone from its settings (``time_zone``), else Asia/Bangkok."""
    name = (settings or {}).get("time_zone") or DEFAULT_ZONE
    if isinstance(name, dt.tzinfo):
        return name
    return zone_named(str(name)) or zone_named(DEFAULT_ZONE) or _FIXED_BANGKOK


def local(moment: dt.datetime, settings: dict[str, Any] | None) -> dt.datetime:
    """``moment`` on the competition's clock; a naive moment is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(competition_zone(settings))


def local_naive(moment: dt.datetime, settings: dict[str, Any] | None) -> dt.datetime:
    """The competition's wall-clock time without a zone, for an Excel cell."""
    return local(moment, settings).replace(tzinfo=None)


def thai_date(day: dt.date | dt.datetime, lang: str = "th") -> str:
    """``23 พฤษภาคม 2565`` in Thai, ``23 May 2565 BE`` in English (the day as given)."""
    if lang == "th":
        return f"{day.day} {t(f'month.{day.month}', 'th')} {day.year + BE_OFFSET}"
    return f"{day.day} {t(f'month.{day.month}', 'en')} {day.year + BE_OFFSET} BE"


def format_date(moment: dt.date | dt.datetime, settings: dict[str, Any] | None, lang: str) -> str:
    """``23 พฤษภาคม 2565`` (Thai) or ``23 May 2565 BE`` on the competition's clock."""
    day = local(moment, settings).date() if isinstance(moment, dt.datetime) else moment
    return thai_date(day, lang)


def clock_time(moment: dt.datetime, settings: dict[str, Any] | None, seconds: bool = True) -> str:
    """``14:05:09`` (or ``14:05``) on the competition's clock."""
    return local(moment, settings).strftime("%H:%M:%S" if seconds else "%H:%M")


def format_time(
    moment: dt.datetime, settings: dict[str, Any] | None, lang: str, *, seconds: bool = False
) -> str:
    """``23 พฤษภาคม 2565 เวลา 14:05 น.`` / ``23 May 2565 BE, 14:05`` on the competition's clock."""
    return t(
        "report.time",
        lang,
        date=format_date(moment, settings, lang),
        clock=clock_time(moment, settings, seconds),
    )


def today(settings: dict[str, Any] | None, now: dt.datetime | None = None) -> dt.date:
    """The competition's date now (or at ``now``)."""
    return local(now or dt.datetime.now(dt.UTC), settings).date()


def file_stamp(moment: dt.date | dt.datetime, settings: dict[str, Any] | None) -> str:
    """``2565-05-23``: the competition's date in the Buddhist Era, for a file name."""
    day = local(moment, settings).date() if isinstance(moment, dt.datetime) else moment
    return f"{day.year + BE_OFFSET:04d}-{day.month:02d}-{day.day:02d}"
