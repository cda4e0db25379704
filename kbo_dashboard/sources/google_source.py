"""Read the committee's workbook live from Google Sheets: one API request per refresh.

How one refresh stays one request
---------------------------------
Every refresh is one ``values:batchGet`` over every known tab, with
``valueRenderOption=UNFORMATTED_VALUE`` and ``dateTimeRenderOption=FORMATTED_STRING``: numbers
come as JSON numbers, text as strings, and a date or time cell as the text of its number format
(``2022-05-23``, ``0:10:00``), so a score typed into a cell formatted as a time is flagged at its
cell, as an .xlsx reads it (:mod:`~kbo_dashboard.sources.workbook`), never counted as 0.0069.
Values-only answers are several times smaller than ``spreadsheets.get`` with grid data (each cell
is a bare value, not ``{"effectiveValue": {...}}``): about 1 MB instead of 20 MB at 270 judges.

The tab names come from ``spreadsheets.get`` with ``fields`` kept to the tabs' properties (a few
kB), which also gives each tab's ``sheetId`` for its direct link (:mod:`~kbo_dashboard.sources.
sheet_links`)::

    fields=properties(title),sheets(properties(sheetId,title,sheetType))

* Cold start: the tab names, then the values: two small requests, once.
* Added tab: a ``batchGet`` cannot see it, so every ``relearn_after_s`` (default 120 s) one refresh
  asks for the tab names *instead of* the values, and shows the values already read (one TTL
  older). A new judge's tab shows up within two minutes plus one TTL; that refresh is one request.
* Renamed, deleted or added tab: when the names changed, or the ``batchGet`` answers 400 "Unable
  to parse range", that refresh reads the values with the new names (two requests, once per
  change).
* Required tab missing (Products or Judges deleted): each refresh asks for the names until it is
  back, so a restored tab shows within one TTL.

Faults: 429, 408, 5xx, timeouts, dropped connections and garbled JSON are retried with bounded
backoff (:class:`~kbo_dashboard.sources.google_http.RetryPolicy`; a refresh gives up after
``give_up_s``, 10 s by default). Every failure becomes a :class:`SourceError` in Thai and English;
403 names the service-account e-mail to share the sheet with. Keys and tokens are never shown.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections.abc import Mapping
from typing import Any

import requests
from google.auth import exceptions as auth_exceptions
from google.auth.credentials import Credentials
from gspread.exceptions import APIError, NoValidUrlKeyFound
from gspread.urls import SPREADSHEET_URL, SPREADSHEET_VALUES_BATCH_URL
from gspread.utils import extract_id_from_url

from kbo_dashboard.i18n import both
from kbo_dashboard.sources.google_http import (
    CredentialsError,
    GaveUp,
    LastAnswer,
    RetryingHTTPClient,
    RetryPolicy,
    load_credentials,
    make_http_client,
    service_account_email,
)
from kbo_dashboard.sources.layout import REQUIRED_TABS, TAB_NAMES
from kbo_dashboard.sources.sheet_links import tab_links
from kbo_dashboard.sources.source import RawWorkbook, SourceError

log = logging.getLogger(__name__)

NAME_FIELDS = "properties(title),sheets(properties(sheetId,title,sheetType))"
VALUE_PARAMS = {
    "valueRenderOption": "UNFORMATTED_VALUE",
    "dateTimeRenderOption": "FORMATTED_STRING",
    "majorDimension": "ROWS",
}
_KEY = re.compile(r"^[A-Za-z0-9_-]{10,}$")


def spreadsheet_key(value: str) -> str:
    """The spreadsheet key from a Google Sheets URL or a bare key."""
    text = (value or "").strip()
    if "/" in text:
        try:
            return extract_id_from_url(text)
        except NoValidUrlKeyFound:
            pass
    elif _KEY.match(text):
        return text
    th, en = both("gs.bad_spreadsheet", value=text[:80])
    raise SourceError(en, th, kind="config")


def quote_tab(name: str) -> str:
    """A tab name as an A1 range for the whole tab: ``'Judge 01'`` (quotes doubled inside)."""
    return "'" + name.replace("'", "''") + "'"


def _trim(rows: list[list[Any]]) -> list[list[Any]]:
    """Drop trailing blanks in each row and trailing empty rows, as the values API does."""
    out = []
    for row in rows:
        row = list(row)
        while row and row[-1] in ("", None):
            row.pop()
        out.append(row)
    while out and not out[-1]:
        out.pop()
    return out


def tabs_from_values(names: list[str], body: Mapping[str, Any]) -> dict[str, list[list[Any]]]:
    """Each tab's rows from a ``values:batchGet`` body asked for ``names`` in order."""
    value_ranges = body.get("valueRanges", [])
    if len(value_ranges) != len(names):
        raise ValueError("valueRanges do not match the ranges asked for")
    return {name: _trim(vr.get("values", [])) for name, vr in zip(names, value_ranges, strict=True)}


