"""Each judge's to-do: cells to fix, conflicts scored anyway, then products still to score.

ONE fact per judge, read by every place that tells a judge what is left: the Judges table and
its expanders, the phone view (``/judges?judge=J05``), the LINE message and
``python -m kbo_dashboard check``. One short line per judge that staff can paste into LINE, e.g.
``J08: แก้ช่อง C6 ของ P-05 (คะแนน 30 เกินคะแนนเต็ม 25) · ยังไม่ได้ให้คะแนน P-13, P-14``.
The reasons are the Data issues page's own messages for those cells, so the two always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from kbo_dashboard.i18n import pick, t
from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.scoring.progress import Progress, fixes_apart, judge_progress


@dataclass(frozen=True)
class JudgeTodo:
    judge_id: str
    judge_name: str
    fixes: tuple  # Issue, one per rejected cell
    not_scored: tuple[str, ...]
    partly_scored: tuple[str, ...] = ()
    tab: str = ""  # the judge's own tab: its cells are named without the tab
    conflicts: tuple = ()  # Issue "conflict_scored", one per product scored despite a conflict
    done: int = 0  # products scored (complete rows), of ``expected``
    expected: int = 0
    conflict_reasons: tuple[str, ...] = ()  # the declared reason of each of ``conflicts``

    @property
    def clear(self) -> bool:
        """Nothing left: every expected product scored, no cell to fix, no conflict scored."""
        return not (self.fixes or self.conflicts or self.partly_scored or self.not_scored)

    @property
    def to_score(self) -> tuple[str, ...]:
        """Products left to score: partly scored first, then not started."""
        return (*self.partly_scored, *self.not_scored)

    @property
    def n_to_fix(self) -> int:
        return len(self.fixes) + len(self.conflicts)

    def fix_items(self, lang: str = "th") -> list[str]:
        """Each cell to fix, then each conflict scored anyway, as one phrase."""
        parts = []
        for issue in self.fixes:
            reason = pick(issue.message_th, issue.message_en, lang)
            if lang != "th":
                reason = reason[:1].lower() + reason[1:]
            cell = issue.cell if issue.tab == self.tab else issue.where  # e.g. a form answer
            parts.append(t("todo.fix", lang, cell=cell, product=issue.product_id, reason=reason))
        return parts + self.conflict_items(lang)

    def conflict_items(self, lang: str = "th") -> list[str]:
        """ "clear the scores of P-09 in row 10 (conflict declared: …)", one per product."""
        return [
            t(
                "todo.conflict",
                lang,
                product=issue.product_id,
                row=issue.cell.split(":", 1)[0],
                reason=reason or "-",
            )
            for issue, reason in zip(self.conflicts, self.conflict_reasons, strict=True)
        ]

    def items(self, lang: str = "th") -> list[str]:
        """Everything left, in the message's order."""
        parts = self.fix_items(lang)
        if self.partly_scored:
            parts.append(t("todo.partly_scored", lang, products=", ".join(self.partly_scored)))
        if self.not_scored:
            parts.append(t("todo.not_scored", lang, products=", ".join(self.not_scored)))
        return parts

    def message(self, lang: str = "th") -> str:
        return f"{self.judge_id}: " + " · ".join(self.items(lang))


def every_judge_todo(comp: Competition, progress: Progress | None = None) -> list[JudgeTodo]:
    """Every judge's to-do (clear ones too), in the Judges tab's order.

    ``progress``: :func:`judge_progress` of ``comp`` when the caller has it.
    """
    per_judge = (progress if progress is not None else judge_progress(comp)).per_judge
    frame = fixes_apart(comp, per_judge)
    conflicts: dict[str, list] = {}
    for issue in comp.issues:
        if issue.code == "conflict_scored" and issue.judge_id and issue.product_id:
            conflicts.setdefault(issue.judge_id, []).append(issue)
    declared = dict(
        zip(zip(comp.conflicts["judge_id"], comp.conflicts["product_id"]), comp.conflicts["reason"])
    )
    out = []
    for j in frame.itertuples():
        scored_anyway = conflicts.get(j.judge_id, [])
        reasons = [str(declared.get((j.judge_id, i.product_id), "") or "") for i in scored_anyway]
        out.append(
            JudgeTodo(
                j.judge_id,
                str(j.judge_name),
                tuple(j.to_fix),
                tuple(j.not_scored),
                tuple(j.partly_scored),
                str(j.sheet),
                tuple(scored_anyway),
                int(j.done),
                int(j.expected),
                tuple(reasons),
            )
        )
    return out


def judge_todos(comp: Competition, progress: Progress | None = None) -> list[JudgeTodo]:
    """Every judge with something left to do, in the Judges tab's order."""
    return [todo for todo in every_judge_todo(comp, progress) if not todo.clear]


def judge_todo(comp: Competition, judge_id: str) -> JudgeTodo | None:
    """One judge's to-do (the ID matched case-insensitively), or None for an unknown ID."""
    wanted = judge_id.strip().casefold()
    return next((x for x in every_judge_todo(comp) if x.judge_id.casefold() == wanted), None)


def todo_text(todos: list[JudgeTodo], lang: str = "th") -> str:
    """All messages, one per line, for the Downloads page's text file."""
    return "".join(todo.message(lang) + "\n" for todo in todos)
