"""A burst of chair sessions (issue 11, "Load"): what each session adds is shared or bounded.

Ten chairs opening the Nomination page at once each run the page two or three times (open,
unlock, the rerun after unlocking), next to every viewer's refresh tick. These tests pin the
three findings of ``bench/load.py --chairs 10`` (docs/testing.md, "Load"):

- the readiness checklist is built once per data version and method, from the shared judge
  progress, not once per session and rerun;
- the chair's password hash (scrypt, 16 MiB) is checked once per unlock, never on later reruns;
- ``streamlit run app.py`` does not walk the whole heap after every script run
  (``runner.postScriptGC``), which held the GIL ~60 ms per run of every session.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from kbo_dashboard.analysis import readiness as readiness_module
from kbo_dashboard.ui import chair_form
from tests.test_chair_form import unlock
from tests.test_pages import APP, no_exception, open_page

SESSIONS = 4


def counting(monkeypatch, module, name: str) -> list:
    """Replace ``module.name`` with a wrapper that records each call; returns the record."""
    calls: list = []
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def test_the_checklist_is_built_once_for_every_chair_and_rerun(
    app_env, chair_password, monkeypatch
):
    built = counting(monkeypatch, readiness_module, "_judges_point")  # once per checklist
    fresh_progress = counting(monkeypatch, readiness_module, "judge_progress")
    chairs = [open_page("pages/nomination.py", "en") for _ in range(SESSIONS)]
    for at in chairs:
        unlock(at, chair_password)  # the chair's form shows the checklist's open points too
        at.run()  # the refresh tick
        no_exception(at)
        assert "chair_record" in {b.key for b in at.button}
    assert len(built) == 1
    assert fresh_progress == []  # the checklist reuses the judges' progress the pages share

    app_env.refresh()  # new data: built again, once
    for at in chairs:
        at.run()
    assert len(built) == 2


def test_the_password_hash_is_checked_once_per_unlock(app_env, chair_password, monkeypatch):
    checked = counting(monkeypatch, chair_form, "verify_password")
    chairs = [open_page("pages/nomination.py", "en") for _ in range(SESSIONS)]
    assert checked == []  # opening the page checks nothing
    for n, at in enumerate(chairs, 1):
        unlock(at, chair_password)
        for _ in range(3):  # refresh ticks, a toggle: no new check
            at.run()
        at.toggle(key="chair_hide").set_value(True).run()
        at.toggle(key="chair_hide").set_value(False).run()
        no_exception(at)
        assert len(checked) == n
    wrong = open_page("pages/nomination.py", "en")
    unlock(wrong, "not the password")
    wrong.run()
    assert len(checked) == SESSIONS + 1
    assert "chair_record" not in {b.key for b in wrong.button}


def _app_config(key: str):
    """``key`` ("section.option") as ``streamlit run app.py`` resolves it from config files:
    Streamlit's own file list for app.py (global, project, next to the script), later wins."""
    from streamlit import config

    section, option = key.split(".")
    saved = config._main_script_path
    config._main_script_path = APP  # what the CLI sets before reading the files
    try:
        files = config.get_config_files("config.toml")
    finally:
        config._main_script_path = saved
    value = config._config_options_template[key].default_val
    for name in files:
        if Path(name).exists():
            value = tomllib.loads(Path(name).read_text("utf-8")).get(section, {}).get(option, value)
    return value


def test_the_app_does_no_full_garbage_collection_after_every_script_run():
    from streamlit import config

    assert "runner.postScriptGC" in config._config_options_template  # still Streamlit's option
    assert config._config_options_template["runner.postScriptGC"].default_val is True
    assert _app_config("runner.postScriptGC") is False
