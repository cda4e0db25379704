"""Stage 6, reports: CSV files, the Excel workbook and the Thai PDF, from the computed results."""
