"""GoogleSheetSource against the local Sheets API emulator, over real HTTP with real gspread.

Nothing of gspread or of the source is mocked: faults are injected by the emulator server.
"""

from __future__ import annotations

import logging
import time

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from kbo_dashboard.sources.google_http import RetryPolicy
from kbo_dashboard.sources.google_source import GoogleSheetSource, spreadsheet_key
from kbo_dashboard.sources.source import SourceError

EMAIL = "kbo-reader@kbo-test.iam.gserviceaccount.com"


@pytest.fixture(scope="module")
def service_account_info() -> dict:
    """A service-account key made up for the test (its token_uri is routed to the emulator)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return {
        "type": "service_account",
        "project_id": "kbo-test",
        "private_key_id": "abc123",
        "private_key": pem,
        "client_email": EMAIL,
        "client_id": "1",
        "token_uri": "https://oauth2.googleapis.com/token",
    }


def source(emu, key, policy, **kwargs) -> GoogleSheetSource:
    return GoogleSheetSource(key, api_url=emu.url, policy=policy, **kwargs)


def test_ragged_rows_empty_tab_and_types(sheets_emulator, fast_retries):
    key = sheets_emulator.create_spreadsheet(
        {
            "Products": [
                ["product_id", "score"],
                ["P1", 5, "", ""],
                [],
                ["P3", "", 2.5, True],
                ["", ""],
            ],
            "Empty": [],
        }
    )
    src = source(sheets_emulator, key, fast_retries)
    expected = {
        "Products": [["product_id", "score"], ["P1", 5], [], ["P3", "", 2.5, True]],
        "Empty": [],
    }
    assert src.fetch().tabs == expected  # cold start: the tab names, then values:batchGet
    assert src.fetch().tabs == expected  # warm: values:batchGet
    assert isinstance(src.fetch().tabs["Products"][1][1], int)  # 5, not 5.0


def test_one_request_per_refresh(sheets_emulator, fast_retries):
    tabs = {f"J{n:02d}": [["product_id", "inn"], ["P1", n]] for n in range(1, 28)}
    key = sheets_emulator.create_spreadsheet(tabs)
    src = source(sheets_emulator, key, fast_retries)
    src.fetch()
    assert sheets_emulator.request_count == 2  # cold start: the tab names, then the values
    names, values = sheets_emulator.requests
    assert "fields=" in names.path and "rowData" not in names.path  # names only, no cells
    assert "values:batchGet" in values.path
    for refresh in range(1, 6):
        raw = src.fetch()
        assert sheets_emulator.request_count == 2 + refresh
    assert "values:batchGet" in sheets_emulator.requests[-1].path
    assert raw.tabs["J27"] == [["product_id", "inn"], ["P1", 27]]


def test_renamed_tab_is_noticed_with_one_extra_request_once(sheets_emulator, fast_retries):
    key = sheets_emulator.create_spreadsheet({"Products": [["a"]], "J01": [["b"]]})
    src = source(sheets_emulator, key, fast_retries)
    src.fetch()
    sheets_emulator.rename_tab(key, "J01", "J01 (Somchai)")
    sheets_emulator.reset_log()
    assert list(src.fetch().tabs) == ["Products", "J01 (Somchai)"]
    assert sheets_emulator.request_count == 3  # the failed batchGet (400), the names, the values
    src.fetch()
    assert sheets_emulator.request_count == 4  # back to one request


def test_added_tab_is_noticed_at_the_next_relearn(sheets_emulator, fast_retries):
    key = sheets_emulator.create_spreadsheet({"Products": [["a"]]})
    src = source(sheets_emulator, key, fast_retries, relearn_after_s=3600)
    src.fetch()
    sheets_emulator.add_tab(key, "J02", [["late judge"]])
    sheets_emulator.reset_log()
    assert list(src.fetch().tabs) == ["Products"]  # not yet: the relearn is not due
    src.relearn_after_s = 0  # the relearn is due now
    assert src.fetch().tabs == {"Products": [["a"]], "J02": [["late judge"]]}
    assert sheets_emulator.request_count == 3  # the names changed: then the values, once
    sheets_emulator.reset_log()
    sheets_emulator.set_cell(key, "Products", "A1", "b")
    before = src.fetch()  # a relearn that finds the same names: one request, the last values
    assert sheets_emulator.request_count == 1 and "fields=" in sheets_emulator.requests[0].path
    assert before.tabs["Products"] == [["a"]]
    src.relearn_after_s = 3600
    assert src.fetch().tabs["Products"] == [["b"]]  # the next refresh reads the values
    assert sheets_emulator.request_count == 2


def test_429_burst_then_success(sheets_emulator, fast_retries):
    key = sheets_emulator.create_spreadsheet({"Products": [["a", 1]]})
    src = source(sheets_emulator, key, fast_retries)
    src.fetch()
    sheets_emulator.reset_log()
    sheets_emulator.inject(429, times=3)
    assert src.fetch().tabs == {"Products": [["a", 1]]}
    assert sheets_emulator.request_count == 4  # three refused, the fourth answered


@pytest.mark.parametrize("fault", [500, 503, "malformed", "drop"])
def test_single_fault_is_retried(sheets_emulator, fast_retries, fault):
    key = sheets_emulator.create_spreadsheet({"Products": [["a", 1]]})
    src = source(sheets_emulator, key, fast_retries)
    sheets_emulator.inject(fault)
    assert src.fetch().tabs == {"Products": [["a", 1]]}


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (500, "Google server error (500)"),
        (429, "read quota exceeded (429)"),
        ("malformed", "unreadable response"),
    ],
)
def test_retries_give_up_within_the_stated_time(sheets_emulator, fault, reason):
    policy = RetryPolicy(timeout_s=0.4, give_up_s=1.0, base_delay_s=0.05, max_delay_s=0.2)
    key = sheets_emulator.create_spreadsheet({"Products": [["a"]]})
    src = source(sheets_emulator, key, policy)
    sheets_emulator.inject(fault, times=1000)
    start = time.monotonic()
    with pytest.raises(SourceError) as err:
        src.fetch()
    elapsed = time.monotonic() - start
    assert elapsed < 1.0 + 1.0  # give_up_s plus slack for a loaded machine
    assert sheets_emulator.request_count >= 3  # it did retry
    assert err.value.kind == "unreachable"
    assert reason in err.value.message_en and "Google Sheets not reachable" in err.value.message_en
    sheets_emulator.clear_faults()
    assert src.fetch().tabs == {"Products": [["a"]]}  # a later refresh recovers by itself


def test_slow_server_times_out_within_the_budget(sheets_emulator):
    policy = RetryPolicy(timeout_s=0.3, give_up_s=1.0, base_delay_s=0.05, max_delay_s=0.1)
    key = sheets_emulator.create_spreadsheet({"Products": [["a"]]})
    src = source(sheets_emulator, key, policy)
    sheets_emulator.inject("slow", times=50, delay=2.0)
    start = time.monotonic()
    with pytest.raises(SourceError) as err:
        src.fetch()
    assert time.monotonic() - start < 1.0 + 1.0  # give_up_s plus slack
    assert "timed out" in err.value.message_en and "หมดเวลา" in err.value.message_th
    sheets_emulator.clear_faults()
    assert src.fetch().tabs == {"Products": [["a"]]}


def test_403_names_the_service_account_email(sheets_emulator, fast_retries, service_account_info):
    key = sheets_emulator.create_spreadsheet({"Products": []}, private=True)
    src = source(sheets_emulator, key, fast_retries, credentials_info=service_account_info)
    with pytest.raises(SourceError) as err:
        src.fetch()
    assert err.value.kind == "permission"
    assert EMAIL in err.value.message_en and EMAIL in err.value.message_th
    assert "Share" in err.value.message_en
    assert sheets_emulator.token_requests == 1  # the real service-account sign-in ran
    assert sheets_emulator.request_count == 1  # 403 is not retried


def test_404_asks_to_check_the_url_or_key(sheets_emulator, fast_retries):
    src = source(sheets_emulator, "1NoSuchSpreadsheetKey000", fast_retries)
    with pytest.raises(SourceError) as err:
        src.fetch()
    assert err.value.kind == "not_found"
    assert "1NoSuchSpreadsheetKey000" in err.value.message_en
    assert "URL" in err.value.message_th


def test_rejected_credentials_never_show_the_key(
    sheets_emulator, fast_retries, service_account_info, caplog
):
    sheets_emulator.reject_credentials = True
    key = sheets_emulator.create_spreadsheet({"Products": []})
    src = source(sheets_emulator, key, fast_retries, credentials_info=service_account_info)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(SourceError) as err:
        src.fetch()
    assert err.value.kind == "auth"
    assert "invalid_grant" in err.value.message_en
    secret = service_account_info["private_key"]
    body = secret.splitlines()[1]  # a line of the key itself
    shown = [
        err.value.message_en,
        err.value.message_th,
        str(err.value),
        repr(src),
        caplog.text,
        repr(err.value.__cause__),
        repr(err.value.__context__),
    ]
    assert not any(body in text or secret in text for text in shown)
    assert err.value.__suppress_context__  # tracebacks do not chain to google-auth's error


def test_unreadable_key_is_a_clear_message_without_the_key(
    sheets_emulator, fast_retries, service_account_info
):
    broken = dict(
        service_account_info,
        private_key="-----BEGIN PRIVATE KEY-----\nMIIEvQIB"
        "ADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
    )
    key = sheets_emulator.create_spreadsheet({"Products": []})
    src = source(sheets_emulator, key, fast_retries, credentials_info=broken)
    with pytest.raises(SourceError) as err:
        src.fetch()
    assert err.value.kind == "auth"
    assert "private_key" in err.value.message_en
    assert "MIIEvQIB" not in err.value.message_en + err.value.message_th


def test_missing_credentials_without_an_emulator_is_a_clear_message():
    src = GoogleSheetSource("1AbCdEfGhIjKlMnOpQrStUv")
    with pytest.raises(SourceError) as err:
        src.fetch()
    assert err.value.kind == "auth" and "no service-account key" in err.value.message_en


def test_url_or_bare_key():
    key = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms"
    assert spreadsheet_key(f"https://docs.google.com/spreadsheets/d/{key}/edit#gid=0") == key
    assert spreadsheet_key(f"  {key} ") == key
    with pytest.raises(SourceError) as err:
        spreadsheet_key("my scores sheet")
    assert err.value.kind == "config"


def test_cells_read_as_the_values_api_gives_them(sheets_emulator, fast_retries):
    """Numbers as numbers, a date or time cell as the text of its format (FORMATTED_STRING),
    never as a serial number that could pass for a score."""
    import datetime as dt

    tabs = {
        "Mixed": [
            ["text", 1, 2.5, True, False, "#REF!", dt.date(2022, 5, 23), dt.time(0, 10)],
            [],
            ["", "", "๑๘", "12,5"],
            ["x"],
        ]
    }
    key = sheets_emulator.create_spreadsheet(tabs)
    src = source(sheets_emulator, key, fast_retries)
    cold = src.fetch().tabs
    warm = src.fetch().tabs
    assert cold == warm
    assert warm["Mixed"][0] == ["text", 1, 2.5, True, False, "#REF!", "2022-05-23", "0:10:00"]
    assert "dateTimeRenderOption=FORMATTED_STRING" in sheets_emulator.requests[-1].path


@pytest.mark.parametrize("products", ["Products", "ผลิตภัณฑ์"])
def test_a_deleted_required_tab_is_seen_again_within_one_refresh(
    sheets_emulator, fast_retries, products
):
    """Products deleted mid-meeting, then restored: the refresh after the restore has it,
    whether the tab carries its English or its Thai name. Each change of the tab names costs
    one extra request, once."""
    key = sheets_emulator.create_spreadsheet({products: [["a"]], "Judges": [["b"]]})
    src = source(sheets_emulator, key, fast_retries, relearn_after_s=3600)
    src.fetch()
    book = sheets_emulator.book(key)
    gone = book.sheet_by_title(products)
    book.sheets.remove(gone)
    sheets_emulator.reset_log()
    assert list(src.fetch().tabs) == ["Judges"]  # the 400 on the old range, then relearnt
    assert sheets_emulator.request_count == 3  # 400, the names, the values
    assert list(src.fetch().tabs) == ["Judges"]  # still gone: the names only, one request
    assert sheets_emulator.request_count == 4
    book.sheets.insert(0, gone)
    assert list(src.fetch().tabs) == [products, "Judges"]  # no 120 s wait for the relearn
    assert sheets_emulator.request_count == 6  # the names (changed), then the values
