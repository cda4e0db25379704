"""Load: many viewers on one Streamlit server, on loopback, bounded.

Run: ``python bench/load.py --viewers 50 --seconds 60 [--emulator] [--chairs 10]``.

Starts ``streamlit run serve.py`` (the README's command) on a free port (the demo, or with
``--emulator`` a Google Sheet on the local Sheets API emulator, ``tests/sheets_emulator.py``),
warms it with one page view,
then connects ``--viewers`` websocket viewers (``bench/load_client.py``: the browser's protocol
without a browser, so 50 cost a coroutine each) to the Overview at once and keeps them
connected ``--seconds`` while the page refreshes itself (its fragment's ``run_every``). It
reports: the p50/p95/max time until a viewer sees the nominee, errors (exceptions shown,
disconnections, timeouts), the self-refresh reruns each viewer received, Sheets requests
(emulator) against the bound of one per TTL, the server's CPU seconds and peak memory (its
process tree, from /proc) and the machine's load average before and after (``uptime``: the
machine is shared). ``--browsers N`` adds N real headless Chromium viewers alongside.

With ``--chairs N`` it then opens N sessions of the Nomination page at once (the viewers still
connected), each unlocking the chair's form (name and password, as the browser's form submit
sends them), and reports per session the time to the page and to the unlocked form.
``--profile out.raw`` records the server with py-spy during the burst.

Prints Markdown rows for docs/testing.md ("Reliability" -> "Load").
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import math
import os
import resource
import signal
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

import load_server as server_side  # noqa: E402
from load_client import Session, text_state, trigger_state  # noqa: E402

from kbo_dashboard.meeting.password import hash_password  # noqa: E402
from kbo_dashboard.sources.config import cache_seconds  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
NOMINEE = "P-15"  # the demo's provisional nominee
PASSWORD = "load-test-ประธาน"
HOST = "127.0.0.1"


def quantile(values: list[float], q: float) -> float:
    """The nearest-rank quantile (p95 of 50 values is the 48th smallest)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def spread(values: list[float]) -> str:
    if not values:
        return "none"
    return (f"p50 {statistics.median(values):.2f} s, p95 {quantile(values, 0.95):.2f} s, "
            f"max {max(values):.2f} s")  # fmt: skip


async def open_viewer(port: int, timeout: float) -> Session:
    session = Session(HOST, port, page="", query="lang=en", nominee=NOMINEE)
    try:
        await asyncio.wait_for(session.open(), timeout)
    except (TimeoutError, OSError) as error:
        session.tally.errors.append(f"connect {type(error).__name__}")
        session.closed = True
        return session
    await session.wait_for(lambda: session.tally.nominee_at is not None, timeout, "nominee")
    return session


async def browser_viewers(count: int, base: str, timeout: float, hold) -> list:
    """``count`` real Chromium viewers opening at once (one context each), held while
    ``hold()`` runs: [[seconds to the nominee or None, error or None], ...]."""
    from playwright.async_api import async_playwright

    async def one(browser) -> tuple:
        page = await (await browser.new_context()).new_page()
        began = time.monotonic()
        try:
            await page.goto(f"{base}/?lang=en", wait_until="commit", timeout=timeout * 1000)
            await page.get_by_text(NOMINEE).first.wait_for(timeout=timeout * 1000)
            return page, [time.monotonic() - began, None]
        except Exception as error:  # noqa: BLE001 - counted as an error
            return page, [None, type(error).__name__]

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True)
        opened = await asyncio.gather(*(one(browser) for _ in range(count)))
        await hold()
        for page, result in opened:
            shown = await page.locator("[data-testid='stException']").count()
            lost = await page.get_by_text("Connection error").count()
            if shown or lost:
                result[1] = result[1] or ("exception" if shown else "connection lost")
        await browser.close()
    return [result for _, result in opened]


async def chair(port: int, timeout: float) -> dict:
    """One chair: open Nomination, unlock the form. Seconds to each step (None: timed out)."""
    session = Session(HOST, port, page="nomination", query="lang=en", nominee=NOMINEE)
    steps = {"session": session, "page": None, "form": None, "unlocked": None}
    try:
        await asyncio.wait_for(session.open(), timeout)
    except (TimeoutError, OSError) as error:
        session.tally.errors.append(f"connect {type(error).__name__}")
        return steps
    steps["page"] = await session.wait_for(lambda: session.tally.runs >= 1, timeout, "page")
    ids = ("chair_name", "chair_password", "chair_unlock")
    steps["form"] = await session.wait_for(
        lambda: all(session.widget_id(k) for k in ids), timeout, "form"
    )
    if steps["form"] is None:
        return steps
    name, password, unlock = (session.widget_id(k) for k in ids)
    states = [text_state(name, "ประธานทดสอบ"), text_state(password, PASSWORD)]
    await session.rerun(states + [trigger_state(unlock)])
    steps["unlocked"] = await session.wait_for(
        lambda: session.widget_id("chair_record") is not None, timeout, "unlocked form"
    )
    return steps


