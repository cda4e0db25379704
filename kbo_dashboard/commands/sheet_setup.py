"""Command-line set-up and checks for the committee's Google Sheet.

* ``python -m kbo_dashboard init-sheet [--demo | --from-xlsx PATH | --judges N]`` fills an empty
  Google Sheet (shared with the service account as Editor) with every tab of the layout: one score
  tab per judge with the product rows prefilled, data validation 0..max on every score cell,
  frozen and protected header rows, each judge's tab editable only by that judge, the service
  account and the staff (:mod:`kbo_dashboard.commands.protections`), and a ``Decision`` tab only
  the service account may edit. It costs four API requests whatever the number of judges.
* ``init-sheet --protect-only`` applies or refreshes those protections on a filled sheet,
  touching no values: three requests (metadata, values, one batchUpdate).
* ``check`` is in :mod:`kbo_dashboard.commands.check`.

Settings come from the secrets Streamlit reads and the environment
(see :mod:`kbo_dashboard.sources.config`).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

import gspread

from kbo_dashboard.commands.check import settings_from_environment
from kbo_dashboard.commands.protections import (
    protect_sheet,
    protection_requests,
    wanted_protections,
)
from kbo_dashboard.commands.template import DEFAULT_JUDGES
from kbo_dashboard.i18n import pick, t
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.config import Settings
from kbo_dashboard.sources.google_http import (
    WRITE_SCOPES,
    load_credentials,
    make_gspread_client,
    service_account_email,
)
from kbo_dashboard.sources.google_source import (
    VALUE_PARAMS,
    quote_tab,
    source_error,
    spreadsheet_key,
    tabs_from_values,
)
from kbo_dashboard.sources.source import RawWorkbook, Rows, SourceError
from kbo_dashboard.sources.workbook import score_header

DEFAULT_TAB_NAMES = {"sheet1", "ชีต1", "แผ่นงาน1", "feuille 1", "hoja 1"}
HEADER_COLOR = {"red": 0.867, "green": 0.922, "blue": 0.969}
_MAX_SUFFIX = re.compile(r"\(\s*[\d.]+\s*\)")


@dataclass(frozen=True)
class InitResult:
    tabs: list[str]
    judge_tabs: list[str]
    requests: int


def complete_tabs(tabs: dict[str, Rows]) -> tuple[dict[str, Rows], Any]:
    """``tabs`` plus a prefilled score tab for every judge whose tab is missing; and the parse."""
    competition = parse(RawWorkbook(tabs))
    out = {name: [list(row) for row in rows] for name, rows in tabs.items()}
    criteria = list(competition.criteria.itertuples())
    header = score_header(criteria, "th")
    products = [[p.product_id, p.product_name] for p in competition.products.itertuples()]
    for judge in competition.judges.itertuples():
        if judge.sheet and judge.sheet not in out:
            out[judge.sheet] = [header, *[list(p) for p in products]]
    if L.DECISION not in out:
        from kbo_dashboard.meeting.decision import HEADER

        out[L.DECISION] = [list(HEADER)]
    return out, competition


def _header_index(rows: Rows) -> int | None:
    for r, row in enumerate(rows[:5]):
        if any(L.normalise_header(c) in L.PRODUCT_ID.spellings() for c in row):
            return r
    return None


def _score_columns(header: list[Any], criteria: list[Any]) -> dict[int, float]:
    """Column index -> max score, for the criterion columns of a score tab's header."""
    found: dict[int, float] = {}
    for index, text in enumerate(header):
        folded = L.normalise_header(_MAX_SUFFIX.sub("", str(text or "")))
        for c in criteria:
            names = {L.normalise_header(s) for s in (c.criterion_id, c.name_th, c.name_en) if s}
            if folded in names:
                found[index] = float(c.max_score)
                break
    return found


def _grid(sheet_id: int, r0: int, r1: int, c0: int, c1: int) -> dict[str, int]:
    return {
        "sheetId": sheet_id,
        "startRowIndex": r0,
        "endRowIndex": r1,
        "startColumnIndex": c0,
        "endColumnIndex": c1,
    }


