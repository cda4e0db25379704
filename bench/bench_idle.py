"""Idle cost: server CPU seconds per minute for one open Overview on an unchanged workbook.

Run: ``nice -n 10 python bench/bench_idle.py [--scale 10] [--ttl 5] [--seconds 120]``.

Serves the demo scaled ``--scale`` times (``kbo_dashboard.sources.scaled``: 270 judges x 200
products at 10x) from the local Sheets API emulator (``tests/sheets_emulator.py``) at a
``--ttl`` second data TTL, starts ``streamlit run serve.py`` (``bench/load_server.py``), opens
one Overview viewer (``bench/load_client.py``: the browser's websocket protocol), waits until
it shows the nominee, then holds it ``--seconds`` while nobody edits the sheet. Prints the
server's CPU seconds per minute over the hold (its process tree, from /proc), the Sheets
requests in that time and the page's self-refresh runs. Every read still happens (one per
TTL); issue 21 asks that an unchanged read cost almost nothing (goal: under 3 CPU s/min).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

import load_server as server_side  # noqa: E402
from load_client import Session  # noqa: E402

from kbo_dashboard.intake.parse import parse  # noqa: E402
from kbo_dashboard.scoring.scoring import score_competition  # noqa: E402
from kbo_dashboard.sources.scaled import scaled_tabs  # noqa: E402
from kbo_dashboard.sources.source import RawWorkbook  # noqa: E402

HOST = "127.0.0.1"


async def hold(port: int, pid: int, nominee: str, args, emulator) -> dict:
    viewer = Session(HOST, port, page="", query="lang=en", nominee=nominee)
    await asyncio.wait_for(viewer.open(), args.timeout)
    shown = await viewer.wait_for(lambda: viewer.tally.nominee_at is not None, args.timeout, "")
    await asyncio.sleep(args.settle)  # the first refreshes after the cold read
    emulator.reset_log()
    runs0 = viewer.tally.fragment_runs
    sampler = server_side.Sampler(pid)
    began = time.monotonic()
    while time.monotonic() - began < args.seconds:
        sampler.sample()
        await asyncio.sleep(0.5)
    held = time.monotonic() - began
    cpu, peak = sampler.result()
    out = {
        "shown_s": shown,
        "held_s": held,
        "cpu_s": cpu,
        "peak_mb": peak,
        "reads": sum(1 for r in emulator.requests if "/spreadsheets/" in r.path),
        "runs": viewer.tally.fragment_runs - runs0,
        "errors": list(viewer.tally.errors),
    }
    await viewer.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--ttl", type=float, default=5)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--settle", type=float, default=15, help="seconds before measuring")
    parser.add_argument("--timeout", type=float, default=180)
    args = parser.parse_args()

    from tests.sheets_emulator import SheetsEmulator

    tabs = scaled_tabs(args.scale)
    nominee = score_competition(parse(RawWorkbook(tabs))).nominee or "P-"
    work = Path(tempfile.mkdtemp(prefix="kbo-idle-"))
    emulator = SheetsEmulator().start()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KBO_")}
    env.update(KBO_DATA_DIR=str(work / "data"), KBO_CACHE_TTL=str(args.ttl))
    env.update(KBO_DECISION_KEY="bench-idle", KBO_SHEETS_API_URL=emulator.url)
    env.update(KBO_SPREADSHEET=emulator.create_spreadsheet(tabs))
    # The emulator builds the 20 MB cold read in Python: on a busy machine that outlasts the
    # default 5 s timeout. Only the reads' patience changes, not what is read.
    env.update(KBO_SHEETS_TIMEOUT="120", KBO_SHEETS_GIVE_UP="300")
    port = server_side.free_port()
    server = server_side.start_server(env, port, work / "server.log")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        server_side.wait_up(port)
        load_before = server_side.load_average()
        out = asyncio.run(hold(port, server.pid, nominee, args, emulator))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        emulator.stop()
    per_minute = out["cpu_s"] / out["held_s"] * 60
    print(f"# server log: {work / 'server.log'}; load {load_before} -> "
          f"{server_side.load_average()}; errors {out['errors'] or 0}")  # fmt: skip
    print("| workbook | TTL | held | Sheets reads | page runs | server CPU | CPU s per minute |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {args.scale}x ({len(tabs)} tabs), unchanged | {args.ttl:g} s | "
          f"{out['held_s']:.0f} s | {out['reads']} | {out['runs']} | {out['cpu_s']:.1f} s, "
          f"peak {out['peak_mb']:.0f} MB | **{per_minute:.1f}** |")  # fmt: skip


if __name__ == "__main__":
    main()
