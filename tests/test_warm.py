"""The server's start-up warm-up (``serve.py``, :mod:`kbo_dashboard.ui.warm`).

What it promises: ``streamlit run serve.py`` is recognised by Streamlit as an ``App`` serving
``app.py``; the warm-up runs the real pipeline in a background thread at start, without
delaying the server; a failure in it is logged and never raised. The browser tests run the
served app end to end (``tests/browser/conftest.py`` starts ``serve.py``).
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import streamlit as st

from kbo_dashboard.ui import warm

ROOT = Path(__file__).resolve().parent.parent


def test_serve_py_is_an_app_serving_app_py():
    # Through the public API only: serve.py's ``app`` is an ``st.App`` (what ``streamlit run``
    # looks for); tests/test_start.py and the browser tests start it for real.
    spec = importlib.util.spec_from_file_location("serve", ROOT / "serve.py")
    serve = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve)
    assert isinstance(serve.app, st.App)
    assert 'st.App("app.py"' in (ROOT / "serve.py").read_text(encoding="utf-8")


def test_the_warm_up_imports_the_first_page_in_a_fresh_interpreter():
    # A fresh interpreter: in this test process everything is imported already.
    code = (
        "import sys\n"
        "from kbo_dashboard.ui import warm\n"
        "assert 'pandas' not in sys.modules\n"
        "warm.warm_up()\n"
        "missing = [m for m in warm.MODULES + ('pandas',) if m not in sys.modules]\n"
        "print('missing', missing)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "missing []" in out.stdout


def test_the_lifespan_starts_the_warm_up_without_waiting_for_it(monkeypatch):
    release, started = threading.Event(), threading.Event()

    def slow_warm_up():
        started.set()
        release.wait(30)

    monkeypatch.setattr(warm, "warm_up", slow_warm_up)

    async def serve_once():
        async with warm.lifespan(None):
            return "served"  # reached while the warm-up still runs

    # Its own thread and event loop: a browser test earlier in the run may hold this one's.
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, serve_once()).result(30) == "served"
    assert started.wait(30)
    release.set()


def test_a_failing_warm_up_is_logged_not_raised(monkeypatch, caplog):
    def broken():
        raise RuntimeError("no pandas today")

    monkeypatch.setattr(warm, "warm_up", broken)
    with caplog.at_level(logging.WARNING, logger=warm.__name__):
        warm.start().join(30)
    assert "warm-up failed" in caplog.text
    assert "no pandas today" in caplog.text
