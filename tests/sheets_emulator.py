"""A local, stateful Google Sheets API v4 emulator for tests, benchmarks and browser tests.

It is a real HTTP server on 127.0.0.1 (a free port). Point the app at it with
``KBO_SHEETS_API_URL=http://127.0.0.1:PORT``; the real gspread client then talks to it over HTTP.

    with SheetsEmulator() as emu:
        key = emu.create_spreadsheet({"Products": [["product_id"], ["P01"]]})
        emu.inject(429, times=2)          # the next two API requests answer 429
        ...
        emu.request_count, emu.requests   # what the client sent (method, path)

Faults apply, in queue order, to the next Sheets API requests: an HTTP error status (429, 500,
503, 403, 404), ``"slow"`` (answer after ``delay`` seconds), ``"malformed"`` (200 with a body cut
short), ``"drop"`` (close the connection), ``"lost"`` (carry the request out, then answer 503,
as when a write lands but its answer is lost) and ``"pass"`` (no fault: answer normally). A
fault injected with ``method="POST"`` applies to the next POST only. A spreadsheet made with
``private=True`` answers 403 like a sheet that was not shared. ``POST /token`` stands in for
Google's OAuth token endpoint (``reject_credentials`` makes it answer ``invalid_grant``).

A test-only control API under ``/_emulator/`` lets another process (a browser test) do the same:
``POST /_emulator/fault`` ``{"kind": 429, "times": 2, "delay": 0}``, ``POST /_emulator/cell``
``{"spreadsheet", "tab", "cell", "value"}``, ``GET /_emulator/requests``, ``POST /_emulator/reset``.

CLI: ``python -m tests.sheets_emulator --port 8765 --seed-demo`` prints the spreadsheet key.
"""

from __future__ import annotations

import argparse
import itertools
import json
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests import sheets_emulator_api as api
from tests.sheets_emulator_model import (
    ApiError,
    Sheet,
    Spreadsheet,
    not_found,
    parse_range,
    permission_denied,
    stored,
    user_entered,
)

_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}
_MESSAGES = {
    401: "Request had invalid authentication credentials. Expected OAuth 2 access token, login "
    "cookie or other valid authentication credential. See https://developers.google.com/"
    "identity/sign-in/web/devconsole-project.",
    403: "The caller does not have permission",
    404: "Requested entity was not found.",
    429: "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute "
    "per user' of service 'sheets.googleapis.com' for consumer 'project_number:0'.",
    500: "Internal error encountered.",
    503: "The service is currently unavailable.",
}


@dataclass(frozen=True)
class Fault:
    kind: int | str  # an HTTP status, "slow", "malformed", "drop", "lost" or "pass"
    delay: float = 0.0
    method: str | None = None  # only for requests with this HTTP method (None: any)


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # with the query string, percent-decoded


