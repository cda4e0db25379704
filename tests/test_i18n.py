"""The message catalogue: both languages for every key, every key used, every used key there."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kbo_dashboard.i18n import LANGS, MESSAGES, load_catalogue, t

ROOT = Path(__file__).resolve().parent.parent
CODE = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
CODE += sorted((ROOT / "kbo_dashboard").rglob("*.py"))
KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
PREFIXES = {key.split(".")[0] for key in MESSAGES}


dynamic_prefixes: set[str] = set()


def _strings() -> tuple[set[str], list[re.Pattern]]:
    """Every string constant in the code, and every f-string as a pattern."""
    constants: set[str] = set()
    patterns: list[re.Pattern] = []
    for path in CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                parts = [
                    re.escape(v.value) if isinstance(v, ast.Constant) else r"[a-z0-9_.]+"
                    for v in node.values
                ]
                if isinstance(node.values[0], ast.Constant):
                    patterns.append(re.compile("^" + "".join(parts) + "$"))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "label":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    prefix = first.value  # label(prefix, code, lang) looks up "prefix.code"
                    patterns.append(re.compile("^" + re.escape(prefix) + r"\.[a-z0-9_]+$"))
                    dynamic_prefixes.add(prefix)
    return constants, patterns


CONSTANTS, PATTERNS = _strings()


def test_every_key_has_thai_and_english():
    missing = [
        (key, lang) for key, entry in MESSAGES.items() for lang in LANGS if not entry.get(lang)
    ]
    assert missing == []


def test_every_key_in_the_catalogue_is_used_in_code():
    def used(key: str) -> bool:
        return key in CONSTANTS or any(p.match(key) for p in PATTERNS)

    unused = sorted(key for key in MESSAGES if not used(key))
    assert unused == []


def test_every_key_used_in_code_is_in_the_catalogue():
    looks_like_key = {s for s in CONSTANTS if KEY.match(s) and s.split(".")[0] in PREFIXES}
    looks_like_key -= dynamic_prefixes  # prefixes given to label(), not keys
    assert sorted(looks_like_key - set(MESSAGES)) == []


def test_a_key_defined_twice_is_refused(tmp_path):
    (tmp_path / "a.toml").write_text('["x.y"]\nth = "ก"\nen = "a"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('["x.y"]\nth = "ข"\nen = "b"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="x.y"):
        load_catalogue(tmp_path)


def test_messages_format_and_fall_back():
    assert t("lang.en", "th") == "English"
    assert t("no.such.key", "en") == "no.such.key"
    assert t("app.source", "en", label="demo") == "Data source: demo"
    assert t("app.source", "th", label="demo") == "แหล่งข้อมูล: demo"
