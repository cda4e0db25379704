"""First viewer after a start, at 1x and 10x, side by side: how long until the Nomination page's
robustness section shows.

Run: ``python bench/bench_first_viewer.py [--scales 1 10] [--rounds 3]``.

For each round and each scale it serves the demo scaled that many times
(``kbo_dashboard.sources.scaled``: 27 judges x 20 products at 1x, 270 x 200 at 10x) from the
local Sheets API emulator (``tests/sheets_emulator.py``, a real HTTP server), starts
``streamlit run serve.py`` on it (``bench/load_server.py``, the app as the README starts it),
waits until the server answers, then opens one Nomination viewer (``bench/load_client.py``:
the browser's websocket protocol) and times it until the robustness verdict ("Robust: ..." or
"Not robust: ...") has arrived and the page's run has finished. The scales alternate within a
round, so both meet the same machine. Prints each round, the medians and the ratio 10x / 1x
(issue 21 asks for at most 1.5).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

import load_server as server_side  # noqa: E402
from load_client import Session  # noqa: E402

from kbo_dashboard.i18n import both  # noqa: E402
from kbo_dashboard.sources.scaled import scaled_tabs  # noqa: E402

HOST = "127.0.0.1"
VERDICTS = tuple(both(key)[1][:12] for key in ("analysis.robust.yes", "analysis.robust.no"))


async def first_view(port: int, timeout: float) -> tuple[float, list[str]]:
    viewer = Session(HOST, port, page="nomination", query="lang=en", nominee="\0")
    await asyncio.wait_for(viewer.open(), timeout)

    def shown() -> bool:
        verdict = any(t.startswith(VERDICTS) for t in viewer.texts)
        return verdict and viewer.tally.runs >= 1

    seconds = await viewer.wait_for(shown, timeout, "the robustness verdict")
    errors = list(viewer.tally.errors)
    await viewer.close()
    return (seconds if seconds is not None else float("nan")), errors


def one(scale: int, tabs: dict, timeout: float) -> float:
    from tests.sheets_emulator import SheetsEmulator

    work = Path(tempfile.mkdtemp(prefix=f"kbo-first-{scale}x-"))
    emulator = SheetsEmulator().start()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KBO_")}
    env.update(KBO_DATA_DIR=str(work / "data"), KBO_DECISION_KEY="bench-first-viewer")
    env.update(KBO_SHEETS_API_URL=emulator.url, KBO_SPREADSHEET=emulator.create_spreadsheet(tabs))
    env.update(KBO_SHEETS_TIMEOUT="120", KBO_SHEETS_GIVE_UP="300")  # a busy machine's patience
    port = server_side.free_port()
    server = server_side.start_server(env, port, work / "server.log")
    try:
        server_side.wait_up(port)
        seconds, errors = asyncio.run(first_view(port, timeout))
        reads = [r.path.split("?")[0].rsplit("/", 1)[-1] for r in emulator.requests]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        emulator.stop()
    print(f"  {scale}x: {seconds:.2f} s, Sheets reads {reads}, errors {errors or 0}", flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    books = {scale: scaled_tabs(scale) for scale in args.scales}
    seen: dict[int, list[float]] = {scale: [] for scale in args.scales}
    print(f"load {server_side.load_average()}")
    for n in range(args.rounds):
        order = args.scales if n % 2 == 0 else list(reversed(args.scales))
        print(f"round {n + 1} ({time.strftime('%H:%M:%S')} UTC)")
        for scale in order:
            seen[scale].append(one(scale, books[scale], args.timeout))
    print(f"load {server_side.load_average()}")
    print("| workbook | first viewer, median (fastest) |")
    print("|---|---|")
    for scale, times in seen.items():
        print(f"| {scale}x | {statistics.median(times):.2f} s ({min(times):.2f} s) |")
    if len(args.scales) == 2:
        low, high = (statistics.median(seen[s]) for s in args.scales)
        print(f"ratio {args.scales[1]}x / {args.scales[0]}x (medians): {high / low:.2f}")


if __name__ == "__main__":
    main()
