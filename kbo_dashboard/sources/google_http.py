"""HTTP plumbing for Google Sheets: credentials, bounded retries, and the emulator endpoint.

* :class:`RetryPolicy` / :class:`RetryingHTTPClient`: gspread's own ``HTTPClient`` with bounded
  exponential backoff plus jitter on 429, 408, 5xx, timeouts, dropped connections and unreadable
  JSON. Unlike gspread 6.2.1's ``BackOffHTTPClient`` it gives up: a call never takes longer than
  ``RetryPolicy.give_up_s`` (default 10 s); the last attempt's timeout is cut to the time left.
* :class:`EmulatorSession`: with ``KBO_SHEETS_API_URL`` set, every request for
  ``https://sheets.googleapis.com`` (and the OAuth token endpoint) goes to that v4-compatible
  server instead, the way Google's own emulators use ``*_EMULATOR_HOST``. gspread is not patched;
  it is handed this session.
* :func:`load_credentials`: service-account credentials from fields or a JSON key file, or
  anonymous credentials for an emulator. Errors never include the key.
"""

from __future__ import annotations

import hashlib
import json
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from typing import Any, TypeVar

import gspread
import requests
from google.auth import exceptions as auth_exceptions
from google.auth.credentials import AnonymousCredentials, Credentials
from google.auth.transport.requests import AuthorizedSession, Request
from google.oauth2 import service_account
from gspread.exceptions import APIError
from gspread.http_client import HTTPClient

from kbo_dashboard.i18n import both

SHEETS_HOST = "https://sheets.googleapis.com"
READ_SCOPES = ("https://www.googleapis.com/auth/spreadsheets.readonly",)
WRITE_SCOPES = ("https://www.googleapis.com/auth/spreadsheets",)
RETRY_STATUS = {HTTPStatus.REQUEST_TIMEOUT, HTTPStatus.TOO_MANY_REQUESTS}
T = TypeVar("T")


class CredentialsError(Exception):
    """Credentials could not be built; the reasons are safe to show (they never hold the key)."""

    def __init__(self, key: str, **params: object):
        self.reason_th, self.reason_en = both(key, **params)
        super().__init__(self.reason_en)


class GaveUp(Exception):
    """Retries ran out. ``last`` is the last failure, ``attempts`` and ``elapsed_s`` the effort."""

    def __init__(self, last: BaseException, attempts: int, elapsed_s: float):
        super().__init__(f"gave up after {attempts} attempts in {elapsed_s:.1f} s")
        self.last, self.attempts, self.elapsed_s = last, attempts, elapsed_s


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded exponential backoff with jitter.

    Attempt ``n`` (1-based) that fails with a transient error waits
    ``min(max_delay_s, base_delay_s * 2**(n-1))`` times a random factor in [0.5, 1], unless that
    wait would pass the ``give_up_s`` budget, in which case the call gives up at once. Each attempt
    waits at most ``timeout_s`` for the server, and never past the budget.
    """

    timeout_s: float = 5.0
    give_up_s: float = 10.0
    base_delay_s: float = 0.5
    max_delay_s: float = 4.0

    def delay(self, attempt: int) -> float:
        return min(self.max_delay_s, self.base_delay_s * 2 ** (attempt - 1)) * random.uniform(
            0.5, 1.0
        )


def is_transient(exc: BaseException) -> bool:
    """Worth retrying: quota, server trouble, timeouts, dropped connections, garbled JSON."""
    if isinstance(exc, APIError):
        status = exc.response.status_code
        return status in RETRY_STATUS or status >= 500
    if isinstance(
        exc, (requests.Timeout, requests.ConnectionError, auth_exceptions.TransportError)
    ):
        return True
    return isinstance(exc, json.JSONDecodeError)


class RetryingHTTPClient(HTTPClient):
    """gspread's HTTP client with :class:`RetryPolicy`. Use :meth:`call` to retry a whole step
    (request plus JSON decoding); a bare :meth:`request` retries by itself."""

    def __init__(
        self,
        auth: Any,
        session: requests.Session | None = None,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        super().__init__(auth, session)
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        self._local = threading.local()

    def call(self, step: Callable[[], T]) -> T:
        """Run ``step`` (which makes one request) with retries; raises :class:`GaveUp`."""
        if getattr(self._local, "deadline", None) is not None:
            return step()  # already inside a retry loop: one attempt
        start = time.monotonic()
        self._local.deadline = start + self.policy.give_up_s
        attempt = 0
        try:
            while True:
                attempt += 1
                try:
                    return step()
                except Exception as exc:  # noqa: BLE001 - sorted by is_transient
                    if not is_transient(exc):
                        raise
                    wait = self.policy.delay(attempt)
                    if time.monotonic() + wait >= self._local.deadline:
                        raise GaveUp(exc, attempt, time.monotonic() - start) from exc
                    self._sleep(wait)
        finally:
            self._local.deadline = None

    def request(
        self,
        method: str,
        endpoint: str,
        params: Any = None,
        data: Any = None,
        json: Any = None,
        files: Any = None,
        headers: Any = None,
    ) -> requests.Response:
        def once() -> requests.Response:
            deadline = self._local.deadline
            left = deadline - time.monotonic() if deadline else self.policy.timeout_s
            timeout = max(0.05, min(self.policy.timeout_s, left))
            response = self.session.request(
                method=method,
                url=endpoint,
                json=json,
                params=params,
                data=data,
                files=files,
                headers=headers,
                timeout=timeout,
            )
            if not response.ok:
                raise APIError(response)
            return response

        return self.call(once)


def _rewrite(url: str | bytes, base: str) -> str:
    if isinstance(url, bytes):  # requests takes either; it decodes bytes as UTF-8 too
        url = url.decode("utf-8")
    if url.startswith(SHEETS_HOST):
        return base + url[len(SHEETS_HOST) :]
    if url.startswith("https://") and url.split("?")[0].endswith("/token"):
        return base + "/token"  # OAuth token endpoint (oauth2.googleapis.com/token)
    return url


class _RewritingSession(requests.Session):
    def __init__(self, base: str):
        super().__init__()
        self.base = base.rstrip("/")

    def request(
        self, method: str, url: str | bytes, *args: Any, **kwargs: Any
    ) -> requests.Response:
        return super().request(method, _rewrite(url, self.base), *args, **kwargs)


class EmulatorSession(AuthorizedSession):
    """An authorised session whose Google URLs all point at ``base`` (an emulator)."""

    def __init__(self, credentials: Credentials, base: str, refresh_timeout: float = 5.0):
        super().__init__(
            credentials,
            auth_request=Request(_RewritingSession(base)),
            refresh_timeout=refresh_timeout,
        )
        self.base = base.rstrip("/")

    def request(
        self, method: str, url: str | bytes, *args: Any, **kwargs: Any
    ) -> requests.Response:
        return super().request(method, _rewrite(url, self.base), *args, **kwargs)


def load_credentials(
    info: Mapping[str, Any] | None = None,
    file: str | None = None,
    *,
    anonymous_ok: bool = False,
    scopes: tuple[str, ...] = READ_SCOPES,
) -> Credentials:
    """Service-account credentials from ``info`` fields or a JSON key ``file``.

    With neither and ``anonymous_ok`` (an emulator), anonymous credentials. Raises
    :class:`CredentialsError`, whose text never contains the key.
    """
    if not info and file:
        try:
            with open(file, encoding="utf-8") as fh:
                info = json.load(fh)
        except FileNotFoundError:
            raise CredentialsError("gs.cred.file_missing", file=file) from None
        except (OSError, ValueError):
            raise CredentialsError("gs.cred.file_bad", file=file) from None
    if not info:
        if anonymous_ok:
            return AnonymousCredentials()
        raise CredentialsError("gs.cred.none")
    missing = [k for k in ("client_email", "private_key", "token_uri") if not info.get(k)]
    if missing:
        raise CredentialsError("gs.cred.fields_missing", fields=", ".join(missing))
    try:
        return service_account.Credentials.from_service_account_info(
            dict(info), scopes=list(scopes)
        )
    except (ValueError, TypeError, IndexError):
        raise CredentialsError("gs.cred.key_unreadable") from None


def service_account_email(info: Mapping[str, Any] | None, file: str | None) -> str | None:
    """The service account's e-mail (not a secret: it is what people share the sheet with)."""
    if info and info.get("client_email"):
        return str(info["client_email"])
    if file:
        try:
            with open(file, encoding="utf-8") as fh:
                return json.load(fh).get("client_email")
        except (OSError, ValueError, AttributeError):
            return None
    return None


