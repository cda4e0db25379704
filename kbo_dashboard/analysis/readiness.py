"""Ready to decide? The checklist the chair sees before recording the committee's decision.

Five points, each ok or open with what is open, in Thai and English:

- ``judges_finished``: every judge has scored every product they are expected to (no conflict);
  open: who has not.
- ``no_errors``: no open data error (severity "error"); open: how many, and their cells.
- ``quorum``: every product is ranked, i.e. scored by at least the quorum; open: which are not.
- ``not_tied``: there is one provisional nominee (no shared first place); open: who is tied,
  or that no product is ranked yet.
- ``robust``: every aggregation method names the same nominee, leaving out any one judge
  changes nothing, and the nominee is ahead of second on the score (not level, decided by the
  tie-break criteria); open: which check fails, and how. A change from leaving out a judge
  names the method it holds under, or says the quorum is the cause (the nominee falls below
  the quorum without that judge).

:meth:`Readiness.to_json` is what a decision row stores in ``open_points``
(:func:`kbo_dashboard.meeting.decision.make_decision`); :func:`points_from_json` reads it back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from kbo_dashboard.i18n import both, pick, t
from kbo_dashboard.intake.issues import ERROR
from kbo_dashboard.scoring.aggregation import method_name
from kbo_dashboard.scoring.counts import format_score, is_level
from kbo_dashboard.scoring.progress import judge_progress

KEYS = ("judges_finished", "no_errors", "quorum", "not_tied", "robust")
#: At most this many ids or cells are listed in a detail line ("…, +3").
LISTED = 8


@dataclass(frozen=True)
class ReadinessPoint:
    """One line of the checklist: ok, or open with what is open."""

    key: str  # one of KEYS
    ok: bool
    detail_th: str  # "" when ok
    detail_en: str

    def label(self, lang: str) -> str:
        """The point's name in ``lang`` (e.g. "every judge finished")."""
        return t(f"readiness.point.{self.key}", lang)

    def detail(self, lang: str) -> str:
        return pick(self.detail_th, self.detail_en, lang)


@dataclass(frozen=True)
class Readiness:
    """The whole checklist, in :data:`KEYS` order."""

    points: tuple[ReadinessPoint, ...]

    @property
    def clear(self) -> bool:
        """Every point ok: the committee can decide without an acknowledgement."""
        return all(p.ok for p in self.points)

    def open_points(self) -> list[ReadinessPoint]:
        return [p for p in self.points if not p.ok]

    def open_text(self, lang: str) -> str:
        """The open points as they fail ("5 not finished: J08, …; 2 open errors: J08!C6, …"),
        the words the chair acknowledges: the same details :meth:`to_json` stores."""
        return "; ".join(p.detail(lang) for p in self.open_points())

    def to_json(self) -> str:
        """The open points as compact JSON (for ``Decision.open_points``); "" when clear."""
        items = [
            {"key": p.key, "detail_th": p.detail_th, "detail_en": p.detail_en}
            for p in self.open_points()
        ]
        return json.dumps(items, ensure_ascii=False, separators=(",", ":")) if items else ""


def points_from_json(text: str) -> list[ReadinessPoint]:
    """The open points stored in a decision row (unreadable text gives no points)."""
    try:
        items = json.loads(text or "[]")
        return [
            ReadinessPoint(str(i["key"]), False, str(i["detail_th"]), str(i["detail_en"]))
            for i in items
        ]
    except (ValueError, TypeError, KeyError):
        return []


def _listed(ids: Iterable[str]) -> str:
    """ "J23, J24, J25" (the first :data:`LISTED`, then "+n")."""
    items = [str(i) for i in ids]
    shown = ", ".join(items[:LISTED])
    return shown + (f", +{len(items) - LISTED}" if len(items) > LISTED else "")


def _point(key: str, open_key: str | None = None, **params: object) -> ReadinessPoint:
    if open_key is None:
        return ReadinessPoint(key, True, "", "")
    th, en = both(open_key, **params)
    return ReadinessPoint(key, False, th, en)


def _judges_point(comp, progress=None) -> ReadinessPoint:
    per_judge = (progress if progress is not None else judge_progress(comp)).per_judge
    unfinished = list(per_judge.loc[~per_judge["finished"].astype(bool), "judge_id"])
    if not unfinished:
        return _point("judges_finished")
    return _point(
        "judges_finished", "readiness.open.judges", n=len(unfinished), judges=_listed(unfinished)
    )


def _errors_point(comp) -> ReadinessPoint:
    errors = [i for i in comp.issues if i.severity == ERROR]
    if not errors:
        return _point("no_errors")
    th, en = (
        t(
            "readiness.open.errors",
            lang,
            n=len(errors),
            cells=_listed(i.place(lang) for i in errors),
        )
        for lang in ("th", "en")
    )
    return ReadinessPoint("no_errors", False, th, en)


