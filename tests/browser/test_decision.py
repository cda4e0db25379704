"""The chair's decision in a real browser, on the Google Sheet scenario (the emulator).

One story, in order, because each step depends on the one before:

1. A viewer sees no decision controls; a wrong password is refused.
2. The right password and the chair's name unlock them; the product picker is hidden while
   confirming; the demo's checklist is not clear, so recording needs the acknowledgement; the
   chair confirms the provisional nominee and the form disarms.
3. The chair arms the form again and picks another product: without a reason it is refused,
   with one it is recorded. A decision changes only by recording a new one.
4. The sheet's ``Decision`` tab has both rows appended, in order.
5. Another viewer sees the last one as final, and the history.
6. The PDF and the xlsx from the Downloads page carry the decision.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from kbo_dashboard.i18n import t
from tests.browser.conftest import ACTION_TIMEOUT_MS, CHAIR_PASSWORD, VIEWPORT
from tests.browser.helpers import (
    assert_no_exception,
    choose_option,
    download,
    main,
    open_page,
    pdf_text,
    settled,
    xlsx_sheets,
    xlsx_text,
)

pytestmark = pytest.mark.browser

NOMINEE = ("P-15", "ผ้าไหมกาบบัว")  # the demo's provisional nominee (top under every method)
OTHER = ("P-08", "เทียนหอมลายเทียนพรรษา")  # the runner-up
CHAIR_NAME = "นางสมศรี ใจดี"
REASON = "ทดสอบ: คณะกรรมการเห็นควรส่งผลิตภัณฑ์ที่มีตลาดส่งออกชัดเจน"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def chair_panel(page: Page):
    """The chair's expander on the Nomination page, opened."""
    panel = main(page).locator('[data-testid="stExpander"]').filter(has_text=t("nom.chair", "th"))
    expect(panel).to_have_count(1)
    panel.locator("summary").click()
    return panel


def record_button(page: Page):
    return main(page).get_by_role("button", name=t("nom.chair_record", "th"), exact=True)


def acknowledge(page: Page) -> None:
    """Tick the acknowledgement of the readiness checklist's open points (the demo has some)."""
    ack = (
        main(page)
        .locator('[data-testid="stCheckbox"]')
        .filter(has_text=t("chair.ack", "th", points="").split("(")[0].strip())
    )
    ack.locator("label").click()
    expect(ack.locator("input")).to_be_checked()
    settled(page)


#: The largest font size among the page's provisional figures and texts (not the final block).
LARGEST_OTHER_TEXT_JS = """
() => Math.max(...[...document.querySelectorAll(
  '[data-testid="stMetricValue"], [data-testid="stAlert"] p, [data-testid="stTable"] td, ' +
  '[data-testid="stMain"] h2, [data-testid="stMain"] h3')]
  .map(e => parseFloat(getComputedStyle(e).fontSize)))
"""


def font_px(locator) -> float:
    return float(locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))


def final_line(product: tuple[str, str]) -> str:
    return t("pg.final", "th", product=product[0], name=product[1])


