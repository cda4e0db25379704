"""Command-line commands that run the whole pipeline (``python -m kbo_dashboard ...``)."""
