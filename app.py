"""KBO scoring dashboard: ``streamlit run app.py``.

Builds the navigation from the page files; every page is thin and lays out what
:mod:`kbo_dashboard` computed.
"""

import streamlit as st

from kbo_dashboard import ui

st.set_page_config(
    page_title=ui.tr("app.title"), page_icon=":material/emoji_events:", layout="wide"
)
ui.mark_frame()
navigation = st.navigation(ui.navigation_pages())
ui.language_switch()
navigation.run()
