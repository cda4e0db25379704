"""Benchmark: one Google Sheets refresh, this app's way vs. the common per-tab way.

Runs on the local Sheets API emulator (tests/sheets_emulator.py) over real HTTP, for a workbook
with 27 and with 270 judge tabs (20 products x 5 criteria each, plus the layout tabs).

* ``GoogleSheetSource``: a warm refresh is one ``values:batchGet``; the cold start is a
  ``spreadsheets.get`` for the tab names only, then the ``values:batchGet``.
* per-tab: ``client.open_by_key(key)`` then ``worksheet(name).get_all_values()`` for every tab,
  the pattern of typical gspread code (and of st-gsheets-connection, which reads even more).

Usage: ``python bench/bench_sheets.py [--repeat 5]``. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kbo_dashboard.sources.google_http import load_credentials, make_gspread_client  # noqa: E402
from kbo_dashboard.sources.google_source import GoogleSheetSource  # noqa: E402
from tests.sheets_emulator import SheetsEmulator  # noqa: E402


def workbook(n_judges: int) -> dict[str, list[list]]:
    """Layout tabs plus ``n_judges`` fully scored judge tabs (deterministic)."""
    products = [[f"P-{p:02d}", f"product {p}"] for p in range(1, 21)]
    tabs = {
        "Products": [["product_id", "product_name", "producer_group", "district", "category"]]
        + [[pid, name, "group", "district", "food"] for pid, name in products],
        "Judges": [["judge_id", "judge_name", "sector", "sheet"]]
        + [[f"J{j:03d}", f"judge {j}", "citizen", f"J{j:03d}"] for j in range(1, n_judges + 1)],
    }
    for j in range(1, n_judges + 1):
        tabs[f"J{j:03d}"] = [
            [
                "product_id",
                "product_name",
                "innovation",
                "identity",
                "quality",
                "packaging",
                "value",
                "comment",
            ]
        ] + [
            [pid, name, (j + p) % 26, (j * p) % 21, 15, 10, 12]
            for p, (pid, name) in enumerate(products)
        ]
    return tabs


def per_tab_refresh(client, key: str) -> dict[str, list[list]]:
    spreadsheet = client.open_by_key(key)
    names = [ws.title for ws in spreadsheet.worksheets()]
    return {name: spreadsheet.worksheet(name).get_all_values() for name in names}


def measure(emu: SheetsEmulator, fn, repeat: int) -> tuple[float, float]:
    """(requests per call, median wall seconds per call)."""
    times, counts = [], []
    for _ in range(repeat):
        emu.reset_log()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        counts.append(emu.request_count)
    return statistics.median(counts), statistics.median(times)


def run(repeat: int) -> list[dict]:
    rows = []
    with SheetsEmulator() as emu:
        client = make_gspread_client(load_credentials(anonymous_ok=True), emu.url)
        for n in (27, 270):
            tabs = workbook(n)
            key = emu.create_spreadsheet(tabs)
            source = GoogleSheetSource(key, api_url=emu.url)
            emu.reset_log()
            start = time.perf_counter()
            cold = source.fetch()
            cold_s, cold_n = time.perf_counter() - start, emu.request_count
            warm_n, warm_s = measure(emu, source.fetch, repeat)
            per_n, per_s = measure(emu, lambda c=client, k=key: per_tab_refresh(c, k), repeat)
            assert len(cold.tabs) == len(tabs)
            rows.append(
                {
                    "judges": n,
                    "tabs": len(tabs),
                    "cold_n": cold_n,
                    "cold_s": cold_s,
                    "warm_n": warm_n,
                    "warm_s": warm_s,
                    "per_n": per_n,
                    "per_s": per_s,
                }
            )
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| judge tabs | tabs | this app: cold start | this app: refresh | per-tab gspread: "
        "refresh | ratio (requests) | ratio (time) |",
        "|---:|---:|---|---|---|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['judges']} | {r['tabs']} | {r['cold_n']:.0f} req, {r['cold_s'] * 1000:.0f} ms"
            f" | {r['warm_n']:.0f} req, {r['warm_s'] * 1000:.0f} ms"
            f" | {r['per_n']:.0f} req, {r['per_s'] * 1000:.0f} ms"
            f" | {r['per_n'] / r['warm_n']:.0f}x | {r['per_s'] / r['warm_s']:.1f}x |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(table(run(args.repeat)))


if __name__ == "__main__":
    main()
