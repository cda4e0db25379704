"""An honest checklist (issue 17): it names the method a change holds under, says when the
quorum is the cause, and never calls a nominee level with second on the score robust."""

from __future__ import annotations

import io

from kbo_dashboard.analysis.readiness import readiness
from kbo_dashboard.commands.checklist import print_readiness
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SCORE_HEADER, SMALL_CRITERIA


def tabs_of(scores: dict[str, dict[str, tuple[int, int]]], quorum: int | None = None) -> dict:
    """A workbook: {judge: {product: (innovation /60, identity /40)}}; total = their sum."""
    products = sorted({p for rows in scores.values() for p in rows})
    tabs = {
        "Products": [["product_id", "product_name", "producer_group", "category"]]
        + [[p, p, "G", "food"] for p in products],
        "Judges": [["judge_id", "judge_name", "sheet"]] + [[j, j, j] for j in scores],
        "Criteria": SMALL_CRITERIA,
    }
    if quorum is not None:
        tabs["Settings"] = [["key", "value"], ["quorum", quorum]]
    for judge, rows in scores.items():
        tabs[judge] = [SCORE_HEADER] + [[p, "", *cells] for p, cells in rows.items()]
    return tabs


def minutes_text(comp, results) -> str:
    from docx import Document as WordDocument

    from kbo_dashboard.reports.minutes import build_minutes

    document = WordDocument(io.BytesIO(build_minutes(comp, results, lang="en")))
    return "\n".join(p.text for p in document.paragraphs)


def pdf_text(comp, results) -> str:
    import pypdf

    from kbo_dashboard.reports.pdf import build_pdf

    reader = pypdf.PdfReader(io.BytesIO(build_pdf(comp, results, lang="en")))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def robust_point(tabs):
    comp = parse(RawWorkbook(tabs))
    results = score_competition(comp)
    point = next(p for p in readiness(comp, results).points if p.key == "robust")
    return comp, results, point


def test_a_change_names_the_methods_it_holds_under():
    # Totals  A   B          Whole panel: mean A 76.67 > B 73.33 -> A (the nominee);
    #   J1   90  60          median and trimmed mean (the middle of 3) A 70 < B 80 -> B;
    #   J2   70  80          normalised: every judge's z is +-1, A's mean z -1/3 < B's -> B.
    #   J3   70  80
    # Without J1: mean A 70 < B 80 -> B (changed); the others still B.
    # Without J2 (or J3): mean A 80 > B 70 -> A (unchanged); median and trimmed mean (now the
    # mean of two) A 80 > B 70 -> A (changed); normalised: z means 0 and 0 -> A = B (changed).
    # Quorum 3 // 2 + 1 = 2: every product keeps 2 judges without anyone, so not the quorum.
    tabs = tabs_of(
        {
            "J1": {"A": (50, 40), "B": (30, 30)},
            "J2": {"A": (40, 30), "B": (50, 30)},
            "J3": {"A": (40, 30), "B": (50, 30)},
        }
    )
    _, results, point = robust_point(tabs)
    assert results.nominee == "A"
    assert not point.ok
    assert "Under Mean, leaving out judge J1 changes the winner" in point.detail_en
    assert (
        "Under Trimmed mean (drop highest and lowest), Median, Judge-normalised mean, "
        "leaving out judge J2, J3 changes the winner"
    ) in point.detail_en
    assert "วิธีค่าเฉลี่ย: ถ้าไม่นับกรรมการ J1 ผู้ชนะจะเปลี่ยน" in point.detail_th
    assert "quorum" not in point.detail_en
    # The minutes say it the same way.
    comp = parse(RawWorkbook(tabs))
    minutes = minutes_text(comp, results)
    assert "Under Mean, leaving out judge J1 changes the winner" in minutes


def test_the_quorum_is_named_when_it_is_the_cause():
    # Two judges, quorum 2: A 90, 90 and B 80, 80 -> A. Without either judge every product has
    # one judge, below the quorum of 2, so nothing is ranked: the winner "changes" under every
    # method, because of the quorum and not because of anyone's scores.
    tabs = tabs_of(
        {"J1": {"A": (50, 40), "B": (50, 30)}, "J2": {"A": (50, 40), "B": (50, 30)}}, quorum=2
    )
    _, results, point = robust_point(tabs)
    assert results.nominee == "A"
    assert point.detail_en == (
        "Leaving out any one of judges J1, J2 puts A below the quorum of 2: the winner changes "
        "because of the quorum, not because of that judge's scores"
    )
    assert "องค์ประชุม 2 คน" in point.detail_th


def test_level_with_second_is_never_robust():
    # A and B both total 80 from every judge (margin 0.00); A is first on innovation (50 > 40).
    # Every method agrees and no judge changes anything: the point used to read "robust ✓".
    tabs = tabs_of(
        {j: {"A": (50, 30), "B": (40, 40)} for j in ("J1", "J2", "J3")},
    )
    comp, results, point = robust_point(tabs)
    assert (results.nominee, results.runner_up, results.margin) == ("A", "B", 0.0)
    assert not point.ok
    assert point.detail_en == (
        "Level with second (B) at 80.00: first place is decided by the tie-break criteria alone"
    )
    out = io.StringIO()
    print_readiness(comp, "en", out)
    assert "✓ The nominee is robust" not in out.getvalue()
    assert "✗ The nominee is robust: Level with second (B) at 80.00" in out.getvalue()
    # The documents do not print "leads second by 0.00 points" either.
    minutes = minutes_text(comp, results)
    assert "First place is level with second on the score" in minutes
    assert "by 0.00 points" not in minutes
    pdf = pdf_text(comp, results)
    assert "Level with second place" in pdf
    assert "by 0.00 points" not in pdf


def test_a_clear_lead_stays_robust():
    # A 90 from every judge, B 80: a margin of 10.00, nothing changes it.
    tabs = tabs_of({j: {"A": (50, 40), "B": (50, 30)} for j in ("J1", "J2", "J3")})
    _, results, point = robust_point(tabs)
    assert results.margin == 10.0
    assert point.ok


def test_the_nomination_page_says_when_the_quorum_is_the_cause(app_env, no_chair_password):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    # The workbook of test_the_quorum_is_named_when_it_is_the_cause.
    app_env.use_workbook(
        tabs_of(
            {"J1": {"A": (50, 40), "B": (50, 30)}, "J2": {"A": (50, 40), "B": (50, 30)}},
            quorum=2,
        )
    )
    app = str(Path(__file__).resolve().parent.parent / "app.py")
    at = AppTest.from_file(app, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/nomination.py").run()
    assert not at.exception, [e.value for e in at.exception]
    captions = [c.value.replace("\\", "") for c in at.caption]
    assert (
        "Leaving out any one of judges J1, J2 puts A below the quorum of 2: the winner changes "
        "because of the quorum, not because of that judge's scores"
    ) in captions
