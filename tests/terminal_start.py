"""Start ``python -m streamlit run serve.py`` as a person does: in a terminal (a pseudo-terminal).

Used by ``tests/test_start.py``. Streamlit behaves differently when its standard input is a
terminal (it may ask for an e-mail address and wait), so the server is given a pty for stdin,
stdout and stderr, and everything it prints is collected. Ready means ``/_stcore/health``
answers "ok"; a prompt ("Email:") or an early exit ends the wait at once.

Also runnable as a script (``python -m tests.terminal_start PORT ADDRESS [ARGS...]``) that
prints the result as JSON, so a test can run it inside a private network namespace.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: An upper bound, not a delay: the wait ends when the server answers.
START_TIMEOUT_S = 90
#: Text that means the server is waiting for someone at the keyboard.
PROMPTS = ("Email:", "email address", "[y/N]", "Press Enter")


@dataclass
class TerminalStart:
    healthy: bool  # /_stcore/health answered "ok"
    prompted: bool  # the output asked for input
    exited: int | None  # the exit code, if the server stopped by itself
    output: str  # everything printed to the terminal


def _health(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:  # noqa: S310
            return response.status == 200 and response.read().strip() == b"ok"
    except OSError:
        return False


def _read(fd: int, chunks: list[bytes], wait_s: float) -> None:
    ready, _, _ = select.select([fd], [], [], wait_s)
    if ready:
        try:
            data = os.read(fd, 65536)
        except OSError:  # the other end closed
            return
        chunks.append(data)


def start_in_terminal(
    port: int,
    address: str,
    extra_args: list[str],
    env: dict[str, str],
    until: str = "URL:",
) -> TerminalStart:
    """Start the server in a pty and wait until it is healthy and has printed ``until``.

    The server is stopped (its whole process group) before returning.
    """
    command = [
        sys.executable, "-m", "streamlit", "run", "serve.py",
        "--server.port", str(port), "--server.address", address,
        "--server.fileWatcherType", "none", *extra_args,
    ]  # fmt: skip
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdin=follower, stdout=follower, stderr=follower,
        start_new_session=True,
    )  # fmt: skip
    os.close(follower)
    chunks: list[bytes] = []
    healthy = prompted = False
    url = f"http://{'127.0.0.1' if address in ('0.0.0.0', '::') else address}:{port}"  # noqa: S104
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while time.monotonic() < deadline:
            _read(leader, chunks, 0.2)
            text = b"".join(chunks).decode("utf-8", "replace")
            prompted = any(p in text for p in PROMPTS)
            if prompted or process.poll() is not None:
                break
            healthy = healthy or _health(url)
            if healthy and until in text:
                break
        # Whatever the server prints in the next moments (a late warning) is read too.
        end = time.monotonic() + 1.0
        while time.monotonic() < end and process.poll() is None:
            _read(leader, chunks, 0.1)
    finally:
        exited = process.poll()
        if exited is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)
        os.close(leader)
    output = b"".join(chunks).decode("utf-8", "replace")
    output = re.sub(r"\x1b\[[0-9;]*m", "", output).replace("\r\n", "\n")  # colours off
    return TerminalStart(healthy, prompted, exited, output)


if __name__ == "__main__":
    port, address, *rest = sys.argv[1:]
    result = start_in_terminal(int(port), address, rest, dict(os.environ))
    print(json.dumps(asdict(result)))
