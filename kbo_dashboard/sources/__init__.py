"""Stage 1, sources: where the committee's workbook comes from.

The :class:`~kbo_dashboard.sources.source.Source` interface returns a raw workbook (every tab as
rows of cells) from the bundled demo, a local .xlsx file or a Google Sheet (one request per
refresh). ``layout`` names the tabs and headers every stage shares; ``config`` picks the source.
"""
