"""Load: many viewers on one Streamlit server, on loopback, bounded.

Run: ``python bench/load.py --viewers 50 --seconds 60 [--emulator] [--chairs 10]``.
Starts ``streamlit run app.py`` on a free port (the demo, or with ``--emulator`` a Google
Sheet on the local Sheets API emulator), opens ``--viewers`` headless Chromium pages (one
browser context each, at most ``--batch`` opening at a time) on the Overview, keeps them open
``--seconds`` while the page refreshes itself, and reports: the p50/p95/max time until a viewer
sees the nominee, page errors (Streamlit exceptions or disconnections), Sheets requests per
TTL (emulator), and the server's CPU seconds and peak memory (from /proc). With ``--chairs N``
it then opens N sessions of the Nomination page at once, each unlocking the chair's form, and
reports how long each took. Prints one Markdown row per run for docs/testing.md, with the
machine's load average (``uptime``) beside it: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kbo_dashboard.meeting.password import hash_password  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
NOMINEE = "P-15"  # the demo's provisional nominee
PASSWORD = "load-test-ประธาน"
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_usage(pid: int) -> tuple[float, int]:
    """(CPU seconds of the process and its children so far, resident KiB now)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = sum(int(x) for x in fields[11:15]) / TICKS
    rss = next(
        int(line.split()[1])
        for line in Path(f"/proc/{pid}/status").read_text().splitlines()
        if line.startswith("VmRSS")
    )
    return cpu, rss


def start_server(env: dict, port: int, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1"]
    command += ["--browser.gatherUsageStats", "false"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip


def wait_up(port: int, timeout: float = 90) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("server did not start")


def viewers(browser, url: str, count: int, batch: int, page_timeout_ms: int) -> tuple:
    """Open ``count`` pages; returns (pages, seconds until each saw the nominee, errors)."""
    pages, seen, errors = [], [], []
    for start in range(0, count, batch):
        opened = []
        for _ in range(min(batch, count - start)):
            page = browser.new_context().new_page()
            page.set_default_navigation_timeout(page_timeout_ms)
            began = time.monotonic()
            try:
                page.goto(url, wait_until="commit")
            except Exception as error:  # noqa: BLE001 - counted as an error
                errors.append(type(error).__name__)
                continue
            opened.append((page, began))
        for page, began in opened:
            try:
                page.get_by_text(NOMINEE).first.wait_for(timeout=page_timeout_ms)
                seen.append(time.monotonic() - began)
            except Exception as error:  # noqa: BLE001 - counted as an error
                errors.append(type(error).__name__)
            pages.append(page)
    return pages, seen, errors


def page_errors(pages) -> int:
    """Pages now showing a Streamlit exception or the connection-lost dialog."""
    exception, lost = "[data-testid='stException']", "Connection error"
    return sum(1 for p in pages if p.locator(exception).count() or p.get_by_text(lost).count())


def chair_burst(browser, base: str, count: int, timeout_ms: int) -> list[float]:
    """``count`` sessions open the Nomination page at once and unlock the chair's form."""
    opened = []
    for _ in range(count):
        page = browser.new_context().new_page()
        page.set_default_navigation_timeout(timeout_ms)
        opened.append((page, time.monotonic()))
        try:
            page.goto(f"{base}/nomination?lang=en", wait_until="commit")
        except Exception:  # noqa: BLE001 - reported below as a timeout
            continue
    took = []
    for page, began in opened:
        try:
            page.get_by_text("Chair").first.click(timeout=timeout_ms)
            field = page.get_by_label("Chair password")
            field.fill(PASSWORD, timeout=timeout_ms)
            field.press("Enter")
            page.get_by_text("Record the decision").first.wait_for(timeout=timeout_ms)
            took.append(time.monotonic() - began)
        except Exception:  # noqa: BLE001 - a timeout is the finding
            took.append(float("inf"))
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--batch", type=int, default=5)
    parser.add_argument("--emulator", action="store_true")
    parser.add_argument("--chairs", type=int, default=0)
    parser.add_argument("--ttl", type=float, default=15)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="kbo-load-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("KBO_")}
    env.update(KBO_DATA_DIR=str(work / "data"), KBO_CACHE_TTL=str(args.ttl))
    env.update(KBO_CHAIR_PASSWORD_HASH=hash_password(PASSWORD), KBO_DECISION_KEY="load-test")
    emulator = None
    if args.emulator:
        from kbo_dashboard.sources.demo import demo_tabs
        from tests.sheets_emulator import SheetsEmulator

        emulator = SheetsEmulator().start()
        env.update(
            KBO_SHEETS_API_URL=emulator.url,
            KBO_SPREADSHEET=emulator.create_spreadsheet(demo_tabs()),
        )
    port = free_port()
    server = start_server(env, port, work / "server.log")
    # A SIGTERM (e.g. from ``timeout``) still stops the server: the finally below runs.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(port)
        cpu0, _ = proc_usage(server.pid)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
            if emulator is not None:
                emulator.reset_log()
            began = time.monotonic()
            pages, seen, errors = viewers(browser, f"{base}/?lang=en", args.viewers, args.batch,
                                          120_000)  # fmt: skip
            peak = 0
            while time.monotonic() - began < args.seconds:
                peak = max(peak, proc_usage(server.pid)[1])
                pages[0].wait_for_timeout(1000)  # the viewers' pages refresh themselves
            held = time.monotonic() - began
            broken = page_errors(pages)
            requests = emulator.request_count if emulator is not None else None
            cpu1, rss = proc_usage(server.pid)
            took = chair_burst(browser, base, args.chairs, 60_000) if args.chairs else []
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        if emulator is not None:
            emulator.stop()
    load = os.getloadavg()
    p95 = sorted(seen)[max(0, int(len(seen) * 0.95) - 1)] if seen else float("nan")
    print(f"| {'emulator' if args.emulator else 'demo'} | {args.viewers} viewers, {held:.0f} s "
          f"| nominee seen p50 {statistics.median(seen):.1f} s, p95 {p95:.1f} s, max "
          f"{max(seen):.1f} s | errors {len(errors) + broken} | Sheets requests "
          f"{requests if requests is not None else '-'} in {held:.0f} s "
          f"(TTL {args.ttl:g} s: at most {int(held // args.ttl) + 1}) "
          f"| server CPU {cpu1 - cpu0:.0f} s, RSS {max(peak, rss) / 1024:.0f} MB "
          f"| load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} |")  # fmt: skip
    if took:
        finite = [x for x in took if x != float("inf")]
        print(f"chair burst: {args.chairs} sessions, unlocked {len(finite)}, "
              f"timed out {len(took) - len(finite)}, slowest "
              f"{max(finite) if finite else float('nan'):.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
