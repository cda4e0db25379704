"""Start-up benchmark: from ``streamlit run`` until a viewer sees the nominee, app vs bare page.

Run: ``python bench/bench_startup.py`` (``--rounds 3``). Needs Playwright and Debian's Chromium
(``/usr/bin/chromium``), as the browser tests do. In one run, for each round, it starts

- the app as the README starts it (``streamlit run serve.py`` on the bundled demo, no
  configuration: ``app.py`` served with the start-up warm-up of ``kbo_dashboard.ui.warm``),
- the app without the warm-up (``streamlit run app.py``), and
- a bare one-line page (``st.success("<nominee id>")``) served the same way,

each on its own loopback port with the same flags as ``tests/browser``. It measures, with one
headless Chromium already running:

- **first viewer**: from starting ``streamlit run`` until the first viewer's page shows the
  nominee (Overview's green nominee box; the bare page's only element);
- **second viewer**: from a second, fresh browser session opening the page until it shows the
  nominee (the data is then shared from the cache).

Prints every round, the median and the fastest, and the ratios to the bare page. The server
is ended (its own process group) after each round. The machine is shared, so read the fastest.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, base_env, free_port  # noqa: E402

NOMINEE = '[data-testid="stAlertContentSuccess"]'
TIMEOUT_MS = 120_000


def demo_nominee() -> str:
    from kbo_dashboard.intake.parse import parse
    from kbo_dashboard.scoring.scoring import score_competition
    from kbo_dashboard.sources.demo import DemoSource

    comp = parse(DemoSource().fetch())
    return score_competition(comp, comp.settings.get("method") or "mean").nominee


def start(script: Path, workdir: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    secrets = workdir / "secrets.toml"
    secrets.write_text("", encoding="utf-8")
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        "--secrets.files", str(secrets),
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, env=base_env(workdir / "data"), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    return process, f"http://127.0.0.1:{port}"


def stop(process: subprocess.Popen) -> None:
    """End the server's own process group (started by :func:`start`)."""
    if process.poll() is None:
        os.killpg(os.getpgid(process.pid), signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(os.getpgid(process.pid), signal.SIGKILL)
            process.wait(timeout=10)


def see_nominee(browser, url: str, nominee: str, started: float) -> float:
    """Open ``url`` in a fresh session (retrying while the server is not up); seconds until
    the nominee shows, counted from ``started``."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        while True:
            try:
                page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
                break
            except Exception:  # connection refused: the server is still starting
                if time.perf_counter() - started > TIMEOUT_MS / 1000:
                    raise
                time.sleep(0.05)
        page.locator(NOMINEE, has_text=nominee).first.wait_for(timeout=TIMEOUT_MS)
        return time.perf_counter() - started
    finally:
        context.close()


def one_round(browser, script: Path, nominee: str) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        process, url = start(script, Path(folder))
        try:
            first = see_nominee(browser, url, nominee, started)
            second = see_nominee(browser, url, nominee, time.perf_counter())
        finally:
            stop(process)
    return first, second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    nominee = demo_nominee()
    print(f"load average at start: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as play:
        bare = Path(folder) / "bare.py"
        bare.write_text(f"import streamlit as st\n\nst.success({nominee!r})\n", encoding="utf-8")
        browser = play.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        scripts = {"bare": bare, "app": ROOT / "serve.py", "app.py only": ROOT / "app.py"}
        results = {name: [] for name in scripts}
        for n in range(args.rounds):
            for name, script in scripts.items():
                first, second = one_round(browser, script, nominee)
                results[name].append((first, second))
                print(f"round {n + 1} {name}: first viewer {first:.2f} s, second {second:.2f} s")
        browser.close()
    print("| page | first viewer: median (fastest) | second viewer: median (fastest) |")
    print("|---|---:|---:|")
    for name, runs in results.items():
        cells = []
        for i in (0, 1):
            values = [r[i] for r in runs]
            cells.append(f"{statistics.median(values):.2f} s ({min(values):.2f} s)")
        print(f"| {name} | {cells[0]} | {cells[1]} |")
    for name in ("app", "app.py only"):
        for i, label in ((0, "first"), (1, "second")):
            app = statistics.median(r[i] for r in results[name])
            bare_s = statistics.median(r[i] for r in results["bare"])
            best = min(r[i] for r in results[name]) / min(r[i] for r in results["bare"])
            print(f"{label} viewer: {name} / bare = {app / bare_s:.2f}x (fastest: {best:.2f}x)")
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
