"""Thai that wraps between words in the browser and in charts (issue 19 §2).

Chromium breaks Thai with its own dictionary, which cuts some names inside a word
("ชาด|อกบัวแดง") and splits "P-|08" at the hyphen. :func:`mark_words` marks the words that
PyThaiNLP finds (:func:`kbo_dashboard.reports.thai_text.words`): a word joiner (U+2060) between
the character clusters of each Thai word, so no line ends inside one, and a zero-width space
(U+200B) between two Thai words, where a line may end. Other text (P-08, 84.58) is left as typed:
browsers do not break it, and a search for it still finds it. Both marks are invisible. Text is
marked as plain text, before any Markdown escaping; a backslash keeps the character it escapes.

Tables get the marks only in what the browser shows (a pandas Styler's display values, see
:func:`word_table`), so the table's data stays as typed. Plotly does not wrap: :func:`chart_label`
breaks a long label between words with ``<br>``.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from kbo_dashboard.reports.thai_text import clusters, words

JOINER, BREAK = "\u2060", "\u200b"
_THAI = re.compile("[\u0e00-\u0e7f]")


def _joined(word: str) -> str:
    """``word`` with a word joiner between its clusters (an escaped character stays whole)."""
    parts: list[str] = []
    for cluster in clusters(word):
        if parts and parts[-1] == "\\":
            parts[-1] += cluster
        else:
            parts.append(cluster)
    return JOINER.join(parts)


def mark_words(text: Any) -> Any:
    """``text`` that a browser may break only between words; anything not text as it is."""
    if not isinstance(text, str) or not text:
        return text
    out: list[str] = []
    previous = " "
    for piece in words(text):
        # A word glued to its punctuation ("(เบื้องต้น)", "มือ),") is a Thai word too.
        thai = bool(_THAI.search(piece))
        if thai and _THAI.search(previous):
            out.append(BREAK)  # between two Thai words a line may end
        # Only Thai words get joiners: "P-08" and "84.58" stay as typed (a browser never breaks
        # them, and a search for "P-08" still finds them).
        out.append(_joined(piece) if thai and not piece.isspace() else piece)
        previous = piece
    return "".join(out)


def word_table(frame: pd.DataFrame) -> Any:
    """``frame`` for ``st.table``: its text cells shown with word marks, its data unchanged."""
    text = [c for c in frame.columns if pd.api.types.is_object_dtype(frame[c])]
    text += [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c]) and c not in text]
    if not text:
        return frame
    return frame.style.format(mark_words, subset=text, na_rep="")


def chart_label(text: str, width: int = 16) -> str:
    """``text`` in lines of about ``width`` characters, broken between words with ``<br>``."""
    lines, line = [], ""
    for piece in words(str(text)):
        if line.strip() and len(line + piece) > width:
            lines.append(line.strip())
            line = "" if piece.isspace() else piece
        else:
            line += piece
    lines.append(line.strip())
    return "<br>".join(x for x in lines if x)


def word_metric(container: Any, label: str, value: Any, **options: Any) -> None:
    """``container.metric`` with word marks in its label and value: a metric card in a row of
    four is narrow at 1024 px, and Chromium broke "ผลิตภัณฑ์ที่เสนอ|ชื่อ" inside a word."""
    container.metric(mark_words(label), mark_words(value), **options)
