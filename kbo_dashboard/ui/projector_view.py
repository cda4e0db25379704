"""Projector mode's frame: no sidebar or header, type scaled to the viewport, no refresh fade.

Every size is a ``clamp(min, k * --u, max)`` where the unit ``--u`` is ``min(1vh, .68vw)``:
a hundredth of the height, less on a narrow 4:3 screen. So the page fits 1024x768, 1366x768 and
1920x1080 without scrolling, before and after a decision, fills the height of a 1920x1080 screen
(over 90%) and reads from the back of the room there (table text 28 px). Streamlit pulls a
heading's and a caption's box up by 1rem (their margins are 0 here), so those boxes get their
real height back: nothing drawn after them (the demo banner, the hidden notice, the final
decision, a table) covers their text.
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
:root{--u:min(1vh,.68vw)}
[data-testid="stMainBlockContainer"]{padding:2vh 2.2vw 0;max-width:100%}
[data-testid="stAppViewContainer"]{font-family:FONT}
[data-testid="stMain"] [data-testid="stVerticalBlock"]{gap:calc(.9*var(--u))}
[data-testid="stMain"] [data-testid="stMarkdownContainer"],
[data-testid="stMain"] [data-testid="stCaptionContainer"]{margin-bottom:0!important}
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p{margin-bottom:0}
h1{font-size:clamp(1.3rem,calc(4.4*var(--u)),4rem)!important;padding:0!important;
margin:0!important;line-height:1.45!important}
h2,h3{font-size:clamp(1rem,calc(3.2*var(--u)),3rem)!important;margin:0!important;
padding:calc(.8*var(--u)) 0 calc(.7*var(--u))!important;line-height:1.45!important}
[data-testid="stPageLink"] a,[data-testid="stTable"] th,[data-testid="stTable"] td:first-child,
[data-testid="stTable"] td:last-child{white-space:nowrap}
[data-testid="stMarkdownContainer"] p,[data-testid="stMarkdownContainer"] li
{font-size:clamp(.85rem,calc(2.6*var(--u)),2rem);line-height:1.3}
[data-testid="stMetricValue"],[data-testid="stMetricValue"] *
{font-size:clamp(1.2rem,calc(4.6*var(--u)),3.6rem)!important;font-family:FONT;line-height:1.15}
[data-testid="stMetricLabel"] p{font-size:clamp(.8rem,calc(2.3*var(--u)),1.8rem)!important}
[data-testid="stTable"] td,[data-testid="stTable"] th
{font-size:clamp(.8rem,calc(2.6*var(--u)),2rem);padding:calc(.35*var(--u)) .6vw;line-height:1.25}
[data-testid="stCaptionContainer"] p{font-size:clamp(.7rem,calc(1.9*var(--u)),1.5rem);margin:0}
[data-testid="stPageLink"] p{font-size:clamp(.9rem,calc(2.4*var(--u)),1.8rem)}
[data-testid="stAlert"]>div{padding:calc(.9*var(--u)) 1rem}
[data-testid="stAlert"] p{font-size:clamp(.9rem,calc(2.8*var(--u)),2.2rem)}
.kbo-final{font-size:clamp(1.5rem,calc(5.4*var(--u)),4.6rem)!important;padding:.15em .5em!important;
margin:0!important}
[data-testid="stMain"]:has(.kbo-final) [data-testid="stTable"] td,
[data-testid="stMain"]:has(.kbo-final) [data-testid="stTable"] th
{font-size:clamp(.8rem,calc(2.3*var(--u)),1.8rem)}
@media (max-height:700px){[data-testid="stTable"] tbody tr:nth-child(n+ROWS){display:none}}
@media (max-height:900px){[data-testid="stMain"]:has(.kbo-final) [data-testid="stTable"] tbody
tr:nth-child(n+ROWS){display:none}}
"""


def projector_style() -> None:
    """The projector's CSS (see the module docstring)."""
    css = _CSS.replace("FONT", FONT_FAMILY).replace("ROWS", str(SHORT_SCREEN_ROWS + 1))
    css += NO_FADE_CSS
    st.html(f"<style>{css}</style>")
