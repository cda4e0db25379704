"""Reading one score cell as a judge typed it.

Judges type into a shared sheet, so a cell can hold a JSON number (the API's UNFORMATTED_VALUE),
a number typed as text, Thai digits (๐–๙), a decimal comma, a sheet error such as ``#REF!``,
or free text. Only ASCII and Thai digits make a number: other scripts' digits, fullwidth digits
and thousands separators are text, flagged at their cell. :func:`read_score` turns each into a
number or a reason it is not one.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

#: Thai digits ๐-๙, read as 0-9 here and written for 0-9 by documents (``thai_numerals``).
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_FROM_THAI = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
SHEET_ERRORS = frozenset(
    {"#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#ERROR!", "#SPILL!"}
)
#: A decimal comma has one or two digits after it: "17,5". "1,000" (a thousands separator, or
#: a slip?) is not read as a number. Digits are ASCII (after Thai digits are translated): not
#: ``\d``, which takes Arabic-Indic (١٠) and fullwidth (１０) digits too (issue 18).
_DECIMAL_COMMA = re.compile(r"^[+-]?[0-9]+,[0-9]{1,2}$")
_NUMBER = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
#: Larger numbers are not read as numbers: no score, maximum, weight, quorum or year is near
#: it, and sums of a few of them stay finite (1e308 + 1e308 would be inf).
MAX_NUMBER = 1e15


def with_thai_digits(text: str) -> str:
    """``text`` with every ASCII digit written as a Thai digit (``12`` -> ``๑๒``)."""
    return text.translate(_TO_THAI)


@dataclass(frozen=True)
class CellReading:
    """What a cell holds. ``kind``: blank, number, converted, sheet_error or not_a_number.

    ``note`` names the conversion for a converted value: ``thai_digits`` or ``decimal_comma``.
    """

    kind: str
    value: float | None = None
    note: str = ""
    raw: str = ""

    @property
    def is_number(self) -> bool:
        return self.kind in ("number", "converted")


def is_blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def read_score(cell: object) -> CellReading:
    """Read a score cell. Never raises."""
    if is_blank(cell):
        return CellReading("blank")
    if isinstance(cell, bool):
        return CellReading("not_a_number", raw=str(cell).upper())
    if isinstance(cell, (int, float)):
        value = finite(cell)
        if value is None:
            return CellReading("not_a_number", raw=cell_text(cell))
        return CellReading("number", value, raw=format_number(value))
    text = str(cell).strip()
    if text.upper() in SHEET_ERRORS:
        return CellReading("sheet_error", raw=text.upper())
    plain = text.translate(_FROM_THAI)
    note = "thai_digits" if plain != text else ""
    if _DECIMAL_COMMA.match(plain):
        plain = plain.replace(",", ".")
        note = note or "decimal_comma"
    value = finite(plain) if _NUMBER.match(plain) else None
    if value is None:  # not a number, or too many digits to be one (``9`` x 400 -> inf)
        return CellReading("not_a_number", raw=text)
    return CellReading("converted" if note else "number", value, note, text)


def finite(value: object) -> float | None:
    """``value`` as a finite float, or None (inf, nan, and ints or digit strings beyond
    float range: a 400-digit number typed as text). Never raises."""
    try:
        number = float(value)  # type: ignore[arg-type]  # any value: what float() refuses is caught
    except (OverflowError, ValueError, TypeError):
        return None
    return number if math.isfinite(number) and abs(number) <= MAX_NUMBER else None


def format_number(value: float | int) -> str:
    """A score as people write it: ``18``, ``17.5``."""
    value = float(value)
    if value.is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def cell_text(cell: object) -> str:
    """A raw cell as text, for IDs and names. Numbers lose a trailing ``.0``."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return str(cell).upper()
    if isinstance(cell, (int, float)):
        if finite(cell) is not None:
            return format_number(cell)
        if isinstance(cell, int):  # hundreds of digits (str() refuses past 4,300): its size
            return f"~1e{int(abs(cell).bit_length() * 0.30103)}"
        return str(cell)
    return str(cell).strip()
