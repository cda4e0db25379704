"""The demo committee scaled k times: k x 27 judge tabs of k x 20 products, 5 criteria.

For the benchmark (``bench/bench_refresh.py``) and the page tests at national scale. Each block
of 27 judges repeats the demo's shape: two judges still scoring, one declared conflict (scored
anyway), the same five data-entry slips (Thai digits, above the maximum, text, a half-filled row,
a decimal comma) and a comment. Seeded, so every run builds the same workbook.
"""

from __future__ import annotations

import random

from kbo_dashboard.sources import demo
from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.source import RawWorkbook, Rows

HEADER = ["รหัสผลิตภัณฑ์", "ชื่อผลิตภัณฑ์", *[f"{c.name_th} ({c.max_score:g})" for c in L.DEFAULT_CRITERIA]]


def _products(k: int) -> list[tuple]:
    """k x 20 products: the demo's, numbered on, with each copy's quality jittered."""
    rng = random.Random(demo.SEED + k)
    width = len(str(20 * k))
    out = []
    for n in range(20 * k):
        _pid, name, group, district, category, quality = demo.PRODUCTS[n % 20]
        jitter = 0.0 if n < 20 else rng.uniform(-0.08, 0.08)
        suffix = "" if n < 20 else f" {n // 20 + 1}"
        out.append(
            (f"P-{n + 1:0{width}d}", name + suffix, group, district, category, quality + jitter)
        )
    return out


def _score_tab(rng: random.Random, products: list[tuple], done: int, leniency: float) -> Rows:
    rows: Rows = [[*HEADER, "ความเห็น"]]
    for n, (pid, name, *_rest, quality) in enumerate(products):
        if n >= done:
            rows.append([pid, name])
            continue
        row: list = [pid, name]
        for c in L.DEFAULT_CRITERIA:
            share = min(0.98, max(0.3, quality + leniency + rng.gauss(0, 0.07)))
            row.append(int(round(share * c.max_score)))
        rows.append(row)
    return rows


def _slips(tabs: dict[str, Rows], judges: list[str], n_products: int) -> None:
    """The demo's slips in one block of 27 judges (``judges``), at the demo's cells."""
    tabs[judges[2]][3][2] = "๑๘"
    tabs[judges[7]][5][2] = 30
    tabs[judges[10]][7][4] = "ดีมาก"
    tabs[judges[13]][15][4:7] = ["", "", ""]
    tabs[judges[18]][10][5] = "12,5"
    tabs[judges[20]][2].extend([""] * (8 - len(tabs[judges[20]][2])))
    tabs[judges[20]][2][7] = "ใช้วัตถุดิบในท้องถิ่นทั้งหมด"


def scaled_tabs(k: int) -> dict[str, Rows]:
    """Every tab of the demo scaled ``k`` times, as raw rows."""
    rng = random.Random(demo.SEED * 7 + k)
    base = demo.demo_tabs()
    products = _products(k)
    n_products = len(products)
    width = max(2, len(str(27 * k)))
    judges = [f"J{n + 1:0{width}d}" for n in range(27 * k)]
    tabs: dict[str, Rows] = {
        L.SETTINGS: [list(r) for r in base[L.SETTINGS]],
        L.PRODUCTS: [base[L.PRODUCTS][0]] + [list(p[:5]) for p in products],
        L.JUDGES: [base[L.JUDGES][0]]
        + [[j, f"กรรมการคนที่ {n + 1}", demo.SECTOR_PLAN[n % 27], j] for n, j in enumerate(judges)],
        L.CRITERIA: [list(r) for r in base[L.CRITERIA]],
        L.CONFLICTS: [base[L.CONFLICTS][0]],
    }
    for block in range(k):
        team = judges[27 * block : 27 * (block + 1)]
        tabs[L.CONFLICTS].append([team[4], products[20 * block + 8][0], demo.CONFLICT[2]])
        for n, jid in enumerate(team):
            done = {25: 12 * k, 26: 5 * k}.get(n, n_products)
            tabs[jid] = _score_tab(rng, products, done, rng.gauss(0, 0.05))
        _slips(tabs, team, n_products)
    return {name: [demo._trim(row) for row in rows] for name, rows in tabs.items()}


class ScaledDemoSource:
    """The demo scaled ``k`` times (built once; every fetch returns the same data)."""

    kind = "demo"

    def __init__(self, k: int):
        self.k = k
        self._tabs = scaled_tabs(k)

    def describe(self) -> str:
        return f"demo x{self.k}"

    def fetch(self) -> RawWorkbook:
        return RawWorkbook({name: [list(r) for r in rows] for name, rows in self._tabs.items()})
