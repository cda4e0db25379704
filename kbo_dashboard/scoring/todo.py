"""A to-do to send each judge who has not finished: cells to fix, then products not scored.

One short line per judge that staff can paste into LINE, e.g.
``J08: แก้ช่อง C6 ของ P-05 (คะแนน 30 เกินคะแนนเต็ม 25) · ยังไม่ได้ให้คะแนน P-13, P-14``.
The reason is the Data issues page's own message for that cell, so the two always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from kbo_dashboard.i18n import t
from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.scoring.progress import fixes_apart, judge_progress


@dataclass(frozen=True)
class JudgeTodo:
    judge_id: str
    judge_name: str
    fixes: tuple  # Issue, one per rejected cell
    not_scored: tuple[str, ...]
    partly_scored: tuple[str, ...] = ()
    tab: str = ""  # the judge's own tab: its cells are named without the tab

    def message(self, lang: str = "th") -> str:
        parts = []
        for issue in self.fixes:
            reason = issue.message_th if lang == "th" else issue.message_en
            if lang != "th":
                reason = reason[:1].lower() + reason[1:]
            cell = issue.cell if issue.tab == self.tab else issue.where  # e.g. a form answer
            parts.append(t("todo.fix", lang, cell=cell, product=issue.product_id, reason=reason))
        if self.partly_scored:
            parts.append(t("todo.partly_scored", lang, products=", ".join(self.partly_scored)))
        if self.not_scored:
            parts.append(t("todo.not_scored", lang, products=", ".join(self.not_scored)))
        return f"{self.judge_id}: " + " · ".join(parts)


def judge_todos(comp: Competition) -> list[JudgeTodo]:
    """Every judge with a cell to fix or a product not scored, in the Judges tab's order."""
    frame = fixes_apart(comp, judge_progress(comp).per_judge)
    return [
        JudgeTodo(
            j.judge_id,
            str(j.judge_name),
            tuple(j.to_fix),
            tuple(j.not_scored),
            tuple(j.partly_scored),
            str(j.sheet),
        )
        for j in frame.itertuples()
        if j.to_fix or j.not_scored or j.partly_scored
    ]


def todo_text(todos: list[JudgeTodo], lang: str = "th") -> str:
    """All messages, one per line, for the Downloads page's text file."""
    return "".join(todo.message(lang) + "\n" for todo in todos)
