"""KBO scoring dashboard: ``streamlit run app.py``.

Builds the navigation from the page files; every page is thin and lays out what
:mod:`kbo_dashboard` computed.
"""

import streamlit as st

from kbo_dashboard import ui

st.set_page_config(
    page_title=ui.tr("app.title"), page_icon=":material/emoji_events:", layout="wide"
)
available = [p for p in ui.PAGES if ui.page_exists(p[0])]
navigation = st.navigation(
    [
        st.Page(path, title=ui.tr(key), icon=icon, url_path=url, default=(n == 0))
        for n, (path, key, icon, url) in enumerate(available)
    ]
)
ui.language_switch()
navigation.run()