class SheetsEmulator:
    """The emulator: spreadsheets in memory plus a threaded HTTP server. A context manager."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, require_auth: bool = False):
        self.books: dict[str, Spreadsheet] = {}
        self.lock = threading.RLock()
        self.faults: deque[Fault] = deque()
        self.requests: list[Request] = []
        self.token_requests = 0
        self.require_auth = require_auth
        self.reject_credentials = False
        self._tokens: set[str] = set()
        self._ids = itertools.count(1_000_001, 7919)
        self.server = ThreadingHTTPServer((host, port), _Handler)
        self.server.daemon_threads = True
        self.server.emulator = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    # --- lifecycle ---
    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> SheetsEmulator:
        self._thread = threading.Thread(
            target=self.server.serve_forever, daemon=True, kwargs={"poll_interval": 0.05}
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> SheetsEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- seeding and editing ---
    def next_id(self) -> int:
        return next(self._ids)

    def create_spreadsheet(
        self,
        tabs: dict[str, list[list[Any]]] | None = None,
        *,
        spreadsheet_id: str | None = None,
        title: str = "KBO scores",
        private: bool = False,
    ) -> str:
        """A new spreadsheet holding ``tabs`` (raw values, stored as typed); returns its key."""
        key = spreadsheet_id or "1" + secrets.token_urlsafe(32)[:43]
        book = Spreadsheet(key, title, private=private)
        for name, rows in (tabs or {"Sheet1": []}).items():
            self._seed_sheet(book, name, rows)
        with self.lock:
            self.books[key] = book
        return key

    def _seed_sheet(self, book: Spreadsheet, name: str, rows: list[list[Any]]) -> Sheet:
        sheet_id = 0 if not book.sheets else self.next_id()
        width = max((len(r) for r in rows), default=0)
        sheet = Sheet(
            sheet_id,
            name,
            [[stored(v) for v in row] for row in rows],
            row_count=max(1000, len(rows)),
            column_count=max(26, width),
        )
        book.sheets.append(sheet)
        return sheet

    def book(self, key: str) -> Spreadsheet:
        return self.books[key]

    def sheet(self, key: str, tab: str) -> Sheet:
        sheet = self.books[key].sheet_by_title(tab)
        if sheet is None:
            raise KeyError(tab)
        return sheet

    def add_tab(self, key: str, tab: str, rows: list[list[Any]] | None = None) -> None:
        with self.lock:
            self._seed_sheet(self.books[key], tab, rows or [])

    def rename_tab(self, key: str, old: str, new: str) -> None:
        with self.lock:
            self.sheet(key, old).title = new

    def set_cell(self, key: str, tab: str, cell: str, value: Any, *, typed: bool = True) -> None:
        """Put ``value`` in ``tab!cell`` as a person typing it would (``typed=False``: as is)."""
        with self.lock:
            book = self.books[key]
            rng = parse_range(book, f"'{tab.replace(chr(39), chr(39) * 2)}'!{cell}", clip=False)
            rng.sheet.set(rng.r0, rng.c0, user_entered(value) if typed else stored(value))

    def values(self, key: str, tab: str, option: str = "UNFORMATTED_VALUE") -> list[list[Any]]:
        """A tab's values as ``values.get`` would render them (ragged)."""
        with self.lock:
            book = self.books[key]
            return api.values_get(
                book, f"'{tab.replace(chr(39), chr(39) * 2)}'", {"valueRenderOption": [option]}
            ).get("values", [])

    # --- faults and the request log ---
    def inject(
        self, kind: int | str, times: int = 1, delay: float = 0.0, method: str | None = None
    ) -> None:
        """Answer the next ``times`` API requests with fault ``kind`` (see the module doc);
        with ``method`` ("POST"), the next requests with that method only."""
        with self.lock:
            self.faults.extend(Fault(kind, delay, method) for _ in range(times))

    def _next_fault(self, method: str) -> Fault | None:
        """The first queued fault for a ``method`` request, taken off the queue."""
        for fault in self.faults:
            if fault.method in (None, method):
                self.faults.remove(fault)
                return None if fault.kind == "pass" else fault
        return None

    def clear_faults(self) -> None:
        with self.lock:
            self.faults.clear()

    @property
    def request_count(self) -> int:
        return len(self.requests)

    def reset_log(self) -> None:
        with self.lock:
            self.requests.clear()
            self.token_requests = 0

    def issue_token(self) -> str:
        token = "emu-" + secrets.token_hex(8)
        with self.lock:
            self._tokens.add(token)
        return token

    def authorised(self, header: str | None) -> bool:
        if not self.require_auth:
            return True
        return bool(header) and header.removeprefix("Bearer ").strip() in self._tokens


