"""Thai words glued to punctuation are marked too (issue 19 §2): PyThaiNLP keeps "(เบื้องต้น)"
as one piece, and the browser broke it as "(เบื้อง|ต้น)" in the Nomination page's metric label."""

from kbo_dashboard.ui.thai_breaks import BREAK, JOINER, mark_words


def test_a_word_in_brackets_gets_joiners_and_a_break_before_it():
    marked = mark_words("เสนอชื่อ (เบื้องต้น)")
    assert marked.endswith(
        " (" + JOINER + JOINER.join(["เ", "บื้", "อ", "ง", "ต้", "น"]) + JOINER + ")"
    )
    assert "ง" + JOINER + "ต้" in marked  # no line may end inside เบื้องต้น
    # "ผ้าไหม(ทอมือ)": a line may end before "(" and between ทอ and มือ, not inside a word
    glued = mark_words("ผ้าไหม(ทอมือ)")
    assert glued.count(BREAK) == 2
    assert glued.replace(JOINER, "").split(BREAK) == ["ผ้าไหม", "(ทอ", "มือ)"]
