"""Which source the dashboard reads, from Streamlit secrets and environment variables.

Streamlit's convention: ``[connections.kbo]`` in ``.streamlit/secrets.toml`` holds

* ``spreadsheet``: the Google Sheet's URL or key;
* the service account, either as the JSON key's fields (``type``, ``project_id``,
  ``private_key_id``, ``private_key``, ``client_email``, ``token_uri``, ...) or as
  ``service_account_file = "path/to/key.json"``.

For servers, environment variables override it: ``KBO_SPREADSHEET``, ``KBO_SERVICE_ACCOUNT_JSON``
(the key file's JSON text), ``KBO_SERVICE_ACCOUNT_FILE`` (or, as a last resort,
``GOOGLE_APPLICATION_CREDENTIALS``), ``KBO_SHEETS_API_URL`` (a Sheets API v4-compatible server
such as the test emulator instead of Google), ``KBO_CACHE_TTL`` (seconds between reads, default
15, at least 5) and ``KBO_WORKBOOK`` (a local .xlsx; also a top-level secrets key).

Choice: the Google Sheet when ``spreadsheet`` is set, else ``KBO_WORKBOOK``, else the demo.
Quota: Google allows 60 reads per minute per user. One refresh is one read and the result is
shared by every viewer. The cache lives ``cache_ttl_s`` minus :data:`EARLY_EXPIRY_S`, so the
pages' refresh tick (every ``cache_ttl_s``) always finds it expired and an edit reaches an open
page within one TTL. At the 5 s minimum that is at most 15 reads a minute (plus one at start-up),
a quarter of the quota; at the default 15 s, at most 5 a minute.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kbo_dashboard.i18n import both
from kbo_dashboard.sources.source import Source, SourceError

SECTION = "kbo"
DEFAULT_TTL_S = 15.0
EARLY_EXPIRY_S = 1.0
MIN_TTL_S = 5.0
MAX_TTL_S = 3600.0
SERVICE_ACCOUNT_FIELDS = (
    "type",
    "project_id",
    "private_key_id",
    "private_key",
    "client_email",
    "client_id",
    "auth_uri",
    "token_uri",
    "auth_provider_x509_cert_url",
    "client_x509_cert_url",
    "universe_domain",
)
DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token"


@dataclass(frozen=True)
class Settings:
    """Where the data comes from. ``credentials_info`` is secret and left out of ``repr``."""

    spreadsheet: str | None = None
    credentials_info: Mapping[str, Any] | None = field(default=None, repr=False)
    credentials_file: str | None = None
    api_url: str | None = None
    workbook: str | None = None
    cache_ttl_s: float = DEFAULT_TTL_S
    timeout_s: float = 5.0
    give_up_s: float = 10.0

    @property
    def kind(self) -> str:
        """ "google", "workbook" or "demo": the source :func:`make_source` builds."""
        if self.spreadsheet:
            return "google"
        return "workbook" if self.workbook else "demo"

    @property
    def client_email(self) -> str | None:
        if self.credentials_info:
            return self.credentials_info.get("client_email")
        return None


def cache_seconds(ttl_s: float) -> float:
    """How long one read is shared: a little less than the pages' refresh interval."""
    return max(1.0, ttl_s - EARLY_EXPIRY_S)


def clamp_ttl(value: Any) -> float:
    """Seconds between reads: a number, at least MIN_TTL_S; anything unreadable -> default."""
    try:
        ttl = float(value)
    except (TypeError, ValueError):
        return DEFAULT_TTL_S
    if ttl != ttl:  # NaN
        return DEFAULT_TTL_S
    return min(MAX_TTL_S, max(MIN_TTL_S, ttl))


def _section(secrets: Mapping | None) -> Mapping[str, Any]:
    if not secrets:
        return {}
    try:
        connections = secrets.get("connections") or {}
        return connections.get(SECTION) or {}
    except AttributeError:
        return {}


def _credentials_from_section(section: Mapping[str, Any]) -> dict[str, Any] | None:
    info = {k: section[k] for k in SERVICE_ACCOUNT_FIELDS if section.get(k)}
    if not info.get("private_key"):
        return None
    info.setdefault("type", "service_account")
    info.setdefault("token_uri", DEFAULT_TOKEN_URI)
    # A key pasted into TOML with literal "\n" sequences still works.
    info["private_key"] = str(info["private_key"]).replace("\\n", "\n")
    return info


