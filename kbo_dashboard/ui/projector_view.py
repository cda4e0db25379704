"""Projector mode's frame: no sidebar or header, type scaled to the viewport, no refresh fade.

Every size is a ``clamp(min, vh, max)``, so the page fits 1024x768, 1366x768 and 1920x1080
without scrolling and reads from the back of the room at 1920x1080 (table text 27 px there).
Streamlit greys out ("stale") the elements of a fragment while it reruns; on the projector that
is a visible fade every refresh, so stale elements keep full opacity here.
"""

from __future__ import annotations

import streamlit as st

from kbo_dashboard.ui.charts import FONT_FAMILY
from kbo_dashboard.ui.fit import NO_FADE_CSS

#: Ranking rows shown: all of them on a tall screen, fewer on a short one or under the final
#: decision's banner (CSS media queries).
TOP_N = 10
SHORT_SCREEN_ROWS = 7

_CSS = """
[data-testid="stSidebar"],[data-testid="stSidebarCollapsedControl"],
[data-testid="stSidebarCollapseButton"],header[data-testid="stHeader"],
[data-testid="stToolbar"],[data-testid="stDecoration"],[data-testid="stStatusWidget"]
{display:none!important}
[data-testid="stMainBlockContainer"]{padding:2vh 2.2vw 0;max-width:100%}
[data-testid="stAppViewContainer"]{font-family:FONT}
[data-testid="stMain"] [data-testid="stVerticalBlock"]{gap:.9vh}
h1{font-size:clamp(1.3rem,4.4vh,3rem)!important;padding:0!important;margin:0!important;
line-height:1.35!important}
h2,h3{font-size:clamp(1rem,3.1vh,2.3rem)!important;padding:.4vh 0 0!important;margin:0!important;
line-height:1.35!important}
[data-testid="stPageLink"] a,[data-testid="stTable"] th,[data-testid="stTable"] td:first-child,
[data-testid="stTable"] td:last-child{white-space:nowrap}
[data-testid="stMarkdownContainer"] p,[data-testid="stMarkdownContainer"] li
{font-size:clamp(.85rem,2.5vh,1.7rem);line-height:1.3}
[data-testid="stMetricValue"],[data-testid="stMetricValue"] *
{font-size:clamp(1.2rem,4.4vh,3.2rem)!important;font-family:FONT;line-height:1.15}
[data-testid="stMetricLabel"] p{font-size:clamp(.8rem,2.2vh,1.6rem)!important}
[data-testid="stTable"] td,[data-testid="stTable"] th
{font-size:clamp(.8rem,2.5vh,1.75rem);padding:.3vh .6vw;line-height:1.25}
[data-testid="stCaptionContainer"] p{font-size:clamp(.7rem,1.8vh,1.3rem);margin:0}
[data-testid="stPageLink"] p{font-size:clamp(.9rem,2.4vh,1.6rem)}
.kbo-final{font-size:clamp(1.5rem,6vh,4.6rem)!important}
[data-testid="stAlert"] p{font-size:clamp(.9rem,2.8vh,2rem)}
@media (max-height:700px){[data-testid="stTable"] tbody tr:nth-child(n+ROWS){display:none}}
@media (max-height:900px){[data-testid="stMain"]:has(.kbo-final) [data-testid="stTable"] tbody
tr:nth-child(n+ROWS){display:none}}
"""


def projector_style() -> None:
    """The projector's CSS (see the module docstring)."""
    css = _CSS.replace("FONT", FONT_FAMILY).replace("ROWS", str(SHORT_SCREEN_ROWS + 1))
    css += NO_FADE_CSS
    st.html(f"<style>{css}</style>")
