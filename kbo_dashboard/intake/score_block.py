"""A score tab's criterion cells read as one array: every clean number at once.

A cell holding a plain finite number (``int`` or ``float``, not ``bool``) from 0 to the
criterion's maximum is valid and needs no message, so it is read with numpy. Every other cell
that is not plainly blank is marked :data:`SLOW`: the caller reads it on its own with the same
cell functions as always (:func:`~kbo_dashboard.intake.cells.read_score`), so its issue and
message stay exactly as they were.
"""

from __future__ import annotations

import numpy as np

from kbo_dashboard.sources.source import Rows

BLANK, VALID, SLOW, INVALID = 0, 1, 2, 3


def grid(rows: Rows, width: int) -> np.ndarray:
    """Ragged rows as an object array of ``width`` columns, short rows padded with None."""
    pad = [None] * width
    square = [r[:width] if len(r) >= width else [*r, *pad[: width - len(r)]] for r in rows]
    out = np.empty((len(square), width), dtype=object)
    if square:
        out[:] = square
    return out


def _as_float(cells: np.ndarray, number: np.ndarray) -> np.ndarray:
    """Floats of the numeric cells (NaN elsewhere); an int too big for a float stays SLOW."""
    values = np.full(cells.size, np.nan)
    try:
        values[number] = cells[number].astype(float)
    except OverflowError:
        for i in np.flatnonzero(number):
            try:
                values[i] = float(cells[i])
            except OverflowError:
                number[i] = False
    return values


def classify(block: np.ndarray, maxima: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(status, value) per cell of an (rows, criteria) block: BLANK, VALID or SLOW."""
    cells = block.ravel()
    types = np.fromiter(map(type, cells), dtype=object, count=cells.size)
    # numpy's stubs take no type object as an operand; an object array compares elementwise.
    number = np.equal(types, float) | np.equal(types, int)  # type: ignore[call-overload]
    values = _as_float(cells, number).reshape(block.shape)
    number = number.reshape(block.shape)
    with np.errstate(invalid="ignore"):
        ok = number & np.isfinite(values) & (values >= 0) & (values <= maxima[None, :])
    blank = np.equal(types, type(None)) | np.equal(cells, "")  # type: ignore[call-overload]
    blank = blank.reshape(block.shape)
    status = np.where(ok, VALID, np.where(blank, BLANK, SLOW)).astype(np.int8)
    return status, values
