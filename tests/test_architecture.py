"""The package shows its pipeline, and its import graph keeps to it.

Stages run in this order: sources -> intake -> scoring -> analysis -> meeting -> reports, then
the two front ends (ui, commands). A module may import from its own stage or an earlier one;
``i18n`` is shared by all. Only ``ui`` imports Streamlit. Pages never import each other.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kbo_dashboard"
ORDER = ["i18n", "sources", "intake", "scoring", "analysis", "meeting", "reports"]
FRONT_ENDS = ["ui", "commands"]
MAX_LINES = 350


def _rank(stage: str) -> int:
    return ORDER.index(stage) if stage in ORDER else len(ORDER)


def _imports(path: Path) -> list[str]:
    """Every module ``path`` imports, top level or inside a function."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def _stage(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_the_folder_shows_the_stages():
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == {*ORDER, *FRONT_ENDS}
    loose = {p.name for p in PACKAGE.glob("*.py")}
    assert loose == {"__init__.py", "__main__.py"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_ui_imports_streamlit(path):
    if _stage(path) == "ui":
        return
    assert not [m for m in _imports(path) if m.split(".")[0] == "streamlit"]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_stage_imports_a_later_stage(path):
    own = _stage(path)
    if own in FRONT_ENDS or own in ("__main__", "__init__"):
        return
    later = []
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] != "kbo_dashboard" or len(parts) < 2:
            continue
        if parts[1] in FRONT_ENDS or _rank(parts[1]) > _rank(own):
            later.append(name)
    assert later == [], f"{own} imports a later stage"


def test_the_graph_check_catches_a_backward_import(tmp_path):
    """The rule above can fail: a made-up intake module importing scoring is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from kbo_dashboard.scoring.scoring import score_competition\n")
    assert _rank("scoring") > _rank("intake")
    assert "kbo_dashboard.scoring.scoring" in _imports(bad)


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_never_import_each_other(path):
    assert [m for m in _imports(path) if m.split(".")[0] == "pages"] == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_stay_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{lines} lines: split it by job"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_says_what_it_is_for(path):
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _load_time_imports(path: Path, known: set[str], *, in_functions: bool = False) -> set[str]:
    """The package modules ``path`` imports when it is loaded: not inside a function (unless
    ``in_functions``), never under ``if TYPE_CHECKING`` (which does not run)."""
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        if not in_functions and isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
        ):
            return
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.update({node.module, *(f"{node.module}.{a.name}" for a in node.names)})
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return names & known


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for other in sorted(graph[name]):
            if state.get(other) == "open":
                found.append(trail[trail.index(other) :] + [other])
            elif other not in state:
                visit(other, [*trail, other])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return found


def test_no_import_cycle_at_load_time():
    """The server's warm-up thread (ui/warm.py) and the first page import the package at the
    same time; with no cycle in the load-time import graph Python's import locks cannot
    deadlock."""
    known = {_module_name(p) for p in MODULES}
    graph = {_module_name(p): _load_time_imports(p, known) for p in MODULES}
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c", "a"]]


def test_the_stage_check_sees_an_import_inside_a_function(tmp_path):
    """An import hidden in a function body (or a method) counts like one at the top."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "class Late:\n"
        "    def method(self):\n"
        "        def inner():\n"
        "            from kbo_dashboard.reports.pdf import build\n"
        "        return inner\n"
    )
    assert "kbo_dashboard.reports.pdf" in _imports(bad)


def _every_import(path: Path, known: set[str]) -> set[str]:
    """The package modules ``path`` imports anywhere, inside functions too."""
    return _load_time_imports(path, known, in_functions=True)


def test_no_import_cycle_even_inside_functions():
    """No module reaches itself through imports, counting those inside functions: an import
    moved into a function hides a cycle from Python, not from the reader."""
    known = {_module_name(p) for p in MODULES}
    graph = {_module_name(p): _every_import(p, known) - {_module_name(p)} for p in MODULES}
    assert _cycles(graph) == []


def test_the_cycle_check_catches_a_cycle_hidden_in_a_function(tmp_path):
    """The check above can fail: two made-up modules importing each other, one of them only
    inside a function, form a cycle; a TYPE_CHECKING import does not."""
    (tmp_path / "kbo_dashboard").mkdir()
    first = tmp_path / "kbo_dashboard" / "first.py"
    second = tmp_path / "kbo_dashboard" / "second.py"
    first.write_text("import kbo_dashboard.second\n")
    second.write_text("def late():\n    from kbo_dashboard import first\n")
    known = {"kbo_dashboard.first", "kbo_dashboard.second"}

    def graph() -> dict[str, set[str]]:
        return {
            "kbo_dashboard.first": _every_import(first, known),
            "kbo_dashboard.second": _every_import(second, known),
        }

    assert _cycles(graph()) != []
    second.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from kbo_dashboard import first\n"
    )
    assert _cycles(graph()) == []


_INLINE_SWITCH = re.compile(r"""[._]th\b[^\n]* if lang == ["']th["'] else """)


@pytest.mark.parametrize(
    "path", [*MODULES, *sorted((ROOT / "pages").glob("*.py"))], ids=lambda p: p.name
)
def test_text_in_both_languages_is_chosen_by_one_function(path):
    """``i18n.pick(th, en, lang)``, not ``x.message_th if lang == "th" else x.message_en``."""
    assert not _INLINE_SWITCH.findall(path.read_text(encoding="utf-8"))


def test_the_switch_check_sees_an_inline_switch():
    assert _INLINE_SWITCH.findall('m = issue.message_th if lang == "th" else issue.message_en')
    assert _INLINE_SWITCH.findall("x = c.th if lang == 'th' else c.en")
    assert not _INLINE_SWITCH.findall("x = pick(c.th, c.en, lang)")
