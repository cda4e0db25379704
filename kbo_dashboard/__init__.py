"""KBO scoring dashboard: pure logic for a provincial KBO committee's product selection.

Pipeline: source -> parse and validate -> score and rank -> analyse -> export.
Nothing here imports Streamlit except :mod:`kbo_dashboard.ui`.
"""

__version__ = "0.1.0"
