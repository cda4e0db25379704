"""The server side of ``bench/load.py``: start ``streamlit run serve.py``, read its CPU and memory.

CPU seconds and resident memory are read from ``/proc`` for the server's whole process tree
(the server and any child it starts; a child already reaped counts through the server's
``cutime``/``cstime``). The peak is the largest sampled sum, never below the server's own
``VmHWM`` (the kernel's high-water mark for its resident set).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict, port: int, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.headless", "true"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1"]
    command += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip


def wait_up(port: int, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("server did not start")


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def _status_kib(pid: int, field: str) -> int:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith(field + ":")), 0)


def tree(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) is not None:
            parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += parents.get(current, [])
    return found


def usage(pid: int) -> tuple[float, int]:
    """(CPU seconds of the server's tree so far, resident KiB of the tree now)."""
    cpu, rss = 0.0, 0
    for member in tree(pid):
        fields = _stat(member)
        if fields is None:
            continue
        ticks = int(fields[11]) + int(fields[12])
        if member == pid:
            ticks += int(fields[13]) + int(fields[14])  # reaped children
        cpu += ticks / TICKS
        rss += _status_kib(member, "VmRSS")
    return cpu, rss


def high_water_kib(pid: int) -> int:
    return _status_kib(pid, "VmHWM")


def threads(pid: int) -> int:
    return _status_kib(pid, "Threads")  # a plain count, read the same way


class Sampler:
    """Peak resident memory of the server's tree, sampled by the caller's loop."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_kib, self.peak_threads = pid, 0, 0
        self.cpu0, self.start_kib = usage(pid)

    def sample(self) -> None:
        self.peak_kib = max(self.peak_kib, usage(self.pid)[1])
        self.peak_threads = max(self.peak_threads, threads(self.pid))

    def result(self) -> tuple[float, float]:
        """(CPU seconds since this sampler began, peak MB)."""
        cpu, rss = usage(self.pid)
        peak = max(self.peak_kib, rss, high_water_kib(self.pid))
        return cpu - self.cpu0, peak / 1024


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def py_spy(pid: int, out: Path) -> subprocess.Popen:
    """``py-spy record`` on the server (raw, per thread) until the caller stops it."""
    command = ["py-spy", "record", "-o", str(out), "-f", "raw", "--threads", "--pid", str(pid)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
