"""``python -m kbo_dashboard judge-cards OUT.pdf``: the judge cards of the configured source.

One card per judge with a QR code of the link to their own tab (Google Sheets) or the tab's
name (the demo and .xlsx sources, which have no links). Exit 2 when the source cannot be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from kbo_dashboard.commands.check import settings_from_environment
from kbo_dashboard.i18n import pick, t
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.reports.judge_cards import build_judge_cards
from kbo_dashboard.sources.config import make_source
from kbo_dashboard.sources.source import SourceError


def cards_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", help="path of the PDF to write")
    parser.add_argument("--lang", choices=("th", "en"), default=os.environ.get("KBO_LANG", "th"))
    parser.add_argument("--secrets", default=".streamlit/secrets.toml", help=argparse.SUPPRESS)


def run_cards(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out, lang = out or sys.stdout, args.lang
    try:
        source = make_source(settings_from_environment(args.secrets))
        comp = parse(source.fetch())
    except SourceError as err:
        print(pick(err.message_th, err.message_en, lang), file=out)
        return 2
    Path(args.out).write_bytes(
        build_judge_cards(
            comp,
            lang,
            str(comp.settings.get("title") or ""),
            demo=getattr(source, "kind", "") == "demo",
        )
    )
    print(t("cards.written", lang, path=args.out, n=len(comp.judges)), file=out)
    return 0