def _route(emu: SheetsEmulator, method: str, path: str, query: dict, body: Any) -> Any:
    """Dispatch one ``/v4/spreadsheets/...`` call; returns the JSON body or raises ApiError."""
    rest = path.removeprefix("/v4/spreadsheets/")
    key, sep, tail = rest.partition("/values")
    if not sep:
        key, _, verb = rest.partition(":")
    book = emu.books.get(unquote(key))
    if book is None:
        raise not_found()
    if book.private:
        raise permission_denied()
    if not sep:
        if method == "GET" and not verb:
            return api.spreadsheets_get(book, query)
        if method == "POST" and verb == "batchUpdate":
            return api.batch_update(book, body, emu.next_id)
        raise not_found()
    if tail == ":batchGet" and method == "GET":
        return api.values_batch_get(book, query)
    if tail == ":batchUpdate" and method == "POST":
        return api.values_batch_update(book, body)
    if tail == ":batchClear" and method == "POST":
        for text in body.get("ranges", []):
            api.values_clear(book, text)
        return {"spreadsheetId": book.spreadsheet_id, "clearedRanges": body.get("ranges", [])}
    if not tail.startswith("/"):
        raise not_found()
    raw = tail[1:]
    for suffix, fn in ((":append", api.values_append), (":clear", None)):
        if raw.endswith(suffix) and method == "POST":
            text = unquote(raw[: -len(suffix)])
            return fn(book, text, query, body) if fn else api.values_clear(book, text)
    if method == "GET":
        return api.values_get(book, unquote(raw), query)
    if method == "PUT":
        return api.values_update(book, unquote(raw), query, body)
    raise not_found()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like Google
    disable_nagle_algorithm = True  # no 40 ms stalls between header and body writes
    server_version = "ESF"

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    @property
    def emu(self) -> SheetsEmulator:
        return self.server.emulator  # type: ignore[attr-defined]

    def _send(self, status: int, payload: Any = None, raw: bytes | None = None) -> None:
        data = (
            raw if raw is not None else json.dumps(payload, indent=2, ensure_ascii=False).encode()
        )
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (a timeout test)

    def _body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return {}
        ctype = self.headers.get("Content-Type", "")
        if "x-www-form-urlencoded" in ctype:
            return {k: v[0] for k, v in parse_qs(raw.decode()).items()}
        return json.loads(raw)

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def _handle(self, method: str) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        try:
            body = self._body()
        except (ValueError, UnicodeDecodeError):
            self._send(
                400, ApiError(400, "INVALID_ARGUMENT", "Invalid JSON payload received.").body()
            )
            return
        if parts.path.startswith("/_emulator/"):
            self._control(method, parts.path, body)
        elif parts.path == "/token":
            self._token()
        elif parts.path.startswith("/v4/spreadsheets"):
            self._api(method, parts.path, query, body)
        else:
            self._send(404, not_found().body())

    def _api(self, method: str, path: str, query: dict, body: Any) -> None:
        emu = self.emu
        with emu.lock:
            emu.requests.append(Request(method, unquote(self.path)))
            fault = emu._next_fault(method)
        if fault is not None and fault.kind == "drop":
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        elif isinstance(fault, Fault) and isinstance(fault.kind, int):
            code = fault.kind
            self._send(
                code,
                ApiError(code, _STATUS.get(code, "UNKNOWN"), _MESSAGES.get(code, "Error")).body(),
            )
            return
        if not emu.authorised(self.headers.get("Authorization")):
            self._send(401, ApiError(401, "UNAUTHENTICATED", _MESSAGES[401]).body())
            return
        try:
            with emu.lock:
                payload = _route(emu, method, path, query, body)
        except ApiError as err:
            self._send(err.code, err.body())
            return
        except (KeyError, ValueError, TypeError, AttributeError):
            self._send(
                400, ApiError(400, "INVALID_ARGUMENT", "Invalid JSON payload received.").body()
            )
            return
        if fault is not None and fault.kind == "lost":  # done, but the answer never arrives
            self._send(503, ApiError(503, _STATUS[503], _MESSAGES[503]).body())
            return
        if fault is not None and fault.kind == "malformed":
            self._send(200, raw=json.dumps(payload).encode()[:40] + b"<html>")
            return
        self._send(200, payload)

    def _token(self) -> None:
        emu = self.emu
        with emu.lock:
            emu.token_requests += 1
        if emu.reject_credentials:
            self._send(
                400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}
            )
            return
        self._send(
            200, {"access_token": emu.issue_token(), "expires_in": 3599, "token_type": "Bearer"}
        )

    def _control(self, method: str, path: str, body: Any) -> None:
        emu = self.emu
        verb = path.removeprefix("/_emulator/")
        if verb == "requests" and method == "GET":
            self._send(
                200,
                {
                    "count": emu.request_count,
                    "requests": [[r.method, r.path] for r in emu.requests],
                },
            )
        elif verb == "reset" and method == "POST":
            emu.reset_log()
            emu.clear_faults()
            self._send(200, {})
        elif verb == "fault" and method == "POST":
            kind = body.get("kind")
            emu.inject(
                int(kind) if str(kind).isdigit() else kind,
                int(body.get("times", 1)),
                float(body.get("delay", 0)),
            )
            self._send(200, {})
        elif verb == "cell" and method == "POST":
            emu.set_cell(body["spreadsheet"], body["tab"], body["cell"], body["value"])
            self._send(200, {})
        else:
            self._send(404, not_found().body())


def demo_tabs() -> dict[str, list[list[Any]]]:
    """The demo workbook (:mod:`kbo_dashboard.sources.demo`), or a tiny stand-in."""
    try:
        from kbo_dashboard.sources.demo import demo_tabs as lead_demo_tabs
    except ImportError:
        return {"Products": [["product_id", "product_name"], ["P01", "demo"]]}
    return lead_demo_tabs()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Local Google Sheets API v4 emulator")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--seed-demo", action="store_true", help="create the demo spreadsheet")
    parser.add_argument("--key", default=None, help="spreadsheet key to use for the seed")
    args = parser.parse_args(argv)
    emu = SheetsEmulator(port=args.port)
    if args.seed_demo:
        key = emu.create_spreadsheet(demo_tabs(), spreadsheet_id=args.key)
        print(f"KBO_SPREADSHEET={key}", flush=True)
    print(f"KBO_SHEETS_API_URL={emu.url}", flush=True)
    try:
        emu.server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    finally:
        emu.server.server_close()


if __name__ == "__main__":
    main()
