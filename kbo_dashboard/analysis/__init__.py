"""Stage 4, analysis: agreement between judges, judge profiles, robustness and the nomination."""