@pytest.fixture(scope="module")
def chair(browser, sheet_server) -> Page:
    """The chair's own browser session, kept for the whole story."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_1_viewers_see_no_controls_and_a_wrong_password_is_refused(chair, sheet_server):
    open_page(chair, sheet_server.url, "nomination")
    panel = chair_panel(chair)
    password = panel.get_by_label(t("nom.chair_password", "th"))
    expect(password).to_be_visible()
    expect(record_button(chair)).to_have_count(0)

    password.fill("not-the-chair")
    panel.get_by_role("button", name=t("nom.chair_unlock", "th")).click()
    expect(panel).to_contain_text(t("nom.chair_wrong", "th"))
    settled(chair)
    expect(record_button(chair)).to_have_count(0)
    assert_no_exception(chair)


def test_2_the_right_password_unlocks_and_the_chair_confirms_the_nominee(chair, sheet_server):
    password = main(chair).get_by_label(t("nom.chair_password", "th"))
    if not password.is_visible():  # the expander closed on the rerun
        chair_panel(chair)
    main(chair).get_by_role("textbox", name=t("chair.name", "th")).fill(CHAIR_NAME)
    password.fill(CHAIR_PASSWORD)
    main(chair).get_by_role("button", name=t("nom.chair_unlock", "th")).click()
    expect(record_button(chair)).to_be_visible()
    confirm = t("nom.chair_confirm", "th", product=NOMINEE[0], name=NOMINEE[1])
    expect(main(chair)).to_contain_text(confirm)
    expect(main(chair)).to_contain_text(t("chair.signed_in", "th", name=CHAIR_NAME))
    expect(main(chair)).not_to_contain_text(t("nom.chair_wrong", "th"))
    # Confirming: no product picker (it used to say "selected: P-01" while confirming P-15).
    expect(main(chair).get_by_text(t("nom.chair_product", "th"), exact=True)).to_have_count(0)

    record_button(chair).click()  # "confirm" is the preselected choice
    expect(main(chair)).to_contain_text(t("chair.ack_required", "th"))
    acknowledge(chair)
    record_button(chair).click()
    expect(main(chair)).to_contain_text(final_line(NOMINEE))
    expect(main(chair)).to_contain_text(t("chair.disarmed", "th"))
    expect(record_button(chair)).to_have_count(0)  # disarmed: no second record by accident
    settled(chair)
    assert_no_exception(chair)


def test_3_another_product_needs_a_reason_then_is_recorded(chair):
    main(chair).get_by_role("button", name=t("chair.rearm", "th")).click()
    expect(record_button(chair)).to_be_visible()
    settled(chair)
    main(chair).locator('[data-testid="stRadio"]').get_by_text(
        t("nom.chair_other", "th"), exact=True
    ).click()
    box = (
        main(chair)
        .locator('[data-testid="stSelectbox"]')
        .filter(has_text=t("nom.chair_product", "th"))
    )
    choose_option(chair, box, f"{OTHER[0]} {OTHER[1]}")
    acknowledge(chair)

    record_button(chair).click()
    expect(main(chair)).to_contain_text(t("nom.chair_reason_required", "th"))
    expect(main(chair)).to_contain_text(final_line(NOMINEE))  # still the earlier decision

    main(chair).get_by_label(t("nom.chair_reason", "th")).fill(REASON)
    record_button(chair).click()
    expect(main(chair)).to_contain_text(final_line(OTHER))
    expect(main(chair)).to_contain_text(t("nom.decision_reason", "th", reason=REASON))
    settled(chair)
    assert_no_exception(chair)


def test_4_the_decision_tab_has_both_rows_appended(emulator):
    from kbo_dashboard.meeting.decision import HEADER

    rows = emulator.values(emulator.demo_key, "Decision")
    assert rows[0] == HEADER
    assert len(rows) == 3, rows
    first, second = (dict(zip(HEADER, row, strict=False)) for row in rows[1:])
    assert (first["product_id"], first["product_name"]) == NOMINEE
    assert first["provisional_nominee"] == NOMINEE[0]
    assert str(first["confirmed_nominee"]).upper() == "TRUE"
    assert first["method"] == "mean"
    assert first.get("reason", "") == ""
    assert first["decided_by"] == second["decided_by"] == CHAIR_NAME
    assert '"key":"judges_finished"' in first["open_points"]
    assert '"key":"no_errors"' in second["open_points"]
    assert (second["product_id"], second["product_name"]) == OTHER
    assert str(second["confirmed_nominee"]).upper() == "FALSE"
    assert second["reason"] == REASON
    assert second["decided_at"] >= first["decided_at"]  # ISO UTC text sorts by time
    # The scores and ranks at that moment: the runner-up was ranked 2nd, below the nominee.
    assert second["rank"] == 2
    assert 0 < float(second["score"]) < float(first["score"]) <= 100


def test_5_every_viewer_sees_the_last_decision_as_final(browser, sheet_server, output_dir):
    context = browser.new_context(viewport=VIEWPORT)
    try:
        viewer = context.new_page()
        open_page(viewer, sheet_server.url, "nomination")
        expect(main(viewer)).to_contain_text(final_line(OTHER))
        history = (
            main(viewer)
            .locator('[data-testid="stExpander"]')
            .filter(has_text=t("nom.decision_history", "th"))
        )
        expect(history).to_contain_text("(2)")
        expect(record_button(viewer)).to_have_count(0)
        # The Overview and the projector show the final decision larger than anything
        # provisional (the metrics' numbers, the nominee line, the ranking).
        for url in ("overview", "projector"):
            open_page(viewer, sheet_server.url, url)
            final = main(viewer).get_by_test_id("kboFinal")
            expect(final).to_contain_text(f"{OTHER[0]} {OTHER[1]}")
            biggest = viewer.evaluate(LARGEST_OTHER_TEXT_JS)
            viewer.screenshot(path=output_dir / f"final-decision-{url}.png")
            assert font_px(final) > biggest, (url, font_px(final), biggest)
    finally:
        context.close()


def test_6_the_pdf_and_the_xlsx_carry_the_decision(chair, sheet_server, tmp_path):
    open_page(chair, sheet_server.url, "downloads")
    buttons = main(chair).locator('[data-testid="stDownloadButton"]')
    pdf = download(chair, buttons.filter(has_text=t("downloads_page.pdf", "th")), tmp_path)
    xlsx = download(chair, buttons.filter(has_text=t("downloads_page.xlsx", "th")), tmp_path)

    # Long Thai lines wrap without spaces, so compare with all whitespace removed.
    text = squash(pdf_text(pdf))
    assert "ผลการพิจารณาคัดเลือกผลิตภัณฑ์" in text
    assert squash(t("report.decision.none", "th")) not in text, (
        "the PDF says no decision was recorded: the Downloads page built it without the history"
    )
    assert squash(t("report.decision.other", "th", name=OTHER[1], id=OTHER[0])) in text
    assert squash(REASON) in text

    cells = xlsx_text(xlsx_sheets(xlsx))
    assert t("report.decision.none", "th") not in cells, "the xlsx says no decision was recorded"
    assert REASON in cells
    assert OTHER[1] in cells and NOMINEE[1] in cells
