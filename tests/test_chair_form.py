"""AppTest: the chair's form (issue 9): the readiness gate, the picker, disarming, who recorded,
the reveal for the projector, and the final decision in large type on the Overview."""

from __future__ import annotations

import json
import sqlite3

from kbo_dashboard.analysis.readiness import points_from_json
from tests.test_pages import no_exception, open_page, texts
from tests.workbooks import SMALL_TABS

CHAIR_NAME = "สมศรี ประธานกรรมการ"


def unlock(at, password: str, name: str = CHAIR_NAME):
    at.text_input(key="chair_name").input(name)
    at.text_input(key="chair_password").input(password)
    at.button(key="chair_unlock").click().run()
    return at


def keys(at, kind: str = "button") -> set[str]:
    return {w.key for w in getattr(at, kind)}


def stored(app_env) -> list[dict]:
    path = app_env.data_dir / "decisions.sqlite3"
    if not path.exists():
        return []
    with sqlite3.connect(path) as con:
        con.row_factory = sqlite3.Row
        return [dict(r) for r in con.execute("SELECT * FROM decisions")]


def test_the_checklist_on_the_demo_names_the_open_points(app_env, no_chair_password):
    at = open_page("pages/nomination.py", "en")
    no_exception(at)
    shown = texts(at)
    # The demo: J08, J11, J14, J26, J27 unfinished; errors at J08!C6 and J11!E8; every product
    # at quorum; P-15 alone first under every method, and no single judge changes that.
    assert "Not ready: 2 open points" in shown
    assert "Every judge finished — 5 not finished: J08, J11, J14, J26, J27" in shown
    assert "No open data errors — 2 open errors: J08!C6, J11!E8" in shown
    assert "Every product at quorum\n" in shown
    assert "The nominee is robust" in shown and "The nominee is robust —" not in shown


def test_a_name_is_required_at_unlock(app_env, chair_password):
    at = open_page("pages/nomination.py", "en")
    unlock(at, chair_password, name="   ")
    assert "Type your name: it is stored with the decision" in [e.value for e in at.error]
    assert "chair_record" not in keys(at)


def test_the_gate_refuses_without_the_acknowledgement_and_stores_the_open_points(
    app_env, chair_password
):
    at = open_page("pages/nomination.py", "en")
    unlock(at, chair_password)
    no_exception(at)
    assert f"Recording as: {CHAIR_NAME}" in texts(at)
    # "Confirm" is chosen: no product picker (it showed P-01 while confirming P-15).
    assert at.radio(key="chair_choice").value == "confirm"
    assert "chair_product" not in keys(at, "selectbox")
    ack = at.checkbox(key="chair_ack")
    assert ack.label == (
        "I record this decision knowing these points are open: "
        "5 not finished: J08, J11, J14, J26, J27; 2 open errors: J08!C6, J11!E8"
    )

    at.button(key="chair_record").click().run()
    assert "The readiness checklist has open points: tick the acknowledgement to record anyway" in [
        e.value for e in at.error
    ]
    assert stored(app_env) == []

    at.checkbox(key="chair_ack").check().run()
    at.button(key="chair_record").click().run()
    no_exception(at)
    rows = stored(app_env)
    assert len(rows) == 1
    row = rows[0]
    assert (row["product_id"], row["decided_by"]) == ("P-15", CHAIR_NAME)
    points = points_from_json(row["open_points"])
    assert [p.key for p in points] == ["judges_finished", "no_errors"]
    assert points[0].detail_en == "5 not finished: J08, J11, J14, J26, J27"
    assert json.loads(row["open_points"])[1]["detail_th"] == "ข้อผิดพลาด 2 รายการ: J08!C6, J11!E8"

    # Disarmed: no record button until the chair asks to record another decision.
    assert "chair_record" not in keys(at)
    assert "Decision recorded. The form is closed so nothing is recorded twice by accident" in (
        texts(at)
    )
    at.button(key="chair_rearm").click().run()
    assert "chair_record" in keys(at)
    assert at.checkbox(key="chair_ack").value is False  # the acknowledgement is asked again


def test_pick_another_shows_the_picker_and_needs_a_reason(app_env, chair_password):
    app_env.use_workbook(SMALL_TABS)
    at = open_page("pages/nomination.py", "en")
    unlock(at, chair_password)
    assert "chair_product" not in keys(at, "selectbox")
    at.radio(key="chair_choice").set_value("other").run()
    assert at.selectbox(key="chair_product").label == "Product chosen"
    at.selectbox(key="chair_product").set_value("A1")
    at.checkbox(key="chair_ack").check()
    at.button(key="chair_record").click().run()
    assert "A written reason is required to pick a product other than the nominee" in [
        e.value for e in at.error
    ]
    assert stored(app_env) == []

    at.text_area(key="chair_reason").input("export market")
    at.button(key="chair_record").click().run()
    no_exception(at)
    [row] = stored(app_env)
    assert (row["product_id"], row["reason"], row["confirmed_nominee"]) == (
        "A1",
        "export market",
        "FALSE",
    )
    assert "Committee decision (final): A1 Rice crackers" in [s.value for s in at.success]
    # A new viewer sees it as final, with no controls.
    viewer = open_page("pages/nomination.py", "en")
    assert "Committee decision (final): A1 Rice crackers" in [s.value for s in viewer.success]
    assert "chair_record" not in keys(viewer)


def final_blocks(at) -> list[str]:
    return [m.value for m in at.markdown if 'data-testid="kboFinal"' in str(m.value)]


def test_the_final_decision_and_the_reveal_on_the_overview_and_projector(app_env, chair_password):
    app_env.use_workbook(SMALL_TABS)
    for page in ("pages/overview.py", "pages/projector.py"):
        assert final_blocks(open_page(page, "en")) == [], "no decision yet: nothing final"

    chair = open_page("pages/nomination.py", "en")
    unlock(chair, chair_password)
    chair.checkbox(key="chair_ack").check()
    chair.button(key="chair_record").click().run()
    for page in ("pages/overview.py", "pages/projector.py"):
        [block] = final_blocks(open_page(page, "en"))
        assert "Committee decision (final)" in block and "B1 Silk scarf" in block

    # The chair hides the scores: every projector viewer sees no ranking until the reveal.
    chair.toggle(key="chair_hide").set_value(True).run()
    projector = open_page("pages/projector.py", "en")
    no_exception(projector)
    assert not projector.table
    assert "The scores are hidden until the chair reveals the result" in texts(projector)
    assert final_blocks(projector) == []
    chair.toggle(key="chair_hide").set_value(False).run()
    projector = open_page("pages/projector.py", "en")
    assert list(projector.table[0].value["Product"]) == [
        "B1 Silk scarf",
        "A1 Rice crackers",
        "A2 Fish sauce",
    ]