def _quorum_point(results) -> ReadinessPoint:
    below = results.standings.loc[~results.standings["ranked"].astype(bool), "product_id"]
    if below.empty:
        return _point("quorum")
    return _point(
        "quorum",
        "readiness.open.quorum",
        n=len(below),
        products=_listed(below),
        quorum=results.quorum,
    )


def _tie_point(results) -> ReadinessPoint:
    if results.nominee:
        return _point("not_tied")
    if len(results.tied_for_first) > 1:
        return _point("not_tied", "readiness.open.tied", products=_listed(results.tied_for_first))
    return _point("not_tied", "readiness.open.no_nominee")


def _outcome(value: object) -> str:
    """A method's nominee as text: one id, or several sharing first place."""
    if value is None:
        return "-"
    if isinstance(value, (list, tuple, set, frozenset)):
        return " = ".join(str(v) for v in value) or "-"
    return str(value)


def _robust_point(comp, results, report) -> ReadinessPoint:
    if not results.nominee:
        return _point("robust", "readiness.open.no_nominee")
    if report is None:
        from kbo_dashboard.analysis.nomination import robustness_report

        report = robustness_report(comp, results.method)
    th: list[str] = []
    en: list[str] = []
    if not report.comparison.robust:
        for lang, out in (("th", th), ("en", en)):
            methods = ", ".join(
                f"{method_name(m, lang)} → {_outcome(n)}"
                for m, n in report.comparison.nominees.items()
            )
            out.append(t("readiness.open.methods", lang, methods=methods))
    for lang, out in (("th", th), ("en", en)):
        out.extend(lojo_sentences(report.lojo, lang))
    if is_level(results.margin):
        score = results.standings.set_index("product_id")["score"].get(results.nominee)
        for lang, out in (("th", th), ("en", en)):
            out.append(
                t("readiness.open.level", lang, runner=results.runner_up, score=format_score(score))
            )
    if not th:
        return _point("robust")
    return ReadinessPoint("robust", False, "; ".join(th), "; ".join(en))


def quorum_sentence(lojo, lang: str) -> str:
    """Judges whose absence changes the winner only by dropping it below the quorum ("" if none).

    ``lojo`` is a :class:`~kbo_dashboard.analysis.robustness.LeaveOneJudgeOut`.
    """
    judges: set[str] = set()
    dropped: set[str] = set()
    for method, deciding in lojo.deciding.items():
        for judge in deciding:
            cause = lojo.quorum_cause(method, judge)
            if cause:
                judges.add(judge)
                dropped.update(cause)
    if not judges:
        return ""
    return t(
        "readiness.open.lojo_quorum",
        lang,
        judges=_listed(sorted(judges)),
        products=_listed(sorted(dropped)),
        quorum=lojo.quorum,
    )


def lojo_sentences(lojo, lang: str) -> list[str]:
    """Who changes the winner when left out: under which methods, or because of the quorum.

    ``lojo`` is a :class:`~kbo_dashboard.analysis.robustness.LeaveOneJudgeOut`; the checklist
    and the minutes both say it this way. [] when leaving out anyone changes nothing.
    """
    by_score: dict[str, list[str]] = {}  # method -> judges
    for method, judges in lojo.deciding.items():
        for judge in judges:
            if not lojo.quorum_cause(method, judge):
                by_score.setdefault(method, []).append(judge)
    quorum = quorum_sentence(lojo, lang)
    lines = [quorum] if quorum else []
    grouped: dict[tuple[str, ...], list[str]] = {}  # the same judges under several methods
    for method, judges in by_score.items():
        grouped.setdefault(tuple(judges), []).append(method_name(method, lang))
    for judges, methods in grouped.items():
        if len(methods) == len(lojo.outcomes) > 1:  # the same judges under every method
            lines.append(t("readiness.open.lojo_every", lang, judges=_listed(judges)))
            continue
        lines.append(
            t("readiness.open.lojo", lang, methods=", ".join(methods), judges=_listed(judges))
        )
    return lines


def readiness(comp, results, report=None, progress=None) -> Readiness:
    """The checklist for ``comp`` and its ``results`` (``score_competition``).

    ``report`` is the nomination's ``robustness_report`` and ``progress`` the judges'
    ``judge_progress`` when the caller has them; None computes them here (the report only when
    there is a nominee to check).
    """
    return Readiness(
        (
            _judges_point(comp, progress),
            _errors_point(comp),
            _quorum_point(results),
            _tie_point(results),
            _robust_point(comp, results, report),
        )
    )
