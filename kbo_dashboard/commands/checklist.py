"""The readiness checklist as ``python -m kbo_dashboard check`` prints it."""

from __future__ import annotations

from typing import TextIO

from kbo_dashboard.analysis.readiness import readiness
from kbo_dashboard.i18n import t
from kbo_dashboard.scoring.scoring import score_competition


def print_readiness(competition, lang: str, out: TextIO) -> bool:
    """Print "Ready to decide?" and each point (✓ ok, ✗ open: what); True when clear."""
    if competition.products.empty:
        return False
    ready = readiness(competition, score_competition(competition))
    print(f"\n{t('readiness.title', lang)}", file=out)
    for point in ready.points:
        detail = f": {point.detail(lang)}" if not point.ok else ""
        print(f"  {'✓' if point.ok else '✗'} {point.label(lang)}{detail}", file=out)
    summary = "readiness.clear" if ready.clear else "readiness.not_clear"
    print(t(summary, lang, n=len(ready.open_points())), file=out)
    return ready.clear
