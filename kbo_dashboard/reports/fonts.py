"""Sarabun, the Thai font of the reports and the UI: where it is, and how a PDF gets it.

- :func:`sarabun_path` finds ``Sarabun-Regular.ttf`` / ``Sarabun-Bold.ttf``: first in the
  ``fontpkg-sarabun`` package (PyPI, SIL Open Font License), then in the repository's
  ``static/`` folder (the same files, served to the browser by Streamlit's static serving).
- :func:`add_sarabun` registers both weights in an fpdf2 document, with text shaping on.

Copy-and-paste-safe Thai
------------------------
fpdf2 2.8 maps each glyph to the characters of its HarfBuzz cluster. For Thai that goes wrong
in two ways. SARA AM (ำ) is drawn as NIKHAHIT plus SARA AA, and SARA AA gets no text, so
pdftotext reads ``น้ำพริก`` as ``น้ำ พริก`` and pypdf as ``น้ำ2พริก``. Vowel and tone marks carry
their own characters at their own positions, and pdftotext, which orders characters by where
they sit, reads ``ครั้ง`` as ``ครัง้`` and can move a mark to another line.

:func:`add_sarabun` therefore gives the text of a whole cluster to the glyph that takes up room:
the consonant carries its marks (``รั้``), and SARA AA carries SARA AM. The marks themselves map
to no text. The page looks exactly as HarfBuzz shaped it; only the text behind it changes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fpdf.fonts import TTFFont

if TYPE_CHECKING:
    from fpdf import FPDF

log = logging.getLogger(__name__)

FAMILY = "Sarabun"
WEIGHTS = {"": "Regular", "B": "Bold"}
REPO_STATIC = Path(__file__).resolve().parent.parent / "static"


class FontMissing(RuntimeError):
    """Sarabun is not installed. The messages say what to do."""

    def __init__(self, name: str):
        self.message_en = (
            f"The Thai font {name} was not found. Install it with "
            "`pip install fontpkg-sarabun` (or restore the static/ folder)."
        )
        self.message_th = (
            f"ไม่พบฟอนต์ภาษาไทย {name} ติดตั้งด้วยคำสั่ง "
            "`pip install fontpkg-sarabun` (หรือคืนโฟลเดอร์ static/)"
        )
        super().__init__(self.message_en)


def font_dirs() -> list[Path]:
    """Where Sarabun is looked for, in order."""
    dirs = []
    try:
        import fontpkg_sarabun

        dirs.append(Path(fontpkg_sarabun.ROOT) / "files")
    except (ImportError, AttributeError):
        pass
    dirs.append(REPO_STATIC)
    return dirs


def sarabun_path(weight: str = "Regular") -> Path:
    """The ``Sarabun-<weight>.ttf`` file; raises :class:`FontMissing`."""
    name = f"{FAMILY}-{weight}.ttf"
    for folder in font_dirs():
        path = folder / name
        if path.is_file():
            return path
    raise FontMissing(name)


def add_sarabun(pdf: FPDF) -> str:
    """Register Sarabun Regular and Bold in ``pdf`` (an ``fpdf.FPDF``) and turn on shaping.

    Returns the family name for ``pdf.set_font``.
    """
    for style, weight in WEIGHTS.items():
        pdf.add_font(FAMILY, style, str(sarabun_path(weight)))
        font = pdf.fonts[f"{FAMILY.lower()}{style}"]
        if type(font) is TTFFont:
            font.__class__ = _ExtractableFont
    pdf.set_text_shaping(True)
    return FAMILY


def cluster_text(text: str, clusters: list[int]) -> dict[int, str]:
    """Each cluster start (as HarfBuzz reports it) -> the characters of that cluster.

    Characters before the first cluster start belong to the first cluster.
    """
    starts = sorted(set(clusters))
    if not starts:
        return {}
    bounds = [0, *starts[1:], len(text)]
    return {start: text[bounds[n] : bounds[n + 1]] for n, start in enumerate(starts)}


def text_owners(clusters: list[int], advances: list[int]) -> list[list[int]]:
    """Which glyph carries which clusters' text: a list of cluster starts per glyph.

    A cluster's text goes to the last glyph of the cluster that takes up room (SARA AA for
    SARA AM). A cluster drawn only with marks goes to the glyph they sit on. Marks carry nothing.
    """
    owners: list[list[int]] = [[] for _ in clusters]
    last_spacing: dict[int, int] = {}
    base = 0
    for n, (cluster, advance) in enumerate(zip(clusters, advances)):
        if advance:
            base = n
        if advance or cluster not in last_spacing:
            last_spacing[cluster] = base if not advance else n
    for cluster in sorted(last_spacing):
        owners[last_spacing[cluster]].append(cluster)
    return owners


class _NoText(int):
    """A ToUnicode entry with no characters (``<0012> <>``): fpdf2 writes each code with
    ``format(code, "04X")``, which is empty for this. A mark whose character its base glyph
    already carries maps to it, so readers neither repeat the mark nor invent a character."""

    def __format__(self, spec: str) -> str:
        return ""


NO_TEXT = (_NoText(0),)


class _ExtractableFont(TTFFont):
    """fpdf2's TrueType font whose shaped text copies out of the PDF as typed."""

    __slots__ = ()

    def shape_text(
        self, text: str, font_size_pt: float, text_shaping_params: dict[str, object] | None
    ) -> Sequence[dict[str, object]]:
        try:
            return _shape_text(self, text, font_size_pt, text_shaping_params)
        except (AttributeError, KeyError, TypeError):  # fpdf2's internals moved: still print
            log.warning("fpdf2 changed; PDF text may not copy out exactly", exc_info=True)
            return super().shape_text(text, font_size_pt, text_shaping_params)


def _shape_text(
    self: TTFFont, text: str, font_size_pt: float, params: dict[str, object] | None
) -> list[dict[str, object]]:
    """fpdf2's ``TTFFont.shape_text``, with the text of each cluster on its base glyph."""
    if not text:
        return []
    infos, positions = self.perform_harfbuzz_shaping(text, font_size_pt, params)
    clusters = [int(g.cluster) for g in infos]
    chars = cluster_text(text, clusters)
    owners = text_owners(clusters, [p.x_advance for p in positions])
    shaped = []
    for info, pos, owned in zip(infos, positions, owners):
        name = self.ttfont.getGlyphName(info.codepoint)
        width = round(self.scale * self.ttfont["hmtx"].metrics[name][0])
        unicode = tuple(ord(c) for c in "".join(chars[c] for c in owned)) or NO_TEXT
        # A mark moved left (a tone mark over ป) claims the width it moved by, so readers that
        # track the pen (pypdf) see no gap after it. The next glyph is placed explicitly.
        claimed = -pos.x_offset if pos.x_advance == 0 and pos.x_offset < 0 else 0
        glyph = self.subset.get_glyph(
            glyph=info.codepoint,
            unicode=unicode,
            glyph_name=name,
            glyph_width=max(width, claimed),
        )
        if glyph is None:
            continue
        moved = (pos.x_offset, pos.y_offset, pos.y_advance) != (0, 0, 0)
        shaped.append(
            {
                "mapped_char": self.subset.pick_glyph(glyph),
                "x_advance": pos.x_advance,
                "y_advance": pos.y_advance,
                "x_offset": pos.x_offset,
                "y_offset": pos.y_offset,
                "force_positioning": moved or width != pos.x_advance,
            }
        )
    return shaped
