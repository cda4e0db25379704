"""A malformed KBO_SERVICE_ACCOUNT_JSON: every page shows the message ``check`` prints, in a
banner, never a traceback (issue 11)."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kbo_dashboard.commands.check import run_check
from kbo_dashboard.ui import frame

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def bad_json(app_env, monkeypatch, tmp_path):
    monkeypatch.setenv("KBO_SPREADSHEET", "1" * 44)
    monkeypatch.setenv("KBO_SERVICE_ACCOUNT_JSON", '{"type": "service_account", "private_key": ')
    secrets = tmp_path / "none.toml"  # no secrets file: the environment alone
    out = io.StringIO()
    code = {}
    for lang in ("th", "en"):
        out = io.StringIO()
        code[lang] = run_check(argparse.Namespace(lang=lang, secrets=str(secrets)), out)
        code[f"{lang}_text"] = out.getvalue().strip()
    return code


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("page", [p[0] for p in frame.PAGES])
def test_every_page_shows_checks_message_not_a_traceback(bad_json, page, lang):
    assert bad_json[lang] == 2
    message = bad_json[f"{lang}_text"]
    assert "KBO_SERVICE_ACCOUNT_JSON" in message and "private_key" not in message
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    errors = " ".join(e.value for e in at.error)
    assert message in errors