async def run(args, port: int, emulator, pid: int) -> dict:
    out: dict = {"load_before": server_side.load_average()}
    base = f"http://{HOST}:{port}"
    warm = await open_viewer(port, 120)  # the first view after start pays the imports
    out["warm_s"], out["warm_errors"] = warm.tally.nominee_at, warm.tally.errors
    await warm.close()
    warm_requests = []
    if emulator is not None:
        warm_requests = [f"{r.method} {r.path.split('?')[0][-30:]}" for r in emulator.requests]
        emulator.reset_log()
    sampler = server_side.Sampler(pid)
    client0 = resource.getrusage(resource.RUSAGE_SELF)
    began = time.monotonic()
    stop = asyncio.Event()

    reads_at: list[float] = []  # when the emulator saw each new request (0.5 s resolution)

    async def hold() -> None:
        while time.monotonic() - began < args.seconds:
            sampler.sample()
            if emulator is not None and emulator.request_count > len(reads_at):
                reads_at.extend([time.monotonic() - began] * (emulator.request_count
                                                              - len(reads_at)))  # fmt: skip
            await asyncio.sleep(0.5)
        stop.set()

    tasks = [asyncio.create_task(open_viewer(port, args.timeout)) for _ in range(args.viewers)]
    browsers = None
    if args.browsers:
        browsers = asyncio.create_task(browser_viewers(args.browsers, base, args.timeout, hold))
    else:
        await hold()
    viewers = await asyncio.gather(*tasks)
    out["browsers"] = await browsers if browsers is not None else []
    await stop.wait()
    out["held_s"] = time.monotonic() - began
    out["requests"] = list(emulator.requests) if emulator is not None else None
    out["reads_at"] = reads_at
    out["cpu_s"], out["peak_mb"] = sampler.result()
    out["warm_requests"] = warm_requests
    out["start_mb"] = sampler.start_kib / 1024
    client1 = resource.getrusage(resource.RUSAGE_SELF)
    out["client_cpu_s"] = (client1.ru_utime + client1.ru_stime) - (
        client0.ru_utime + client0.ru_stime
    )
    out["threads"] = sampler.peak_threads
    out["load_after"] = server_side.load_average()
    out["viewers"] = [copy.deepcopy(v.tally) for v in viewers]  # as at the end of the hold
    if args.chairs:
        out["burst_load_before"] = server_side.load_average()
        spy = server_side.py_spy(pid, Path(args.profile)) if args.profile else None
        burst = server_side.Sampler(pid)
        began_burst = time.monotonic()
        out["chairs"] = await asyncio.gather(
            *(chair(port, args.timeout) for _ in range(args.chairs))
        )
        out["burst_wall_s"] = time.monotonic() - began_burst
        out["burst_cpu_s"], out["burst_peak_mb"] = burst.result()
        if spy is not None:
            spy.send_signal(signal.SIGINT)
            spy.wait(timeout=60)
        out["burst_load_after"] = server_side.load_average()
        await asyncio.gather(*(c["session"].close() for c in out["chairs"]))
    await asyncio.gather(*(v.close() for v in viewers))
    return out


