"""KBO scoring dashboard: ``streamlit run app.py``.

Builds the navigation from the page files; every page is thin and lays out what
:mod:`kbo_dashboard` computed.
"""

import streamlit as st

from kbo_dashboard.ui import frame
from kbo_dashboard.ui.state import tr

st.set_page_config(page_title=tr("app.title"), page_icon=":material/emoji_events:", layout="wide")
frame.mark_frame()
navigation = st.navigation(frame.navigation_pages())
frame.language_switch()
navigation.run()
