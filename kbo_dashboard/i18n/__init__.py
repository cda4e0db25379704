"""The one message catalogue: every string a user sees, in Thai and English.

The messages live as data in the ``*.toml`` files beside this module, Thai and English side by
side under each dotted key (``area.what``), and are loaded once, on first import. A key may be
defined in one file only. Thai is the default. ``t(key, lang, **params)`` formats a message with
``str.format``. A missing key returns the key itself, so a typo shows on screen instead of
crashing a page; ``tests/test_i18n.py`` checks that no key used in code is missing.

English counts: an entry may add ``en_one``, the English used when its ``count`` parameter
(``count = "n"``) is 1, so the app never writes "1 cells" (Thai has no plural). A message with
several counts picks each noun in place instead: ``{n|product|products}`` in the English reads
"product" when the parameter ``n`` is 1, else "products" (``{n} {n|product|products}``).
``tests/test_plurals.py`` renders every count in the catalogue at 1 and at 2.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

LANGS = ("th", "en")
DEFAULT_LANG = "th"
CATALOGUE_DIR = Path(__file__).resolve().parent
#: ``{n|one|other}`` in an English message: "one" when ``n`` is 1, else "other".
CHOICE = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def load_catalogue(folder: Path = CATALOGUE_DIR) -> dict[str, dict[str, str]]:
    """Every ``*.toml`` file in ``folder``, merged; a key defined twice is an error."""
    messages: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        for key, entry in data.items():
            if key in messages:
                raise ValueError(f"message {key!r} is defined twice (again in {path.name})")
            messages[key] = {lang: str(entry[lang]) for lang in LANGS if lang in entry}
            if "en_one" in entry:
                messages[key] |= {"en_one": str(entry["en_one"]), "count": str(entry["count"])}
    return messages


MESSAGES: dict[str, dict[str, str]] = load_catalogue()


def t(key: str, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """The message ``key`` in ``lang`` ("th" or "en"), formatted with ``params``."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get(DEFAULT_LANG) or key
    if lang == "en" and "en_one" in entry and _one(params.get(entry["count"])):
        text = entry["en_one"]
    if lang == "en" and "|" in text:
        text = choose(text, params)
    if not params:
        return text
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def _one(value: object) -> bool:
    return value is not None and str(value).strip() == "1"


def choose(text: str, params: dict) -> str:
    """``text`` with each ``{n|one|other}`` read for the count ``params[n]`` (see above)."""
    return CHOICE.sub(lambda m: m[2] if _one(params.get(m[1])) else m[3], text)


def both(key: str, /, **params: object) -> tuple[str, str]:
    """The message in Thai and in English."""
    return t(key, "th", **params), t(key, "en", **params)


def pick(th: str, en: str, lang: str = DEFAULT_LANG) -> str:
    """``th`` when ``lang`` is Thai, else ``en``: for text kept in both languages (an issue's
    message_th and message_en), the one switch instead of an inline ``if lang == "th"``."""
    return th if lang == "th" else en