def report(args, out: dict) -> None:
    source = "emulator" if args.emulator else "demo"
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    tallies = out["viewers"]
    seen = [t.nominee_at for t in tallies if t.nominee_at is not None]
    errors = [e for t in tallies for e in t.errors]
    ticks = [t.fragment_runs for t in tallies]
    refreshed = [t.nominee_refreshes for t in tallies]
    held = out["held_s"]
    print(
        f"# {now}, warm-up view {out['warm_s']:.2f} s {out['warm_errors'] or ''}"
        f"{', its Sheets requests ' + str(out['warm_requests']) if args.emulator else ''}"
    )
    print(f"# client CPU {out['client_cpu_s']:.1f} s, server threads (peak) {out['threads']}, "
          f"messages {sum(t.messages for t in tallies)}, "
          f"{sum(t.bytes for t in tallies) / 1e6:.1f} MB to the viewers")  # fmt: skip
    if errors:
        print("# errors:", sorted(set(errors))[:10])
    if out["requests"] is not None:
        reads = [r for r in out["requests"] if "/spreadsheets/" in r.path]
        bound = math.floor(held / cache_seconds(args.ttl)) + 1
        requests = (f"{len(reads)} in {held:.0f} s (≤ {bound} allowed at 1 per TTL: "
                    f"{'ok' if len(reads) <= bound else 'OVER'})")  # fmt: skip
        for r, at in zip(reads, out["reads_at"]):
            print(f"#   at {at:5.1f} s: {r.method} {r.path.split('?')[0][-40:]}")
    else:
        requests = "- (demo)"
    print(
        "| source | viewers, held | time until the nominee shows | errors | self-refreshes "
        "per viewer | Sheets requests | server | load average before → after |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {source} | {args.viewers} viewers, {held:.0f} s | {spread(seen)} "
          f"({len(seen)}/{len(tallies)} saw it) | {len(errors)} | "
          f"{min(ticks, default=0)}–{max(ticks, default=0)} (nominee re-sent "
          f"{min(refreshed, default=0)}–{max(refreshed, default=0)}) | {requests} "
          f"| {out['cpu_s']:.1f} CPU s, RSS {out['start_mb']:.0f} → peak {out['peak_mb']:.0f} MB "
          f"| {out['load_before']} → {out['load_after']} |")  # fmt: skip
    if out["browsers"]:
        times = [b[0] for b in out["browsers"] if b[0] is not None]
        bad = [b[1] for b in out["browsers"] if b[1]]
        print(f"| {source}, Chromium | {len(out['browsers'])} browsers alongside | "
              f"{spread(times)} | {len(bad)} {bad or ''} | | | | |")  # fmt: skip
    if not args.chairs:
        return
    chairs = out["chairs"]
    print()
    print("| chair | page (s) | form (s) | unlocked (s) | errors |")
    print("|---|---|---|---|---|")
    for n, c in enumerate(chairs, 1):
        cells = [f"{c[k]:.2f}" if c[k] is not None else "timed out" for k in
                 ("page", "form", "unlocked")]  # fmt: skip
        print(f"| {n} | {' | '.join(cells)} | {'; '.join(c['session'].tally.errors) or 0} |")
        if c["unlocked"] is None:
            print(f"<!-- chair {n} last saw: {c['session'].texts[-3:]} -->")
    unlocked = [c["unlocked"] for c in chairs if c["unlocked"] is not None]
    pages = [c["page"] for c in chairs if c["page"] is not None]
    print(f"\nchair burst: {len(chairs)} sessions at once, {len(unlocked)} unlocked, "
          f"{len(chairs) - len(unlocked)} timed out ({args.timeout:g} s per step); "
          f"page {spread(pages)}; unlocked form {spread(unlocked)}; wall {out['burst_wall_s']:.1f} "
          f"s, server {out['burst_cpu_s']:.1f} CPU s, peak {out['burst_peak_mb']:.0f} MB; "
          f"load {out['burst_load_before']} → {out['burst_load_after']}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--emulator", action="store_true")
    parser.add_argument("--chairs", type=int, default=0)
    parser.add_argument("--browsers", type=int, default=0, help="real Chromium viewers too")
    parser.add_argument("--ttl", type=float, default=15)
    parser.add_argument("--timeout", type=float, default=30, help="seconds per step")
    parser.add_argument("--profile", help="py-spy raw output for the chair burst")
    parser.add_argument(
        "--server-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra environment for the server (e.g. a Streamlit option)",
    )
    parser.add_argument("--cgroup", help="a cgroup directory to run the server in")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kbo-load-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("KBO_")}
    env.update(KBO_DATA_DIR=str(work / "data"), KBO_CACHE_TTL=str(args.ttl))
    env.update(KBO_CHAIR_PASSWORD_HASH=hash_password(PASSWORD), KBO_DECISION_KEY="load-test")
    env.update(item.split("=", 1) for item in args.server_env)
    emulator = None
    if args.emulator:
        from tests.sheets_emulator import SheetsEmulator, demo_tabs

        emulator = SheetsEmulator().start()
        env.update(
            KBO_SHEETS_API_URL=emulator.url,
            KBO_SPREADSHEET=emulator.create_spreadsheet(demo_tabs()),
        )
    port = server_side.free_port()
    server = server_side.start_server(env, port, work / "server.log")
    if args.cgroup:  # a CPU-limited cgroup made beforehand: the server as on a busy machine
        Path(args.cgroup, "cgroup.procs").write_text(str(server.pid))
    # A SIGTERM (e.g. from ``timeout``) still stops the server: the finally below runs.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        server_side.wait_up(port)
        out = asyncio.run(run(args, port, emulator, server.pid))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        if emulator is not None:
            emulator.stop()
    print(f"# server log: {work / 'server.log'}")
    report(args, out)


if __name__ == "__main__":
    main()
