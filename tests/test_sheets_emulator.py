"""The emulator answers like the real Sheets API: real recorded traffic replayed against it.

Each cassette in shared/reference/google-sheets-api/ (beside the checkout) holds requests the
gspread test suite sent to Google and Google's answers. Every Sheets API request is sent again,
byte for byte, to the emulator, and its answer must equal the recorded one: status, error body,
range echo, ragged rows, number rendering. Only random IDs (sheetId, protectedRangeId) are
mapped.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import requests

from tests.sheets_emulator import SheetsEmulator

REFERENCE = "reference/google-sheets-api"


def _cassettes() -> Path:
    """The recorded traffic: ``KBO_SHEETS_REFERENCE``, else ``shared/`` beside the checkout."""
    candidates = [Path(__file__).resolve().parents[2] / "shared" / REFERENCE]
    if os.environ.get("KBO_SHEETS_REFERENCE"):
        candidates.insert(0, Path(os.environ["KBO_SHEETS_REFERENCE"]))
    candidates.append(Path("/work/shared") / REFERENCE)
    return next((c for c in candidates if c.is_dir()), candidates[0])


CASSETTES = _cassettes()


def test_the_recorded_traffic_is_there():
    """Without the recordings the comparison below has nothing to run; CI must have them."""
    if not CASSETTES.is_dir():
        message = f"no recorded Sheets API traffic at {CASSETTES} (set KBO_SHEETS_REFERENCE)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    assert len(list(CASSETTES.glob("*.json"))) >= 10


RANDOM_IDS = ("sheetId", "protectedRangeId")
SHEETS = "https://sheets.googleapis.com"


def _sessions(cassette: dict) -> list[list[dict]]:
    """Interactions grouped by the Drive 'create spreadsheet' call that starts each run."""
    sessions: list[list[dict]] = [[]]
    for it in cassette["interactions"]:
        req = it["request"]
        if req["method"] == "POST" and "drive/v3/files" in req["uri"]:
            sessions.append([it])
        else:
            sessions[-1].append(it)
    return [s for s in sessions if s]


def _ids(obj, found: list) -> None:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in RANDOM_IDS and isinstance(v, int):
                found.append(v)
            _ids(v, found)
    elif isinstance(obj, list):
        for v in obj:
            _ids(v, found)


def _normalise(obj, mapping: dict[int, int]):
    if isinstance(obj, dict):
        return {
            k: (
                mapping.get(v, v)
                if k in RANDOM_IDS
                else ["<editor>"] * len(v)
                if k == "users"
                else _normalise(v, mapping)
            )
            for k, v in obj.items()
            if k != "spreadsheetTheme"
        }
    if isinstance(obj, list):
        return [_normalise(v, mapping) for v in obj]
    return obj


def replay(emu: SheetsEmulator, session: list[dict]) -> int:
    """Replay one run; returns how many Sheets API answers were compared."""
    first = session[0]
    if "drive/v3/files" in first["request"]["uri"] and first["response"]["body"]["string"]:
        created = json.loads(first["response"]["body"]["string"])
        emu.create_spreadsheet(spreadsheet_id=created["id"], title=created["name"])
    to_emu: dict[int, int] = {}  # recorded id -> emulator id
    compared = 0
    for it in session:
        req, res = it["request"], it["response"]
        if not req["uri"].startswith(SHEETS):
            continue
        key = req["uri"].split("/spreadsheets/")[1].split("/")[0].split("?")[0].split(":")[0]
        if res["status"]["code"] == 403 and key not in emu.books:
            emu.create_spreadsheet(spreadsheet_id=key, private=True)
        body = req["body"]
        if body:
            body = json.dumps(_normalise(json.loads(body), to_emu))
        answer = requests.request(
            req["method"],
            emu.url + req["uri"][len(SHEETS) :],
            data=body,
            headers={"Content-Type": "application/json"},
            timeout=5,
        )
        expected_text = res["body"]["string"]
        assert answer.status_code == res["status"]["code"], (req["uri"], answer.text)
        if not expected_text:
            continue
        expected, actual = json.loads(expected_text), answer.json()
        recorded_ids, emu_ids = [], []
        _ids(expected, recorded_ids)
        _ids(actual, emu_ids)
        if len(recorded_ids) == len(emu_ids):
            to_emu.update({r: e for r, e in zip(recorded_ids, emu_ids, strict=True) if r != e})
        back = {e: r for r, e in to_emu.items()}
        assert _normalise(actual, back) == _normalise(expected, {}), req["uri"]
        compared += 1
    return compared


@pytest.mark.parametrize("name", sorted(p.name for p in CASSETTES.glob("*.json")))
def test_emulator_answers_as_recorded(name):
    cassette = json.loads((CASSETTES / name).read_text())
    with SheetsEmulator() as emu:
        compared = sum(replay(emu, session) for session in _sessions(cassette))
    assert compared >= 1


def test_ragged_rows_and_empty_range_have_the_recorded_shape(sheets_emulator):
    key = sheets_emulator.create_spreadsheet(
        {"Sheet 1": [["a", 1, "", ""], [], ["", 2.5]], "Blank": []}
    )
    url = f"{sheets_emulator.url}/v4/spreadsheets/{key}/values:batchGet"
    got = requests.get(
        url,
        params={
            "ranges": ["'Sheet 1'", "Blank", "'Sheet 1'!B1:C2"],
            "valueRenderOption": "UNFORMATTED_VALUE",
        },
        timeout=5,
    ).json()
    assert got["valueRanges"] == [
        {
            "range": "'Sheet 1'!A1:Z1000",
            "majorDimension": "ROWS",
            "values": [["a", 1], [], ["", 2.5]],
        },
        {"range": "Blank!A1:Z1000", "majorDimension": "ROWS"},  # no "values" key
        {"range": "'Sheet 1'!B1:C2", "majorDimension": "ROWS", "values": [[1]]},
    ]
    formatted = requests.get(url, params={"ranges": "'Sheet 1'"}, timeout=5).json()
    assert formatted["valueRanges"][0]["values"] == [["a", "1"], [], ["", "2.5"]]


def test_unknown_tab_is_the_real_400(sheets_emulator):
    key = sheets_emulator.create_spreadsheet({"Products": []})
    got = requests.get(
        f"{sheets_emulator.url}/v4/spreadsheets/{key}/values:batchGet",
        params={"ranges": "'Gone'"},
        timeout=5,
    )
    assert got.status_code == 400
    assert got.json() == {
        "error": {
            "code": 400,
            "message": "Unable to parse range: 'Gone'",
            "status": "INVALID_ARGUMENT",
        }
    }


def test_faults_and_request_log(sheets_emulator):
    key = sheets_emulator.create_spreadsheet({"Products": [["x"]]})
    url = f"{sheets_emulator.url}/v4/spreadsheets/{key}"
    sheets_emulator.inject(429, times=2)
    sheets_emulator.inject("malformed")
    codes = [requests.get(url, timeout=5).status_code for _ in range(4)]
    assert codes == [429, 429, 200, 200]
    assert sheets_emulator.request_count == 4
    assert sheets_emulator.requests[0].method == "GET"
    sheets_emulator.reset_log()
    assert sheets_emulator.request_count == 0


def test_control_api_edits_a_cell(sheets_emulator):
    key = sheets_emulator.create_spreadsheet({"J01": [["product_id", "inn"], ["P1"]]})
    requests.post(
        f"{sheets_emulator.url}/_emulator/cell",
        timeout=5,
        json={"spreadsheet": key, "tab": "J01", "cell": "B2", "value": "18"},
    )
    assert sheets_emulator.values(key, "J01") == [["product_id", "inn"], ["P1", 18]]


def test_gspread_appends_to_a_decision_tab(sheets_emulator):
    from kbo_dashboard.sources.google_http import load_credentials, make_gspread_client

    key = sheets_emulator.create_spreadsheet({"Decision": [["time", "nominee"], ["t1", "P-01"]]})
    client = make_gspread_client(load_credentials(anonymous_ok=True), sheets_emulator.url)
    worksheet = client.open_by_key(key).worksheet("Decision")
    reply = worksheet.append_row(["t2", "P-03"], value_input_option="RAW")
    assert reply["updates"]["updatedRange"] == "Decision!A3:B3"
    assert sheets_emulator.values(key, "Decision")[-1] == ["t2", "P-03"]