def load_settings(secrets: Mapping | None, environ: Mapping[str, str]) -> Settings:
    """Settings from Streamlit secrets (``st.secrets`` or a parsed secrets.toml) and ``environ``.

    Environment variables win over secrets.toml. Raises :class:`SourceError` (kind ``config``)
    only when ``KBO_SERVICE_ACCOUNT_JSON`` is not valid JSON.
    """
    section = _section(secrets)
    env = {k: v for k, v in environ.items() if v not in (None, "")}

    info = _credentials_from_section(section)
    file = section.get("service_account_file") or None
    if env.get("KBO_SERVICE_ACCOUNT_JSON"):
        try:
            info = dict(json.loads(env["KBO_SERVICE_ACCOUNT_JSON"]))
        except (ValueError, TypeError):
            th, en = both("cfg.bad_json", name="KBO_SERVICE_ACCOUNT_JSON")
            raise SourceError(en, th, kind="config") from None
        file = None
    elif env.get("KBO_SERVICE_ACCOUNT_FILE"):
        info, file = None, env["KBO_SERVICE_ACCOUNT_FILE"]
    elif not info and not file and env.get("GOOGLE_APPLICATION_CREDENTIALS"):
        file = env["GOOGLE_APPLICATION_CREDENTIALS"]

    workbook = env.get("KBO_WORKBOOK")
    if not workbook and secrets:
        try:
            workbook = secrets.get("KBO_WORKBOOK") or section.get("workbook")
        except AttributeError:
            workbook = None

    def number(name: str, key: str, default: float) -> float:
        try:
            return max(0.5, float(env.get(name, section.get(key, default))))
        except (TypeError, ValueError):
            return default

    return Settings(
        spreadsheet=env.get("KBO_SPREADSHEET") or section.get("spreadsheet") or None,
        credentials_info=info,
        credentials_file=str(file) if file else None,
        api_url=env.get("KBO_SHEETS_API_URL") or section.get("api_url") or None,
        workbook=str(workbook) if workbook else None,
        cache_ttl_s=clamp_ttl(env.get("KBO_CACHE_TTL", section.get("cache_ttl", DEFAULT_TTL_S))),
        timeout_s=number("KBO_SHEETS_TIMEOUT", "timeout", 5.0),
        give_up_s=number("KBO_SHEETS_GIVE_UP", "give_up", 10.0),
    )


def read_secrets_file(path: str | os.PathLike = ".streamlit/secrets.toml") -> dict[str, Any]:
    """A secrets.toml parsed without Streamlit (for the command line); {} when absent."""
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's error has no ``lineno`` (3.14's has): its message says "(at line N, …)".
        line = re.search(r"line (\d+)", str(exc))
        th, en = both("cfg.bad_toml", name=Path(path).name, line=line[1] if line else "?")
        raise SourceError(en, th, kind="config") from None


def streamlit_secrets(project: str | os.PathLike = ".streamlit/secrets.toml") -> dict[str, Any]:
    """The secrets Streamlit would load: ``~/.streamlit/secrets.toml``, then the project's file.

    Streamlit's documented order: both files are read and combined; on a key in both, the
    project's file wins (a top-level update, so its ``[connections]`` table replaces the
    global one whole, as in ``st.secrets``).
    """
    merged: dict[str, Any] = {}
    for path in (Path.home() / ".streamlit" / "secrets.toml", Path(project)):
        merged.update(read_secrets_file(path))
    return merged


def make_source(settings: Settings) -> Source:
    """The source the settings describe: Google Sheet, else .xlsx workbook, else the demo.

    Raises :class:`SourceError` (kind ``config``) when ``spreadsheet`` is not a URL or key.
    Credentials are checked on the first ``fetch``, so a bad key shows as a data-source error.
    """
    if settings.kind == "google":
        from kbo_dashboard.sources.google_http import RetryPolicy  # gspread: only when used
        from kbo_dashboard.sources.google_source import GoogleSheetSource

        return GoogleSheetSource(
            settings.spreadsheet or "",
            credentials_info=settings.credentials_info,
            credentials_file=settings.credentials_file,
            api_url=settings.api_url,
            policy=RetryPolicy(timeout_s=settings.timeout_s, give_up_s=settings.give_up_s),
        )
    if settings.kind == "workbook":
        from kbo_dashboard.sources.workbook import WorkbookSource

        return WorkbookSource(settings.workbook or "")
    from kbo_dashboard.sources.demo import DemoSource

    return DemoSource()
