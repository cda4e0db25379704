"""Command-line set-up and checks for the committee's Google Sheet.

* ``python -m kbo_dashboard init-sheet [--demo | --from-xlsx PATH | --judges N]`` fills an empty
  Google Sheet (shared with the service account as Editor) with every tab of the layout: one score
  tab per judge with the product rows prefilled, data validation 0..max on every score cell,
  frozen and protected header rows. It costs four API requests whatever the number of judges.
* ``python -m kbo_dashboard check`` reads the configured source (Google Sheet, .xlsx or demo),
  prints the same issues as the Data issues page and exits 0 (no errors), 1 (errors in the data)
  or 2 (the source could not be read or is not configured).

Settings come from ``.streamlit/secrets.toml`` and the environment
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

from kbo_dashboard.i18n import t
from kbo_dashboard.intake.issues import ERROR, WARNING
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.meeting import signing
from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.config import Settings, load_settings, make_source, read_secrets_file
from kbo_dashboard.sources.google_http import WRITE_SCOPES, load_credentials, make_gspread_client
from kbo_dashboard.sources.google_source import quote_tab, source_error, spreadsheet_key
from kbo_dashboard.sources.source import RawWorkbook, Rows, SourceError

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
    name_th = next(c.th for c in L.COLUMNS[L.PRODUCTS] if c.key == "product_name")
    header = [
        L.PRODUCT_ID.th,
        name_th,
        *[f"{c.name_th} ({c.max_score:g})" for c in criteria],
        L.COMMENT.th,
    ]
    products = [[p.product_id, p.product_name] for p in competition.products.itertuples()]
    for judge in competition.judges.itertuples():
        if judge.sheet and judge.sheet not in out:
            out[judge.sheet] = [header, *[list(p) for p in products]]
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


def init_sheet(tabs: dict[str, Rows], spreadsheet: str, client: gspread.Client) -> InitResult:
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
    requests = layout_requests(
        full, judge_tabs, criteria, first_id=max(existing.values(), default=0) + 100
    )
    requests += [{"deleteSheet": {"sheetId": existing[name]}} for name in blank]
    http.batch_update(key, {"requests": requests})
    data = [
        {"range": f"{quote_tab(name)}!A1", "values": rows} for name, rows in full.items() if rows
    ]
    http.values_batch_update(key, {"valueInputOption": "RAW", "data": data})
    return InitResult(list(full), sorted(judge_tabs), requests=4)


# --- command line ---------------------------------------------------------------------------


def settings_from_environment(secrets_path: str = ".streamlit/secrets.toml") -> Settings:
    return load_settings(read_secrets_file(secrets_path), os.environ)


def _init_args(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--demo", action="store_true", help="fill in the demo data")
    group.add_argument("--from-xlsx", metavar="PATH", help="copy a local .xlsx in the layout")
    parser.add_argument("--judges", type=int, default=3, help="judge tabs in an empty layout")
    parser.add_argument("--secrets", default=".streamlit/secrets.toml", help=argparse.SUPPRESS)


def run_init(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    lang = os.environ.get("KBO_LANG", "th")
    try:
        settings = settings_from_environment(args.secrets)
        if settings.kind != "google":
            print(t("cli.init.not_google", lang), file=out)
            return 2
        if args.demo:
            from kbo_dashboard.sources.demo import demo_tabs

            tabs = demo_tabs()
        elif args.from_xlsx:
            from kbo_dashboard.sources.workbook import WorkbookSource

            tabs = WorkbookSource(args.from_xlsx).fetch().tabs
        else:
            from kbo_dashboard.sources.workbook import template_tabs

            tabs = template_tabs(n_judges=args.judges)
        key = spreadsheet_key(settings.spreadsheet or "")
        result = _init_with_settings(tabs, key, settings)
    except SourceError as err:
        print(err.message_th if lang == "th" else err.message_en, file=out)
        return 2
    print(
        t("cli.init.done", lang, count=len(result.tabs), judges=len(result.judge_tabs), label=key),
        file=out,
    )
    return 0


def _init_with_settings(tabs: dict[str, Rows], key: str, settings: Settings) -> InitResult:
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
        return init_sheet(tabs, key, client)
    except SourceError:
        raise
    except (CredentialsError, Exception) as exc:  # noqa: BLE001 - shown as a clean message
        raise source_error(exc, key, settings.client_email) from None


def _check_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("th", "en"), default=os.environ.get("KBO_LANG", "th"))
    parser.add_argument("--secrets", default=".streamlit/secrets.toml", help=argparse.SUPPRESS)


def run_check(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Print the source's issues; 0 = no errors, 1 = errors in the data, 2 = unreadable."""
    out, lang = out or sys.stdout, args.lang
    try:
        source = make_source(settings_from_environment(args.secrets))
        print(t("cli.check.source", lang, label=source.describe()), file=out)
        competition = parse(source.fetch())
    except SourceError as err:
        print(err.message_th if lang == "th" else err.message_en, file=out)
        return 2
    if (
        source.kind == "google"
        and signing.configured_key(read_secrets_file(args.secrets), os.environ) is None
    ):  # the chair cannot record a decision until it is set
        print(t("decision.no_key", lang, name=signing.KEY_ENV), file=out)
    counts = {ERROR: 0, WARNING: 0}
    for issue in competition.issues:
        counts[issue.severity] = counts.get(issue.severity, 0) + 1
        message = issue.message_th if lang == "th" else issue.message_en
        action = issue.action_th if lang == "th" else issue.action_en
        who = " ".join(x for x in (issue.judge_id, issue.product_id) if x)
        print(
            f"{t(f'severity.{issue.severity}', lang)}\t{issue.where}\t{who}\t{message} → {action}",
            file=out,
        )
    if counts[ERROR]:
        print(t("cli.check.failed", lang, errors=counts[ERROR], warnings=counts[WARNING]), file=out)
        return 1
    print(t("cli.check.ok", lang, warnings=counts[WARNING]), file=out)
    return 0


Command = tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]


def register(commands: dict[str, Command]) -> None:
    """Add ``init-sheet`` and ``check`` to the command table of ``python -m kbo_dashboard``."""
    commands["init-sheet"] = (_init_args, run_init)
    commands["check"] = (_check_args, run_check)