def layout_requests(
    tabs: dict[str, Rows], judge_tabs: set[str], criteria: list[Any], first_id: int = 100
) -> list[dict]:
    """The batchUpdate requests that create, freeze, protect and validate every tab."""
    requests: list[dict] = []
    for offset, (name, rows) in enumerate(tabs.items()):
        sheet_id = first_id + offset
        width = max([len(r) for r in rows] + [10])
        height = max(len(rows) + 100, 200)
        header_at = _header_index(rows) if name in judge_tabs else 0
        header_at = 0 if header_at is None else header_at
        grid = {"rowCount": height, "columnCount": width, "frozenRowCount": header_at + 1}
        if name in judge_tabs:
            grid["frozenColumnCount"] = 2
        requests.append(
            {
                "addSheet": {
                    "properties": {"sheetId": sheet_id, "title": name, "gridProperties": grid}
                }
            }
        )
        header = _grid(sheet_id, 0, header_at + 1, 0, width)
        requests.append(
            {
                "repeatCell": {
                    "range": header,
                    "cell": {
                        "userEnteredFormat": {
                            "textFormat": {"bold": True},
                            "backgroundColor": HEADER_COLOR,
                        }
                    },
                    "fields": "userEnteredFormat(textFormat,backgroundColor)",
                }
            }
        )
        requests.append(
            {
                "addProtectedRange": {
                    "protectedRange": {
                        "range": header,
                        "description": "header",
                        "warningOnly": False,
                    }
                }
            }
        )
        if name not in judge_tabs or not rows:
            continue
        for col, max_score in _score_columns(rows[header_at], criteria).items():
            requests.append(
                {
                    "setDataValidation": {
                        "range": _grid(sheet_id, header_at + 1, height, col, col + 1),
                        "rule": {
                            "condition": {
                                "type": "NUMBER_BETWEEN",
                                "values": [
                                    {"userEnteredValue": "0"},
                                    {"userEnteredValue": f"{max_score:g}"},
                                ],
                            },
                            "inputMessage": t("cli.init.score_hint", "th", max=f"{max_score:g}"),
                            "strict": True,
                            "showCustomUi": True,
                        },
                    }
                }
            )
    return requests


def init_sheet(
    tabs: dict[str, Rows],
    spreadsheet: str,
    client: gspread.Client,
    service_email: str | None = None,
) -> InitResult:
    """Set up the empty Google Sheet ``spreadsheet`` (URL or key) with ``tabs`` and the layout.

    Raises :class:`SourceError` if the sheet already has one of the tabs, or cannot be written.
    """
    full, competition = complete_tabs(tabs)
    judge_tabs = {j.sheet for j in competition.judges.itertuples() if j.sheet in full}
    criteria = list(competition.criteria.itertuples())
    key = spreadsheet_key(spreadsheet)
    http = client.http_client
    meta = http.fetch_sheet_metadata(key, params={"fields": "sheets.properties(sheetId,title)"})
    existing = {s["properties"]["title"]: s["properties"]["sheetId"] for s in meta["sheets"]}
    clash = sorted(set(existing) & set(full))
    if clash:
        th, en = (t("cli.init.not_empty", lang, tabs=", ".join(clash[:5])) for lang in ("th", "en"))
        raise SourceError(en, th, kind="not_empty")
    values = http.values_batch_get(key, [quote_tab(n) for n in existing])
    blank = [
        name
        for name, vr in zip(existing, values.get("valueRanges", []), strict=False)
        if not vr.get("values") and name.casefold() in DEFAULT_TAB_NAMES
    ]
    first_id = max(existing.values(), default=0) + 100
    requests = layout_requests(full, judge_tabs, criteria, first_id=first_id)
    ids = {name: first_id + offset for offset, name in enumerate(full)}
    staff = competition.settings.get("staff_emails", ())
    requests += protection_requests(wanted_protections(competition, service_email, staff), ids)
    requests += [{"deleteSheet": {"sheetId": existing[name]}} for name in blank]
    http.batch_update(key, {"requests": requests})
    data = [
        {"range": f"{quote_tab(name)}!A1", "values": rows} for name, rows in full.items() if rows
    ]
    http.values_batch_update(key, {"valueInputOption": "RAW", "data": data})
    return InitResult(list(full), sorted(judge_tabs), requests=4)


