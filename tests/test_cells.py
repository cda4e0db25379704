"""Reading one score cell: numbers, Thai digits, decimal commas, sheet errors and text."""

import pytest

from kbo_dashboard.intake.cells import cell_text, format_number, read_score


@pytest.mark.parametrize(
    ("cell", "kind", "value", "note"),
    [
        (18, "number", 18.0, ""),
        (17.5, "number", 17.5, ""),
        ("18", "number", 18.0, ""),
        (" 7.25 ", "number", 7.25, ""),
        ("๑๘", "converted", 18.0, "thai_digits"),
        ("๑๗.๕", "converted", 17.5, "thai_digits"),
        ("12,5", "converted", 12.5, "decimal_comma"),
        ("๑๒,๕", "converted", 12.5, "thai_digits"),
        ("-3", "number", -3.0, ""),
        ("", "blank", None, ""),
        ("   ", "blank", None, ""),
        (None, "blank", None, ""),
        ("#REF!", "sheet_error", None, ""),
        ("#n/a", "sheet_error", None, ""),
        ("#DIV/0!", "sheet_error", None, ""),
        ("#VALUE!", "sheet_error", None, ""),
        ("ดีมาก", "not_a_number", None, ""),
        ("1,000,5", "not_a_number", None, ""),
        (True, "not_a_number", None, ""),
        (float("nan"), "not_a_number", None, ""),
    ],
)
def test_read_score(cell, kind, value, note):
    reading = read_score(cell)
    assert (reading.kind, reading.value, reading.note) == (kind, value, note)


def test_number_formatting_drops_trailing_zeros():
    assert format_number(18.0) == "18"
    assert format_number(17.50) == "17.5"
    assert format_number(2 / 3) == "0.67"
    assert cell_text(101.0) == "101"
    assert cell_text("  P-01 ") == "P-01"
