"""Start the dashboard: ``python -m streamlit run serve.py``.

Serves ``app.py`` (the navigation over ``pages/``) as a Streamlit ``App`` whose start-up warms
the server (:mod:`kbo_dashboard.ui.warm`), so the first viewer of a fresh server sees the
nominee sooner. ``streamlit run app.py`` serves the same pages without the warm-up.
"""

import streamlit as st

from kbo_dashboard.ui import warm

app = st.App("app.py", lifespan=warm.lifespan)
