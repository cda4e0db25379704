"""A light Streamlit viewer over the browser's websocket protocol, for ``bench/load.py``.

One :class:`Session` costs a websocket and a coroutine, not a Chromium renderer, so 50 of them
fit on a 2-core machine next to the server and the load measures the server, not the browser.
It speaks the protocol of Streamlit 1.67's frontend (``static/js/index.*.js``):

- connect to ``ws://HOST:PORT/_stcore/stream`` with the subprotocols ``streamlit`` and
  ``PLACEHOLDER_AUTH_TOKEN`` (what the page sends with no XSRF cookie) and a same-origin
  ``Origin``;
- send one ``BackMsg.rerun_script`` (a ``ClientState``: the query string, ``page_name`` from the
  URL path, an empty ``page_script_hash`` on the first run, the browser's context) and read
  ``ForwardMsg`` s: ``new_session``, ``delta`` (elements), ``script_finished`` and so on;
- ``auto_rerun`` (a fragment with ``run_every``): send a rerun of that fragment every
  ``interval`` seconds with ``is_auto_rerun``, as the page's ``setInterval`` does, until a
  ``stop_auto_rerun``;
- keep cacheable messages by hash and report their hashes with each rerun
  (``cached_message_hashes``), resolving ``ref_hash`` answers from that cache.

A session "sees the nominee" when an element's text (an alert, markdown, metric or heading)
contains the nominee's id. Errors are counted: an ``exception`` element, a compile error, a
page not found, a dropped connection, a step that timed out. Widgets are found by the end of
their id (``…-chair_password`` for ``key="chair_password"``), so a client can fill a form.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

STREAM = "/_stcore/stream"
SUBPROTOCOLS = ["streamlit", "PLACEHOLDER_AUTH_TOKEN"]
TEXT_ELEMENTS = ("alert", "markdown", "metric", "heading")
FINISHED = ForwardMsg.ScriptFinishedStatus
WIDGET_ELEMENTS = ("text_input", "button", "text_area", "checkbox", "radio", "selectbox")


@dataclass
class Tally:
    """What one session saw; times are seconds since the session began connecting."""

    nominee_at: float | None = None
    runs: int = 0  # whole-page runs finished
    fragment_runs: int = 0  # auto-reruns (the page's live fragment) finished
    nominee_refreshes: int = 0  # fragment runs that sent the nominee again
    errors: list[str] = field(default_factory=list)
    messages: int = 0
    bytes: int = 0


class Session:
    """One viewer's websocket session on one page of the app."""

    def __init__(self, host: str, port: int, page: str = "", query: str = "lang=en",
                 nominee: str = "P-15") -> None:  # fmt: skip
        self.url = f"ws://{host}:{port}{STREAM}"
        self.origin = f"http://{host}:{port}"
        self.page, self.query, self.nominee = page, query, nominee
        self.tally = Tally()
        self.began = 0.0
        self.page_hash = ""
        self.widgets: dict[str, str] = {}  # widget id -> element kind
        self.texts: list[str] = []
        self._ws = None
        self._cache: dict[str, ForwardMsg] = {}
        self._timers: dict[str, tuple[float, asyncio.Task]] = {}
        self._changed = asyncio.Condition()
        self._reader: asyncio.Task | None = None
        self._run_saw_nominee = False
        self.closed = False

    # --- connection ---
    async def open(self) -> None:
        """Connect and ask for the page, as the browser does after loading index.html."""
        self.began = time.monotonic()
        self._ws = await websockets.connect(
            self.url, subprotocols=SUBPROTOCOLS, origin=self.origin, max_size=None,
            open_timeout=60, ping_interval=None,
        )  # fmt: skip
        self._reader = asyncio.create_task(self._read())
        await self.rerun()

    async def close(self) -> None:
        self.closed = True
        for _, task in self._timers.values():
            task.cancel()
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)

    def elapsed(self) -> float:
        return time.monotonic() - self.began

    # --- sending ---
    async def rerun(self, widgets: list[WidgetState] | None = None, fragment_id: str = "",
                    auto: bool = False) -> None:  # fmt: skip
        """A ``rerun_script``: the first page load, a form submit or a fragment's tick."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        if not self.page_hash:
            state.page_name = self.page
        state.fragment_id = fragment_id
        state.is_auto_rerun = auto
        state.widget_states.widgets.extend(widgets or [])
        state.cached_message_hashes.extend(self._cache)
        context = state.context_info
        context.timezone, context.timezone_offset, context.locale = "Asia/Bangkok", -420, "th-TH"
        context.url = f"{self.origin}/{self.page}?{self.query}"
        await self._ws.send(msg.SerializeToString())

    def widget_id(self, key: str) -> str | None:
        """The id of the widget made with ``key=key`` on the page so far, or None."""
        return next((w for w in self.widgets if w.endswith(f"-{key}")), None)

    # --- receiving ---
    async def _read(self) -> None:
        try:
            async for data in self._ws:
                self.tally.messages += 1
                self.tally.bytes += len(data)
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._handle(msg)
                async with self._changed:
                    self._changed.notify_all()
        except websockets.ConnectionClosed as closed:
            if not self.closed:
                self.tally.errors.append(f"disconnected ({closed.rcvd})")
        except Exception as error:  # noqa: BLE001 - any failure is an error to count
            self.tally.errors.append(f"client {type(error).__name__}: {error}")
        else:
            if not self.closed:
                self.tally.errors.append("disconnected by the server")
        finally:
            self.closed = True
            async with self._changed:
                self._changed.notify_all()

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if msg.metadata.cacheable and msg.hash:
            self._cache[msg.hash] = msg
        if kind == "ref_hash":
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                self.tally.errors.append("unknown ref_hash")
                return
            msg, kind = cached, cached.WhichOneof("type")
        if kind == "new_session" and msg.new_session.page_script_hash:
            self.page_hash = msg.new_session.page_script_hash
        elif kind == "navigation" and msg.navigation.page_script_hash:
            self.page_hash = msg.navigation.page_script_hash  # the page st.navigation ran
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._element(msg.delta.new_element)
        elif kind == "auto_rerun":
            self._start_timer(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            for fragment in msg.stop_auto_rerun.fragment_ids:
                self._stop_timer(fragment)
        elif kind == "script_finished":
            self._finished(msg.script_finished)
        elif kind == "page_not_found":
            self.tally.errors.append("page not found")
        elif kind == "session_event" and msg.session_event.WhichOneof("type") in (
            "script_compilation_exception",
        ):
            self.tally.errors.append("script compilation error")

    def _element(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.tally.errors.append(f"exception {element.exception.type}: "
                                     f"{element.exception.message[:120]}")  # fmt: skip
            return
        if kind in WIDGET_ELEMENTS:
            self.widgets[getattr(element, kind).id] = kind
        if kind not in TEXT_ELEMENTS:
            return
        body = getattr(element, kind).body
        self.texts.append(body)
        if self.nominee in body:
            self._run_saw_nominee = True
            if self.tally.nominee_at is None:
                self.tally.nominee_at = self.elapsed()

    def _finished(self, status: int) -> None:
        if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
            self.tally.errors.append("compile error")
        elif status == FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
            self.tally.fragment_runs += 1
            self.tally.nominee_refreshes += self._run_saw_nominee
        elif status == FINISHED.FINISHED_SUCCESSFULLY:
            self.tally.runs += 1
        self._run_saw_nominee = False

    # --- the page's own timers (fragment run_every) ---
    def _start_timer(self, fragment_id: str, interval: float) -> None:
        if not fragment_id or self._timers.get(fragment_id, (None,))[0] == interval:
            return
        self._stop_timer(fragment_id)
        task = asyncio.create_task(self._tick(fragment_id, interval))
        self._timers[fragment_id] = (interval, task)

    def _stop_timer(self, fragment_id: str) -> None:
        timer = self._timers.pop(fragment_id, None)
        if timer is not None:
            timer[1].cancel()

    async def _tick(self, fragment_id: str, interval: float) -> None:
        while not self.closed:
            await asyncio.sleep(interval)
            if self.closed:
                return
            try:
                await self.rerun(fragment_id=fragment_id, auto=True)
            except websockets.ConnectionClosed:
                return

    # --- waiting ---
    async def wait_for(self, ready: Callable[[], bool], timeout: float, what: str) -> float | None:
        """Seconds since the session began when ``ready()`` holds; None (an error) on timeout."""
        try:
            async with asyncio.timeout(timeout):
                async with self._changed:
                    await self._changed.wait_for(lambda: ready() or self.closed)
        except TimeoutError:
            self.tally.errors.append(f"timeout ({what}, {timeout:g} s)")
            return None
        return self.elapsed() if ready() else None


def text_state(widget_id: str, value: str) -> WidgetState:
    state = WidgetState(id=widget_id)
    state.string_value = value
    return state


def trigger_state(widget_id: str) -> WidgetState:
    return WidgetState(id=widget_id, trigger_value=True)
