"""What the server keeps for every viewer is in one module, each cache documented (issue 21 §3).

``st.cache_resource`` objects live for the whole process and are shared by every session, so a
reader must find them all in :mod:`kbo_dashboard.ui.caches`, each named in its table with what
it holds.
"""

from __future__ import annotations

import ast
from pathlib import Path

from kbo_dashboard.ui import caches

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "kbo_dashboard" / "ui"


def resource_caches(source: str) -> list[str]:
    """The functions decorated with ``st.cache_resource`` (called or not) in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(target, ast.Attribute) and target.attr == "cache_resource":
                    found.append(node.name)
    return found


def test_every_process_wide_cache_is_in_the_caches_module():
    elsewhere = {
        str(path.relative_to(ROOT)): names
        for path in [*UI.rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]
        if path.name != "caches.py" and (names := resource_caches(path.read_text("utf-8")))
    }
    assert elsewhere == {}


def test_each_cache_is_in_the_table_with_what_it_holds():
    names = resource_caches((UI / "caches.py").read_text("utf-8"))
    assert len(names) == 10
    table = caches.__doc__ or ""
    assert [n for n in names if f":func:`{n}`" not in table] == []


def test_the_check_finds_a_cache_however_it_is_written():
    source = """
@st.cache_resource
def plain(): ...
@st.cache_resource(show_spinner=False)
def called(): ...
@st.cache_data(ttl=5)
def data(): ...
"""
    assert resource_caches(source) == ["plain", "called"]
