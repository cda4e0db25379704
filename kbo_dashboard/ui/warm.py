"""The server's warm-up: what the first viewer would otherwise wait for, done at start.

A freshly started server imports pandas, this package and plotly, and makes pandas' first
(slow) operations, only when the first viewer's page runs. ``serve.py`` serves ``app.py``
as a Streamlit ``App`` whose start-up (:func:`lifespan`) does that work in a background
thread instead, while the first viewer's browser is still loading Streamlit's page. The
work is pure: it parses and scores the bundled demo (no source is read, nothing is cached),
so a failure here costs only the head start and is logged, never shown.

Importing from two threads at once is safe because the package's module-level import graph
has no cycle (``tests/test_architecture.py`` checks it), so Python's per-module import locks
cannot deadlock.
"""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager

LOG = logging.getLogger(__name__)

#: Modules the first page needs, beyond what ``app.py`` imports itself.
MODULES = (
    "kbo_dashboard.ui.frame",
    "kbo_dashboard.ui.cached",
    "kbo_dashboard.ui.charts",
    "kbo_dashboard.ui.meeting_view",
    "kbo_dashboard.ui.pickers",
    "kbo_dashboard.ui.refresh",
    "kbo_dashboard.ui.standings_tables",
    "kbo_dashboard.ui.chair",
    "kbo_dashboard.analysis.nomination",
    "kbo_dashboard.sources.demo",
    "plotly.graph_objects",
)


def warm_up() -> None:
    """Import the first page's modules and run the pipeline once on the demo."""
    import importlib

    for name in MODULES:
        importlib.import_module(name)
    from plotly import graph_objects as go

    from kbo_dashboard.analysis.nomination import robustness_report
    from kbo_dashboard.intake.parse import parse
    from kbo_dashboard.scoring.scoring import score_competition
    from kbo_dashboard.sources.demo import DemoSource

    comp = parse(DemoSource().fetch())
    results = score_competition(comp)
    robustness_report(comp, results.method, totals=results.totals)
    go.Figure(go.Bar(x=[1], y=[1])).update_layout(height=100).to_json()


def _run() -> None:
    try:
        warm_up()
    except Exception:  # noqa: BLE001 - a head start only; the page does the work itself
        LOG.warning("warm-up failed; the first viewer waits for it instead", exc_info=True)


def start() -> threading.Thread:
    """Start :func:`warm_up` in a daemon thread."""
    thread = threading.Thread(target=_run, name="kbo-warm-up", daemon=True)
    thread.start()
    return thread


@asynccontextmanager
async def lifespan(_app):
    """The ``App``'s start-up: begin the warm-up without delaying the server."""
    start()
    yield
