"""Word marks for Thai in the browser and chart labels (issue 19 §2), without a browser.

The browser side (line boxes read per character) is tests/browser/test_room.py.
"""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from kbo_dashboard.reports.thai_text import words
from kbo_dashboard.ui.charts import wrap
from kbo_dashboard.ui.thai_breaks import BREAK, JOINER, chart_label, mark_words, word_table

THAI = st.text(alphabet=st.sampled_from(list("กขคงจชดตนบปผพมยรลวสหอะาิีึืุูเแโใไ่้๊๋็์ั P-0189().\\")))


def breaks_allowed(marked: str) -> set[int]:
    """Where the marked text lets a line end, as offsets into the unmarked text: after a
    space or at a zero-width space, never where a word joiner sits."""
    allowed, at = set(), 0
    for char in marked:
        if char == BREAK:
            allowed.add(at)
        elif char != JOINER:
            at += 1
            if char == " ":
                allowed.add(at)
    return allowed


def test_a_name_breaks_where_pythainlp_says_not_where_chromium_does():
    marked = mark_words("ชาดอกบัวแดง")
    assert marked.replace(JOINER, "") == f"ชา{BREAK}ดอกบัว{BREAK}แดง"
    assert breaks_allowed(marked) == {2, 8}  # ชา|ดอกบัว|แดง, never ชาด|อกบัว
    assert JOINER in marked.split(BREAK)[1]  # and nowhere inside ดอกบัว


def test_a_product_id_is_never_split():
    assert breaks_allowed(mark_words("P-08")) == set()  # the tokenizer sees "P" "-" "08"
    marked = mark_words("ผ้าไหมกาบบัว (P-08)")
    assert breaks_allowed(marked) & set(range(14, 19)) == set()  # "(P-08)" starts at 13
    assert "(P-08)" in marked  # as typed: a search finds it, and browsers keep "P-08" whole


def test_an_escaped_character_keeps_its_backslash():
    marked = mark_words("กลุ่ม\\-แม่บ้าน")
    assert "\\-" in marked and "\\" + JOINER not in marked


@given(THAI)
def test_marks_only_add_invisible_characters_and_breaks_only_between_words(text):
    marked = mark_words(text)
    assert marked.replace(BREAK, "").replace(JOINER, "") == text
    bounds, at = {0, len(text)} | {n + 1 for n, c in enumerate(text) if c == " "}, 0
    for word in words(text):  # the naive reference: every word's end
        at += len(word)
        bounds.add(at)
    assert breaks_allowed(marked) <= bounds


def test_tables_show_marks_but_keep_their_data():
    frame = pd.DataFrame({"ชื่อ": ["ชาดอกบัวแดง"], "คะแนน": [68.04]})
    styled = word_table(frame)
    assert styled.data.equals(frame)  # what AppTest and downloads read
    shown = styled._translate(False, False)["body"][0]
    assert shown[1]["display_value"] == mark_words("ชาดอกบัวแดง")


def test_chart_labels_break_between_words_with_br():
    assert chart_label("อัตลักษณ์ท้องถิ่น", 10) == "อัตลักษณ์<br>ท้องถิ่น"  # not ท้องถิ่|น
    assert wrap("ศักยภาพทางการตลาดและมูลค่าเพิ่ม", 10) == "ศักยภาพทาง<br>การตลาดและ<br>มูลค่าเพิ่ม"
    for line in wrap("การกระจายคะแนนรวมของ P-15 จากกรรมการ 27 คน").split("<br>"):
        assert not re.search(r"(^|\s)\S*-$", line)  # P-15 whole
