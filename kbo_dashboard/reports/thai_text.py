"""Thai words and line wrapping for the PDF report.

Thai is written without spaces between words, so a line may only break where a word ends.
:func:`words` finds the words with PyThaiNLP's default ``newmm`` dictionary tokenizer (pure
Python, its word list ships in the wheel, works offline). Without PyThaiNLP it falls back to
spaces plus whole character clusters: a line then breaks inside a word, but never between a
consonant and its vowel or tone mark.

:func:`wrap` packs words into lines no wider than the width a ``measure`` function reports, so
the PDF never holds invisible break characters and its text copies out exactly as typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

#: Thai characters that never start a cluster: above/below vowels, tone marks, SARA AM, etc.
_COMBINING = set("\u0e31\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48")
_COMBINING |= set("\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
_SPACES = re.compile(r"(\s+)")
OPENING = set("([{“‘\"'")
CLOSING = set(")]}”’\"',.:;!?%ๆฯ")


def clusters(text: str) -> list[str]:
    """Characters grouped with the marks that sit on them (``"น้ำ"`` is one cluster)."""
    out: list[str] = []
    for char in text:
        if out and (char in _COMBINING or unicodedata.combining(char)):
            out[-1] += char
        else:
            out.append(char)
    return out


@lru_cache(maxsize=1)
def _tokenizer() -> Callable[[str], list[str]] | None:
    try:
        from pythainlp.tokenize import word_tokenize
    except ImportError:
        return None

    def tokenize(text: str) -> list[str]:
        return word_tokenize(text, engine="newmm", keep_whitespace=True)

    return tokenize


def words(text: str) -> list[str]:
    """``text`` cut into words and runs of whitespace; ``"".join(words(t)) == t``."""
    return list(_words(text))


@lru_cache(maxsize=4096)  # table headers and scores repeat on every page and row
def _words(text: str) -> tuple[str, ...]:
    tokenize = _tokenizer()
    pieces: list[str] = []
    for part in _SPACES.split(text):
        if not part:
            continue
        if part.isspace() or tokenize is None:
            pieces.append(part)
        else:
            pieces.extend(tokenize(part))
    if "".join(pieces) != text:  # a tokenizer must never lose a character
        return tuple(p for p in _SPACES.split(text) if p)
    return tuple(_glue(pieces))


def _glue(pieces: list[str]) -> list[str]:
    """Keep punctuation with its word: ``(คน)`` never breaks before ``)`` or after ``(``."""
    out: list[str] = []
    opening = ""
    for piece in pieces:
        if piece and all(c in OPENING for c in piece):
            opening += piece
            continue
        if opening and not piece.isspace():
            piece, opening = opening + piece, ""
        elif opening:
            out.append(opening)
            opening = ""
        if out and not out[-1].isspace() and all(c in CLOSING for c in piece):
            out[-1] += piece
        else:
            out.append(piece)
    if opening:
        out.append(opening)
    return out


#: The most characters of one text the PDF lays out. Wrapping measures the text again for
#: every word, so a 10 kB product name took 20-42 s and ran off the page (issue 11); the full
#: text stays in the Excel and CSV files.
PDF_TEXT_MAX = 300


def clip(text: str, limit: int = PDF_TEXT_MAX) -> str:
    """``text`` cut to ``limit`` characters (whole clusters), with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    kept = ""
    for cluster in clusters(text[: limit + 8]):
        if len(kept) + len(cluster) >= limit:
            break
        kept += cluster
    return kept + "…"


def fit_line(text: str, width: float, measure: Callable[[str], float]) -> str:
    """``text`` on one line at most ``width`` wide: whole, or its longest prefix of whole
    clusters that fits with an ellipsis. The cut is found by bisection, so a long name costs
    about ten measurements, never one per character (issue 18: a 4 kB name took 183 s)."""
    text = clip(text)
    if measure(text) <= width:
        return text
    parts = clusters(text)
    low, high = 0, len(parts)  # the prefix of ``low`` clusters fits; ``high`` does not
    while high - low > 1:
        middle = (low + high) // 2
        if measure("".join(parts[:middle]) + "…") <= width:
            low = middle
        else:
            high = middle
    return "".join(parts[:low]) + "…"


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Lines of ``text`` at most ``width`` wide, broken only between words.

    Hard line breaks (``\\n``) are kept. Spaces at a break are dropped. A word wider than a
    whole line is cut between character clusters.
    """
    if "\n" not in text and measure(text) <= width:
        return [text.strip()]  # fits as it is: one measurement, no word cutting
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, measure))
    return lines


def _wrap_paragraph(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in words(text):
        if word.isspace():
            if line:
                line += word
            continue
        candidate = line + word
        if measure(candidate) <= width:
            line = candidate
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = ""
        for piece in _cut(word, width, measure):
            if measure(line + piece) <= width or not line:
                line += piece
            else:
                lines.append(line)
                line = piece
    lines.append(line.rstrip())
    return lines


def _cut(word: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """A word as one piece if it fits a line, else in line-sized runs of whole clusters."""
    if measure(word) <= width:
        return [word]
    pieces: list[str] = []
    piece = ""
    for cluster in clusters(word):
        if piece and measure(piece + cluster) > width:
            pieces.append(piece)
            piece = ""
        piece += cluster
    if piece:
        pieces.append(piece)
    return pieces
