"""The Streamlit helpers, the only code that imports Streamlit, split by job.

``state`` (language, settings, the shared data cache), ``frame`` (navigation, banners, page
start), ``pickers`` (method and category), ``refresh`` (live refresh and status line), ``chair``
(password gate and decision history), and the charts and tables the pages lay out.
"""
