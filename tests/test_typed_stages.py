"""The stages hand each other typed values, not ``Any`` (issue 21 §4).

``scoring``, ``analysis``, ``meeting`` and ``reports`` take and return :class:`Competition`,
:class:`Results`, :class:`Decision` and the like, so mypy (``python -m mypy``, run before the
tests) checks what one stage hands the next. This test fails when a function in those folders
has a parameter or a return annotated ``Any`` (also inside ``X | None``, ``list[Any]``, ...).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kbo_dashboard"
STAGES = ("scoring", "analysis", "meeting", "reports")


def _mentions_any(annotation: ast.expr | None) -> bool:
    if annotation is None:
        return False
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        return _mentions_any(ast.parse(annotation.value, mode="eval").body)  # "quoted" hint
    return any(
        (isinstance(n, ast.Name) and n.id == "Any")
        or (isinstance(n, ast.Attribute) and n.attr == "Any")
        for n in ast.walk(annotation)
    )


def any_annotations(source: str) -> list[str]:
    """``function(parameter)`` or ``function -> return`` for every annotation naming Any."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        a = node.args
        params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *filter(None, (a.vararg, a.kwarg))]
        found += [f"{node.name}({p.arg})" for p in params if _mentions_any(p.annotation)]
        if _mentions_any(node.returns):
            found.append(f"{node.name} -> return")
    return found


MODULES = sorted(p for stage in STAGES for p in (PACKAGE / stage).rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_stage_function_takes_or_returns_any(path):
    assert any_annotations(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_any_wherever_it_hides():
    """The rule can fail: each spelling of Any in a signature is caught, other names are not."""
    source = """
def plain(comp: Any, results: "Results | None" = None) -> float: ...
def nested(rows: list[list[typing.Any]], *cells: Any, **named: Any) -> dict[str, Any]: ...
async def waits(*, value: "Any | None") -> None: ...
def typed(comp: Competition, x: Anything) -> Results: ...
"""
    assert any_annotations(source) == [
        "plain(comp)",
        "nested(rows)",
        "nested(cells)",
        "nested(named)",
        "nested -> return",
        "waits(value)",
    ]