# --- command line ---------------------------------------------------------------------------


def _init_args(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--demo", action="store_true", help="fill in the demo data")
    group.add_argument("--from-xlsx", metavar="PATH", help="copy a local .xlsx in the layout")
    group.add_argument(
        "--protect-only",
        action="store_true",
        help="only apply or refresh who may edit each tab, on a filled sheet",
    )
    parser.add_argument(
        "--judges", type=int, default=DEFAULT_JUDGES, help="judge tabs in an empty layout"
    )
    parser.add_argument("--secrets", default=".streamlit/secrets.toml", help=argparse.SUPPRESS)


def run_init(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    lang = os.environ.get("KBO_LANG", "th")
    try:
        settings = settings_from_environment(args.secrets)
        if settings.kind != "google":
            print(t("cli.init.not_google", lang), file=out)
            return 2
        key = spreadsheet_key(settings.spreadsheet or "")
        if getattr(args, "protect_only", False):
            added = _with_client(settings, key, lambda c, e: _protect(c, key, e))
            print(t("cli.init.protected", lang, count=added, label=key), file=out)
            return 0
        if args.demo:
            from kbo_dashboard.sources.demo import demo_tabs

            tabs = demo_tabs()
        elif args.from_xlsx:
            from kbo_dashboard.sources.workbook import WorkbookSource

            tabs = WorkbookSource(args.from_xlsx).fetch().tabs
        else:
            from kbo_dashboard.sources.workbook import template_tabs

            tabs = template_tabs(n_judges=args.judges)
        result = _with_client(settings, key, lambda c, e: init_sheet(tabs, key, c, e))
    except SourceError as err:
        print(pick(err.message_th, err.message_en, lang), file=out)
        return 2
    print(
        t("cli.init.done", lang, count=len(result.tabs), judges=len(result.judge_tabs), label=key),
        file=out,
    )
    return 0


def _protect(client: gspread.Client, key: str, service_email: str | None) -> int:
    http = client.http_client

    def read(titles: list[str]) -> Any:
        body = http.values_batch_get(key, [quote_tab(n) for n in titles], dict(VALUE_PARAMS))
        return parse(RawWorkbook(tabs_from_values(titles, body)))

    return protect_sheet(key, http, service_email, read)[0]


def _with_client(settings: Settings, key: str, job: Callable[[gspread.Client, Any], Any]) -> Any:
    """``job(client, service e-mail)`` with a write-scope client; failures as SourceError."""
    from kbo_dashboard.sources.google_http import CredentialsError, RetryPolicy

    try:
        credentials = load_credentials(
            settings.credentials_info,
            settings.credentials_file,
            anonymous_ok=bool(settings.api_url),
            scopes=WRITE_SCOPES,
        )
        policy = RetryPolicy(
            timeout_s=max(settings.timeout_s, 30.0), give_up_s=max(settings.give_up_s, 60.0)
        )
        client = make_gspread_client(credentials, settings.api_url, policy)
        email = service_account_email(settings.credentials_info, settings.credentials_file)
        return job(client, email)
    except SourceError:
        raise
    except (CredentialsError, Exception) as exc:  # noqa: BLE001 - shown as a clean message
        raise source_error(exc, key, settings.client_email) from None


Command = tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]


def register(commands: dict[str, Command]) -> None:
    """Add ``init-sheet``, ``check`` and ``judge-cards`` to ``python -m kbo_dashboard``."""
    from kbo_dashboard.commands import cards, check

    commands["init-sheet"] = (_init_args, run_init)
    commands["check"] = (check.check_args, check.run_check)
    commands["judge-cards"] = (cards.cards_args, cards.run_cards)
