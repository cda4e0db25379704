"""English counts read singular at 1 and plural otherwise, in every catalogue message
(issue 19 §5: "1 cells to fix", "at least 1 judge totals", "2 open point(s)").

Every message is rendered in English once per parameter, with that parameter at 1 and every
other at 7, and the words right after each "1" that the parameter put there are read: none may
be a plural noun. Then with the parameter at 2: the noun after the "2" is the plural again.
A literal "1" of the message itself (none today) is told apart by rendering it with every
parameter at 7.
"""

from __future__ import annotations

import re
import string
from collections import Counter

import pytest

from kbo_dashboard.i18n import CHOICE, MESSAGES, choose, load_catalogue, t

#: Parameters that carry a score with two decimals (format_score): "1.00 points" is plural.
SCORES = {"points", "score", "margin", "difference"}
#: Words ending in "s" that are not plural nouns (verbs, "s" for seconds, ...).
NOT_PLURAL = {"is", "was", "has", "as", "its", "this", "s", "us", "vs"}
NOT_PLURAL |= {"appears", "changes", "puts"}
IRREGULAR = {"criteria": "criterion", "people": "person"}
#: Words after which the next word is not the counted noun ("Tab 1 has headers").
STOP = NOT_PLURAL | {"of", "in", "on", "to", "from", "and", "or", "with", "for", "by"}
AFTER = r"(?<![\w.,/])N ([A-Za-z]+)(?: ([A-Za-z]+))?"


def fields(text: str) -> list[str]:
    names = [f for _, f, _, _ in string.Formatter().parse(CHOICE.sub("", text)) if f]
    return sorted({re.split(r"[.\[!:]", name)[0] for name in names})


def plural(word: str | None) -> bool:
    if not word:
        return False
    word = word.lower()
    return word in IRREGULAR or (word.endswith("s") and word not in NOT_PLURAL)


def after(text: str, number: int) -> Counter:
    """The (word, next word) after each ``number`` standing alone in ``text``."""
    return Counter(re.findall(AFTER.replace("N", str(number)), text))


def counts():
    """(key, parameter) for every parameter of every English message, scores aside."""
    for key, entry in sorted(MESSAGES.items()):
        texts = [entry["en"], entry.get("en_one", "")]
        names = sorted({f for text in texts for f in fields(text)})
        for name in names:
            if name not in SCORES:
                yield key, name


def render(key: str, name: str, value: int) -> str:
    entry = MESSAGES[key]
    params = dict.fromkeys(fields(entry["en"]) + fields(entry.get("en_one", "")), 7)
    return t(key, "en", **{**params, name: value})


def test_the_check_finds_a_plural_after_one():
    assert after("Wrote 1 judge cards to x", 1) == Counter({("judge", "cards"): 1})
    assert plural("cards") and plural("criteria") and not plural("is") and not plural("judge")
    assert after("score 1.00 points", 1) == Counter()  # a score, not a count


@pytest.mark.parametrize("key,name", list(counts()))
def test_a_count_of_one_reads_singular(key, name):
    one, none = render(key, name, 1), render(key, name, 7)
    found = after(one, 1) - after(none, 1)  # the words the parameter's "1" put before
    # "1 judge tabs", "1 open points": the noun is the second word
    bad = [(a, b) for a, b in found if plural(a) or (a.lower() not in STOP and plural(b))]
    assert bad == [], one


@pytest.mark.parametrize("key,name", list(counts()))
def test_a_count_of_two_reads_plural(key, name):
    """Where the English changes a word for 1 (en_one, a choice), at 2 that word is plural."""
    one = re.findall(AFTER.replace("N", "1"), render(key, name, 1))
    two = re.findall(AFTER.replace("N", "2"), render(key, name, 2))
    changed = [b for a, b in zip(one, two, strict=False) for x, y in zip(a, b) if x != y]
    bad = [pair for pair in changed if not any(plural(w) for w in pair)]
    assert bad == [], render(key, name, 2)


def test_english_has_no_either_or_plural_and_thai_no_choice():
    assert [k for k, e in MESSAGES.items() if re.search(r"\w\(s\)|\(es\)", e["en"])] == []
    assert [k for k, e in MESSAGES.items() if CHOICE.search(e["th"])] == []


def test_a_choice_names_a_parameter_of_its_message():
    for key, entry in MESSAGES.items():
        for name, _, _ in CHOICE.findall(entry["en"]):
            assert f"{{{name}}}" in entry["en"], (key, name)


def test_choose_picks_the_noun_for_each_count():
    text = "{a} {a|tab|tabs}, {b} {b|criterion|criteria}"
    assert choose(text, {"a": 1, "b": "2"}) == "{a} tab, {b} criteria"
    assert choose(text, {"a": " 1 ", "b": 1}) == "{a} tab, {b} criterion"
    assert choose(text, {}) == "{a} tabs, {b} criteria"  # no count: the plural


def test_en_one_needs_its_count(tmp_path):
    (tmp_path / "x.toml").write_text(
        '["x.n"]\nth = "{n} แท็บ"\nen = "{n} tabs"\nen_one = "1 tab"\ncount = "n"\n',
        encoding="utf-8",
    )
    assert load_catalogue(tmp_path)["x.n"] == {
        "th": "{n} แท็บ",
        "en": "{n} tabs",
        "en_one": "1 tab",
        "count": "n",
    }
