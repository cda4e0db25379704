"""``python -m kbo_dashboard check``: the configured source's issues, before the meeting.

It reads the same secrets Streamlit does (``~/.streamlit/secrets.toml``, then the project's
``.streamlit/secrets.toml``, the project's winning; see
:func:`~kbo_dashboard.sources.config.streamlit_secrets`) and the environment. For a Google Sheet
it also asks for the tabs' protections, in one metadata request of its own (the dashboard's
refresh never does), and reports a judge's tab nobody protected and a judge with no e-mail.
Exit codes: 0 no errors, 1 errors in the data, 2 the source could not be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TextIO

from kbo_dashboard.commands.checklist import print_readiness
from kbo_dashboard.commands.protections import (
    PROTECTION_FIELDS,
    protection_issues,
    sheet_protections,
)
from kbo_dashboard.i18n import pick, t
from kbo_dashboard.intake.issues import ERROR, WARNING, Issue, count_by_severity
from kbo_dashboard.intake.parse import Competition, parse
from kbo_dashboard.meeting import signing
from kbo_dashboard.meeting.decision_tab import decision_tab_issues
from kbo_dashboard.scoring.todo import judge_todos
from kbo_dashboard.sources.config import Settings, load_settings, make_source, streamlit_secrets
from kbo_dashboard.sources.layout import DECISION
from kbo_dashboard.sources.source import SourceError


def settings_from_environment(secrets_path: str = ".streamlit/secrets.toml") -> Settings:
    """Settings from the secrets Streamlit would load and the environment."""
    return load_settings(streamlit_secrets(secrets_path), os.environ)


def check_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("th", "en"), default=os.environ.get("KBO_LANG", "th"))
    parser.add_argument("--secrets", default=".streamlit/secrets.toml", help=argparse.SUPPRESS)


def sheet_protection_issues(settings: Settings, comp: Competition) -> list[Issue]:
    """The protection issues of the configured Google Sheet (one metadata request)."""
    from kbo_dashboard.sources.google_http import load_credentials, make_http_client
    from kbo_dashboard.sources.google_source import source_error, spreadsheet_key

    key = spreadsheet_key(settings.spreadsheet or "")
    try:
        credentials = load_credentials(
            settings.credentials_info,
            settings.credentials_file,
            anonymous_ok=bool(settings.api_url),
        )
        http = make_http_client(credentials, settings.api_url)
        meta = http.call(lambda: http.spreadsheets_get(key, {"fields": PROTECTION_FIELDS}))
    except Exception as exc:  # noqa: BLE001 - shown as a clean message
        raise source_error(exc, key, settings.client_email) from None
    return protection_issues(comp, sheet_protections(meta)[1])


def run_check(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Print the source's issues; 0 = no errors, 1 = errors in the data, 2 = unreadable."""
    out, lang = out or sys.stdout, args.lang
    try:
        settings = settings_from_environment(args.secrets)
        source = make_source(settings)
        print(t("cli.check.source", lang, label=source.describe()), file=out)
        raw = source.fetch()
        competition = parse(raw)
        issues = list(competition.issues)
        issues += decision_tab_issues(raw.tab(DECISION), raw.tab_name(DECISION))
        if settings.kind == "google":
            issues += sheet_protection_issues(settings, competition)
    except SourceError as err:
        print(pick(err.message_th, err.message_en, lang), file=out)
        return 2
    secrets = streamlit_secrets(args.secrets)
    if settings.kind == "google" and signing.configured_key(secrets, os.environ) is None:
        print(t("decision.no_key", lang, name=signing.KEY_ENV), file=out)  # cannot record yet
    counts = count_by_severity(issues)
    for issue in issues:
        message = pick(issue.message_th, issue.message_en, lang)
        action = pick(issue.action_th, issue.action_en, lang)
        who = " ".join(x for x in (issue.judge_id, issue.product_id) if x)
        print(
            f"{t(f'severity.{issue.severity}', lang)}\t{issue.where}\t{who}\t{message} → {action}",
            file=out,
        )
    rows = competition.rows
    rejected = int((rows["filled"] > rows["valid"]).sum())
    if rejected:
        print(t("cli.check.rows_not_counted", lang, n=rejected), file=out)
    todos = judge_todos(competition)  # the same to-do as the Judges page and LINE messages
    if todos:
        print(f"\n{t('todo.check_heading', lang)}", file=out)
        for todo in todos:
            print(f"  {todo.message(lang)}", file=out)
    print_readiness(competition, lang, out)
    if counts[ERROR]:
        print(t("cli.check.failed", lang, errors=counts[ERROR], warnings=counts[WARNING]), file=out)
        return 1
    print(t("cli.check.ok", lang, warnings=counts[WARNING]), file=out)
    return 0
