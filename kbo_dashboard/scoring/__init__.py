"""Stage 3, scoring: judges' totals, the aggregation methods, ranks, and each judge's progress."""
