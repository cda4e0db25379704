"""KBO scoring dashboard: ``streamlit run app.py``.

Builds the navigation from the page files; every page is thin and lays out what
:mod:`kbo_dashboard` computed.
"""

import streamlit as st

from kbo_dashboard import ui

# (file, catalogue key, icon, url path)
PAGES = [
    ("pages/overview.py", "page.overview", ":material/dashboard:", "overview"),
    ("pages/rankings.py", "page.rankings", ":material/leaderboard:", "rankings"),
    ("pages/nomination.py", "page.nomination", ":material/emoji_events:", "nomination"),
    ("pages/judges.py", "page.judges", ":material/groups:", "judges"),
    ("pages/analysis.py", "page.analysis", ":material/query_stats:", "analysis"),
    ("pages/issues.py", "page.issues", ":material/report:", "issues"),
    ("pages/changes.py", "page.changes", ":material/history:", "changes"),
    ("pages/downloads.py", "page.downloads", ":material/download:", "downloads"),
    ("pages/projector.py", "page.projector", ":material/tv:", "projector"),
]

st.set_page_config(page_title=ui.tr("app.title"), page_icon=":material/emoji_events:",
                   layout="wide")
available = [p for p in PAGES if ui.page_exists(p[0])]
navigation = st.navigation(
    [st.Page(path, title=ui.tr(key), icon=icon, url_path=url, default=(n == 0))
     for n, (path, key, icon, url) in enumerate(available)]
)
ui.language_switch()
navigation.run()
