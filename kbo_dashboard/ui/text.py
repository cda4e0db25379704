"""Workbook text shown as text: the one escaping function for everything Streamlit renders as
Markdown (issue 18).

Anyone who edits the committee's sheet can type a product, judge, category or criterion name,
a Settings value or a reason. Streamlit renders labels, captions, alerts, expander and tab
labels, radio options and ``st.table`` cells as Markdown, with its own directives. Unescaped,
``![im](http://host/pix.png)`` in a product name loads an image from an outside host on the
projector (a tracking pixel; a broken image offline), ``:green[…]`` colours the Overview,
``$x$`` becomes LaTeX and ``http://…`` a link. :func:`md` makes any string literal:

- each character that can start Markdown anywhere in a line gets a backslash (the backslash
  itself, and ``` * _ [ ] < > & ~ $ |``: emphasis, code, links and images, HTML and
  autolinks, entities, strikethrough, LaTeX, tables), and so does a ``:`` before a letter,
  digit, ``/``, ``+`` or ``-`` (Streamlit's ``:color[…]`` and ``:material/…:`` directives,
  ``http://``); so does what starts a block at the start of a line (``# `` heading, ``- ``
  list, ``1. `` numbered list, a ``---`` or ``===`` line), and leading spaces are dropped (four
  would make a code block). Other characters stay as they are, so ``P-15 (2568)``, ``76.67``
  and ``ไม่มีผู้ชนะ: A1`` are unchanged;
- a word joiner (U+2060, invisible, no line break) follows each escaped ``:``, each ``@`` and the
  ``www`` of ``www.``: emoji shortcodes (``:smile:``) and GFM's literal autolinks
  (``http://…``, ``www.…``, ``a@b.co``) are found in the text after escapes are resolved, so a
  backslash cannot stop them, and an invisible character inside the pattern does;
- line breaks stay line breaks.

Use it only where Streamlit renders Markdown: ``st.dataframe`` cells, select-box options and
Plotly text are shown as typed, where a backslash would show.
"""

from __future__ import annotations

import re

import pandas as pd

_INLINE = re.compile(r"([\\`*_\[\]<>&~$|]|:(?=[\w/+-]))")  # can start Markdown in a line
#: ... at a line's start: a heading, a list item, a thematic break or heading underline.
_LINE_START = re.compile(
    r"^(?:#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|[-=]+(?=[ \t]*$)|\d{1,9}(?=[.)](?:[ \t]|$)))",
    re.MULTILINE,
)
WORD_JOINER = "\u2060"
_WWW = re.compile(r"www(?=\.)", re.IGNORECASE)  # "www." opens a literal autolink


def md(text: object) -> str:
    """``text`` escaped so that Streamlit's Markdown shows it exactly as typed."""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    escaped = _INLINE.sub(r"\\\1", "\n".join(line.lstrip() for line in lines))
    escaped = _LINE_START.sub(_line_start, escaped)
    escaped = escaped.replace("\\:", "\\:" + WORD_JOINER).replace("@", "@" + WORD_JOINER)
    escaped = _WWW.sub("\\g<0>" + WORD_JOINER, escaped)
    return escaped.replace("\n", "  \n")


def _line_start(match: re.Match) -> str:
    """A heading, list or quote mark gets a backslash; after ``12`` (before ``.`` or ``)``)
    the backslash goes before the dot."""
    text = match.group(0)
    return "\\" + text if not text[0].isdigit() else text + "\\"


def md_params(params: dict) -> dict:
    """Catalogue parameters with every string escaped (numbers pass as they are)."""
    return {k: md(v) if isinstance(v, str) else v for k, v in params.items()}


def md_table(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` for ``st.table``: text cells and column headers escaped (numbers kept)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = [md(v) if isinstance(v, str) else v for v in out[column]]
    out.columns = [md(c) if isinstance(c, str) else c for c in out.columns]
    return out


def trm(key: str, /, **params: object) -> str:
    """The viewer's message ``key`` for a Markdown element, workbook text in ``params`` escaped
    (the catalogue's own Markdown, such as ``**bold**``, still renders)."""
    from kbo_dashboard.ui.state import tr

    return tr(key, **md_params(params))
