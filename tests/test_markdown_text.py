"""Workbook text is data, never markup (issue 18, section 4): the one escaping function
(``kbo_dashboard.ui.text.md``), and pages through AppTest. What the browser draws from it is
checked on every page by tests/browser/test_hostile_text.py.
"""

from __future__ import annotations

import copy
import re
import string

from hypothesis import given
from hypothesis import strategies as st

from kbo_dashboard.ui.text import WORD_JOINER, md, md_table
from tests.test_pages import no_exception, open_page
from tests.workbooks import SMALL_TABS

#: What can start Markdown anywhere in a line, and what can at a line's start.
SPECIAL = set("\\`*_[]<>&~$|")
LINE_START = re.compile(
    r"^(?:#{1,6}(?:[ \t]|$)|[-+](?:[ \t]|$)|[-=]+[ \t]*$|\d{1,9}[.)](?:[ \t]|$))", re.M
)


def unescape(text: str) -> str:
    """The naive reading of CommonMark escapes: ``\\x`` is ``x`` for ASCII punctuation."""
    text = text.replace(WORD_JOINER, "").replace("  \n", "\n")
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def unescaped_special(text: str) -> list[str]:
    """Special characters not preceded by a backslash that escapes them, and line starts that
    would open a block."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in string.punctuation:
            i += 2
            continue
        if text[i] in SPECIAL or (text[i] == ":" and re.match(r"[\w/+-]", text[i + 1 : i + 2])):
            out.append(text[i])
        i += 1
    return out + LINE_START.findall(text)


def typed(text: str) -> str:
    """What the page should show for ``text``: its lines, without leading spaces."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.lstrip() for line in lines)


@given(st.text())
def test_md_escapes_every_special_character_and_reads_back_as_typed(text):
    escaped = md(text)
    assert unescaped_special(escaped) == []
    assert unescape(escaped) == typed(text)


@given(st.text(alphabet=":abc_+-1 "))
def test_no_emoji_shortcode_survives(text):
    # remark-emoji matches :name: in the text after escapes are resolved.
    shown = re.sub(r"\\(.)", r"\1", md(text))
    assert not re.search(r":[\w+-]+:", shown)


@given(st.text(alphabet="htps:/w.@ab-_1 ", max_size=30))
def test_no_literal_autolink_survives(text):
    # GFM finds http://, www. and e-mail autolinks in the text after escapes are resolved
    # (mdast-util-gfm-autolink-literal); these are its patterns.
    shown = re.sub(r"\\(.)", r"\1", md(text))
    assert not re.search(r"(https?://|www(?=\.))", shown, re.IGNORECASE)
    assert not re.search(r"[-.\w+]+@[-\w]+", shown)


def test_md_examples():
    assert md("ผ้าไหม P 15") == "ผ้าไหม P 15"  # letters, Thai and spaces untouched
    wj = WORD_JOINER
    assert md("![im](http://x/p.png)") == r"!\[im\](http\:" + wj + "//x/p.png)"
    assert md("www.a.th a@b.co") == "www" + wj + ".a.th a@" + wj + "b.co"
    assert md("P-15 (2568)") == "P-15 (2568)"  # nothing that could be Markdown
    assert md("# h\n- l\n  1. x\n---") == "\\# h  \n\\- l  \n1\\. x  \n\\---"
    assert md("76.67 #REF! -5 ไม่มี: A1") == "76.67 #REF! -5 ไม่มี: A1"  # nothing to escape
    assert md(":green[x]") == "\\:" + WORD_JOINER + r"green\[x\]"
    assert md("$x$") == r"\$x\$"
    assert md("a\nb") == "a  \nb"


def test_md_table_escapes_text_cells_and_headers_and_keeps_numbers():
    import pandas as pd

    frame = pd.DataFrame({"ชื่อ [x]": ["**b**", "ok"], "score": [1.5, 2.0]})
    out = md_table(frame)
    assert list(out.columns) == [r"ชื่อ \[x\]", "score"]
    assert list(out["ชื่อ \\[x\\]"]) == [r"\*\*b\*\*", "ok"]
    assert list(out["score"]) == [1.5, 2.0]
    assert list(frame["ชื่อ [x]"]) == ["**b**", "ok"]  # the page's frame is not changed


IMAGE = "![im](http://127.0.0.1:9/pix.png)"


def test_overview_shows_settings_and_names_escaped(app_env):
    tabs = copy.deepcopy(SMALL_TABS)
    tabs["Settings"] = [["key", "value"], ["province", ":green[อุบล]"], ["year", 2568]]
    tabs["Products"][3][1] = IMAGE  # B1, the nominee of SMALL_TABS
    app_env.use_workbook(tabs)
    at = open_page("pages/overview.py", "en")
    no_exception(at)
    captions = [c.value for c in at.caption]
    assert any(md(":green[อุบล]") in c for c in captions), captions
    assert not any(":green[" in c for c in captions)
    nominee = " ".join(s.value for s in at.success)
    assert md(IMAGE) in nominee and IMAGE not in nominee
    table = at.table[0].value
    assert md(IMAGE) in " ".join(map(str, table.to_numpy().ravel()))


def test_projector_metric_and_tables_escaped(app_env):
    tabs = copy.deepcopy(SMALL_TABS)
    tabs["Products"][3][1] = IMAGE
    app_env.use_workbook(tabs)
    at = open_page("pages/projector.py", "en")
    no_exception(at)
    cells = " ".join(str(v) for t in at.table for v in t.value.to_numpy().ravel())
    assert md(IMAGE) in cells and IMAGE not in cells