def grid_tabs(body: Mapping[str, Any]) -> list[str]:
    """The titles of the tabs that hold cells (not charts), in the sheet's order."""
    return [
        sheet.get("properties", {}).get("title", "")
        for sheet in body.get("sheets", [])
        if sheet.get("properties", {}).get("sheetType", "GRID") == "GRID"
    ]


class GoogleSheetSource:
    """The committee's workbook in a Google Sheet, read through the real gspread HTTP client.

    ``spreadsheet`` is a URL or a key. Credentials come from ``credentials_info`` (the JSON key's
    fields), ``credentials_file``, or ready ``credentials``; with ``api_url`` (an emulator) and
    none of them, anonymous credentials are used. ``fetch`` is thread-safe.
    """

    kind = "google"

    def __init__(
        self,
        spreadsheet: str,
        *,
        credentials_info: Mapping[str, Any] | None = None,
        credentials_file: str | None = None,
        credentials: Credentials | None = None,
        api_url: str | None = None,
        policy: RetryPolicy | None = None,
        relearn_after_s: float = 120.0,
    ):
        self.key = spreadsheet_key(spreadsheet)
        self.api_url = api_url or None
        self.policy = policy or RetryPolicy()
        self.relearn_after_s = relearn_after_s
        self.email = service_account_email(credentials_info, credentials_file)
        self._info, self._file, self._credentials = credentials_info, credentials_file, credentials
        self._http: RetryingHTTPClient | None = None
        self._tabs: list[str] | None = None
        self._links: dict[str, str] = {}
        self._learnt_at = -math.inf
        self._required_seen: set[str] = set()
        self.title: str | None = None
        self._last = LastAnswer()  # an unchanged answer is not decoded again
        self._names = LastAnswer()
        self._previous: RawWorkbook | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:  # no credentials here, ever
        return f"GoogleSheetSource(key={self.key!r}, api_url={self.api_url!r})"

    def describe(self) -> str:
        return f"Google Sheet “{self.title}”" if self.title else f"Google Sheet {self.key[:8]}…"

    # --- reading ---
    def fetch(self) -> RawWorkbook:
        """Every tab's raw cells, one request per refresh (see the module doc). Raises
        SourceError."""
        with self._lock:
            try:
                http = self._client()
                if self._tabs is None or self._previous is None:
                    self._learn(http)
                    return self._fetch_values(http)
                if time.monotonic() - self._learnt_at >= self.relearn_after_s:
                    if not self._learn(http):
                        return self._previous  # this refresh's one request was the names
                    return self._fetch_values(http)
                try:
                    return self._fetch_values(http)
                except APIError as exc:
                    if exc.response.status_code != 400 or "parse range" not in _message(exc):
                        raise
                    log.info("a tab was renamed or deleted; learning the tab names again")
                    self._learn(http)
                    return self._fetch_values(http)
            except SourceError:
                raise
            except Exception as exc:  # noqa: BLE001 - every failure becomes a SourceError
                error = self._source_error(exc)
                log.warning("Google Sheets read failed: %s", error.message_en)
                raise error from None

    def _learn(self, http: RetryingHTTPClient) -> bool:
        """Learn the tab names and links (a few kB). True when the names changed."""

        def read(body: Mapping[str, Any]) -> tuple:
            return grid_tabs(body), body.get("properties", {}), tab_links(self.key, body)

        url, params = SPREADSHEET_URL % self.key, {"fields": NAME_FIELDS}
        _, (tabs, props, links) = self._names.get(http, "names", url, params, read)
        changed = tabs != self._tabs
        self.title = props.get("title") or self.title
        self._tabs, self._learnt_at, self._links = list(tabs), time.monotonic(), links
        names = {name.strip().casefold() for name in tabs}
        present = {tab for tab in REQUIRED_TABS if _spellings(tab) & names}
        self._required_seen |= present
        if self._required_seen - present:
            # A required tab this sheet had is gone (deleted mid-meeting): every refresh asks
            # for the names, so a restored tab is back within one TTL.
            self._learnt_at = -math.inf
        return changed

    def _fetch_values(self, http: RetryingHTTPClient) -> RawWorkbook:
        names = list(self._tabs or [])
        params = {**VALUE_PARAMS, "ranges": [quote_tab(name) for name in names]}
        url, read = SPREADSHEET_VALUES_BATCH_URL % self.key, (lambda b: tabs_from_values(names, b))
        seen, tabs = self._last.get(http, ("values", *names), url, params, read)
        self._previous = RawWorkbook(tabs, links=dict(self._links), fingerprint=f"values:{seen}")
        return self._previous

    def _client(self) -> RetryingHTTPClient:
        if self._http is None:
            credentials = self._credentials or load_credentials(
                self._info, self._file, anonymous_ok=bool(self.api_url)
            )
            self._http = make_http_client(credentials, self.api_url, self.policy)
        return self._http

    def open_for_writing(self) -> Any:
        """The spreadsheet as a gspread ``Spreadsheet`` with write scope (the Decision tab)."""
        from kbo_dashboard.sources.google_http import WRITE_SCOPES, make_gspread_client

        credentials = self._credentials or load_credentials(
            self._info, self._file, anonymous_ok=bool(self.api_url), scopes=WRITE_SCOPES
        )
        client = make_gspread_client(credentials, self.api_url, self.policy)
        return client.open_by_key(self.key)

    # --- errors ---
    def _source_error(self, exc: BaseException) -> SourceError:
        error = source_error(exc, self.key, self.email)
        if error.kind == "auth":
            self._http = None  # build fresh credentials next time
        return error


