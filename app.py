"""KBO scoring dashboard: ``streamlit run app.py``.

Builds the navigation from the page files; every page is thin and lays out what
:mod:`kbo_dashboard` computed.
"""

import streamlit as st

from kbo_dashboard.ui import fit, frame
from kbo_dashboard.ui.state import tr

# The icon is a local file (frame.ICON): a meeting room may be offline, and the page asks no
# outside host.
st.set_page_config(page_title=tr("app.title"), page_icon=frame.ICON, layout="wide")
frame.mark_frame()
fit.page_style()
navigation = st.navigation(frame.navigation_pages())
frame.language_switch()
navigation.run()