def _session(
    credentials: Credentials, api_url: str | None, policy: RetryPolicy
) -> requests.Session:
    if api_url:
        return EmulatorSession(credentials, api_url, policy.timeout_s)
    return AuthorizedSession(credentials, refresh_timeout=policy.timeout_s)


def make_http_client(
    credentials: Credentials, api_url: str | None = None, policy: RetryPolicy | None = None
) -> RetryingHTTPClient:
    """A retrying gspread HTTP client, routed to ``api_url`` when given."""
    policy = policy or RetryPolicy()
    return RetryingHTTPClient(None, session=_session(credentials, api_url, policy), policy=policy)


def make_gspread_client(
    credentials: Credentials, api_url: str | None = None, policy: RetryPolicy | None = None
) -> gspread.Client:
    """A real :class:`gspread.Client` over :class:`RetryingHTTPClient` (for init-sheet)."""
    policy = policy or RetryPolicy()
    # gspread's annotations ask for credentials (unused when a session is given) and for an
    # HTTPClient class (it only calls it).
    return gspread.Client(
        None,  # type: ignore[arg-type]
        session=_session(credentials, api_url, policy),
        http_client=partial(RetryingHTTPClient, policy=policy),  # type: ignore[arg-type]
    )


class LastAnswer:
    """The newest answer's SHA-256 and what was read from it. An answer the same byte for byte
    (and of the same kind) is not decoded again, so an unchanged sheet costs a hash, not 10 MB
    of JSON to decode (issue 21); the caller gets the same fingerprint and values back."""

    def __init__(self) -> None:
        self.kind: Any = None
        self.answer: tuple[str, Any] | None = None

    def get(self, http: RetryingHTTPClient, kind: Any, url: str, params: Any, read) -> tuple:
        """One GET with retries: (the answer's SHA-256, ``read(its JSON)``)."""

        def once() -> tuple[str, Any]:
            response = http.request("get", url, params=params)
            seen = hashlib.sha256(response.content).hexdigest()
            if self.answer is not None and self.kind == kind and self.answer[0] == seen:
                return self.answer
            return seen, read(response.json())

        self.answer, self.kind = http.call(once), kind
        return self.answer