def source_error(exc: BaseException, key: str, email: str | None) -> SourceError:
    """Any failure talking to Google Sheets as a SourceError that is safe to show."""
    attempts, seconds = 1, 0.0
    if isinstance(exc, GaveUp):
        attempts, seconds, exc = exc.attempts, exc.elapsed_s, exc.last
    if isinstance(exc, CredentialsError):
        return _auth_error(exc.reason_th, exc.reason_en)
    if isinstance(exc, auth_exceptions.GoogleAuthError):
        return _auth_error(*both("gs.cred.rejected", code=_oauth_code(exc)))
    if isinstance(exc, APIError):
        status = exc.response.status_code
        if status == 403:
            who_th, who_en = (email, email) if email else both("gs.service_account")
            th = both("gs.permission", email=who_th)[0]
            en = both("gs.permission", email=who_en)[1]
            return SourceError(en, th, kind="permission")
        if status == 404:
            th, en = both("gs.not_found", key=key)
            return SourceError(en, th, kind="not_found")
        if status == 401:
            return _auth_error(*both("gs.cred.rejected", code="401 UNAUTHENTICATED"))
        if status == 429:
            reason = both("gs.reason.quota")
        elif status >= 500 or status == 408:
            reason = both("gs.reason.server", code=status)
        else:
            th, en = both("gs.bad_request", message=_message(exc)[:200])
            return SourceError(en, th, kind="error")
    elif isinstance(exc, requests.Timeout):
        reason = both("gs.reason.timeout")
    elif isinstance(exc, (requests.ConnectionError, auth_exceptions.TransportError)):
        reason = both("gs.reason.connection")
    else:
        reason = both("gs.reason.malformed")
    secs = f"{seconds:.1f}"
    th = both("gs.unreachable", reason=reason[0], attempts=attempts, seconds=secs)[0]
    en = both("gs.unreachable", reason=reason[1], attempts=attempts, seconds=secs)[1]
    return SourceError(en, th, kind="unreachable")


def _message(exc: APIError) -> str:
    error = exc.error if isinstance(exc.error, Mapping) else {}
    return str(error.get("message", ""))


def _oauth_code(exc: BaseException) -> str:
    """The OAuth error code (e.g. ``invalid_grant``) of a refresh failure, nothing else."""
    args = getattr(exc, "args", ())
    for arg in args:
        if isinstance(arg, Mapping) and isinstance(arg.get("error"), str):
            return arg["error"][:40]
    text = str(args[0]) if args else ""
    match = re.match(r"^([a-z_]{3,40}):", text)
    return match.group(1) if match else type(exc).__name__


def _auth_error(reason_th: str, reason_en: str) -> SourceError:
    th = both("gs.auth", reason=reason_th)[0]
    en = both("gs.auth", reason=reason_en)[1]
    return SourceError(en, th, kind="auth")


def _spellings(tab: str) -> set[str]:
    """A reference tab's names as the parser matches them (Thai or English, any case)."""
    return {name.strip().casefold() for name in (tab, *TAB_NAMES.get(tab, ()))}
