"""Settings from Streamlit secrets and the environment, and the source they choose."""

from __future__ import annotations

import pytest

from kbo_dashboard.sources.config import (
    MIN_TTL_S,
    cache_seconds,
    clamp_ttl,
    load_settings,
    make_source,
)
from kbo_dashboard.sources.source import SourceError

KEY = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms"
FAKE_PEM = "-----BEGIN PRIVATE KEY-----\\nnot-a-real-key\\n-----END PRIVATE KEY-----\\n"
SECRETS = {
    "connections": {
        "kbo": {
            "spreadsheet": f"https://docs.google.com/spreadsheets/d/{KEY}/",
            "type": "service_account",
            "private_key": FAKE_PEM,
            "client_email": "reader@p.iam.gserviceaccount.com",
        }
    }
}


def test_no_configuration_means_the_demo():
    settings = load_settings(None, {})
    assert settings.kind == "demo" and make_source(settings).kind == "demo"


def test_workbook_from_env_or_top_level_secret():
    assert load_settings(None, {"KBO_WORKBOOK": "a.xlsx"}).workbook == "a.xlsx"
    settings = load_settings({"KBO_WORKBOOK": "b.xlsx"}, {})
    assert settings.kind == "workbook" and make_source(settings).kind == "workbook"


def test_google_from_secrets_wins_over_the_workbook():
    settings = load_settings(dict(SECRETS, KBO_WORKBOOK="b.xlsx"), {})
    assert settings.kind == "google"
    assert settings.credentials_info["private_key"].count("\n") == 3  # "\n" escapes undone
    source = make_source(settings)
    assert source.kind == "google" and source.key == KEY
    assert "not-a-real-key" not in repr(settings) + repr(source) + source.describe()


def test_environment_overrides_secrets():
    env = {
        "KBO_SPREADSHEET": "1OtherKey0123456789",
        "KBO_SERVICE_ACCOUNT_FILE": "/k.json",
        "KBO_SHEETS_API_URL": "http://127.0.0.1:9",
        "KBO_CACHE_TTL": "30",
    }
    settings = load_settings(SECRETS, env)
    assert settings.spreadsheet == "1OtherKey0123456789"
    assert settings.credentials_info is None and settings.credentials_file == "/k.json"
    assert settings.api_url == "http://127.0.0.1:9" and settings.cache_ttl_s == 30


def test_google_application_credentials_is_only_a_fallback():
    env = {"GOOGLE_APPLICATION_CREDENTIALS": "/gac.json"}
    assert load_settings(SECRETS, env).credentials_file is None
    assert load_settings(None, dict(env, KBO_SPREADSHEET=KEY)).credentials_file == "/gac.json"


def test_service_account_json_from_env():
    settings = load_settings(
        None, {"KBO_SPREADSHEET": KEY, "KBO_SERVICE_ACCOUNT_JSON": '{"client_email": "a@b"}'}
    )
    assert settings.client_email == "a@b"
    with pytest.raises(SourceError):
        load_settings(None, {"KBO_SERVICE_ACCOUNT_JSON": "{not json"})


@pytest.mark.parametrize(
    ("value", "ttl"),
    [
        (None, 15.0),
        ("abc", 15.0),
        ("1", MIN_TTL_S),
        ("0", MIN_TTL_S),
        ("-3", MIN_TTL_S),
        ("20", 20.0),
        ("nan", 15.0),
    ],
)
def test_ttl_is_clamped_so_reads_stay_far_below_the_quota(value, ttl):
    assert clamp_ttl(value if value is not None else "") == ttl
    # At the smallest TTL a read is shared for 5 - 1 = 4 s: 60 / 4 = 15 a minute, a quarter of 60.
    assert 60 / cache_seconds(clamp_ttl(value)) <= 15


def test_bad_spreadsheet_value_is_a_config_error():
    settings = load_settings(None, {"KBO_SPREADSHEET": "my scores"})
    with pytest.raises(SourceError) as err:
        make_source(settings)
    assert err.value.kind == "config"
