"""docs/deploy.md, tried here (issue 20, section 6). Only loopback addresses are used.

* The office server: the guide's nginx site, started on a free loopback port in front of
  ``streamlit run serve.py``, passes Streamlit's WebSocket (``/_stcore/stream``) upgrade and the
  health check; without the guide's two upgrade lines the WebSocket fails (why they are there).
* The staff laptop: ``--server.address`` binds the server to that one address (127.0.0.2 here,
  the laptop's Wi-Fi address in the room) and to no other.
* A systemd-style restart: the unit's command, killed outright, starts again at once on the
  same port.

nginx is Debian's (``apt-get install nginx``; ``.ci/run`` installs it). Without it the proxy
tests are skipped here, and fail under ``CI=true``.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.browser.conftest import (
    START_TIMEOUT_S,
    StreamlitServer,
    base_env,
    free_port,
    http_get,
    in_ci,
)

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "deploy.md"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
#: An upper bound on nginx's start, not a delay.
NGINX_START_S = 20


def guide_block(language: str) -> str:
    """The guide's first fenced block in ``language`` (what a person copies)."""
    text = GUIDE.read_text(encoding="utf-8")
    found = re.search(rf"```{language}\n(.*?)```", text, re.S)
    assert found, f"docs/deploy.md has no {language} block"
    return textwrap.dedent(found.group(1))


def require_nginx() -> str:
    if NGINX is None:
        if in_ci():
            pytest.fail("nginx is missing in CI (.ci/run installs it)", pytrace=False)
        pytest.skip("nginx is not installed (apt-get install nginx)")
    return NGINX


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("deploy-app")
    server = StreamlitServer("deploy", base_env(workdir / "data"), workdir).start()
    yield server
    server.stop()


class Nginx:
    """nginx with the guide's site, on a free loopback port, in front of ``upstream_port``."""

    def __init__(self, site: str, upstream_port: int, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        listen, upstream = "listen 80;", "proxy_pass http://127.0.0.1:8501;"
        assert listen in site and upstream in site, "the guide's site changed: update this test"
        site = site.replace(listen, f"listen 127.0.0.1:{self.port};")
        site = site.replace(upstream, f"proxy_pass http://127.0.0.1:{upstream_port};")
        temp = " ".join(
            f"{kind}_temp_path {workdir / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        self.conf = workdir / "nginx.conf"
        self.conf.write_text(
            f"worker_processes 1;\npid {workdir / 'nginx.pid'};\n"
            f"error_log {workdir / 'error.log'};\nevents {{}}\n"
            f"http {{\naccess_log {workdir / 'access.log'};\n{temp}\n{site}\n}}\n",
            encoding="utf-8",
        )
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Nginx:
        command = [require_nginx(), "-e", str(self.workdir / "error.log"), "-p", str(self.workdir),
                   "-c", str(self.conf), "-g", "daemon off;"]  # fmt: skip
        self.process = subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + NGINX_START_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx stopped: {self.process.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("nginx did not listen in time")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)


def websocket_upgrade(port: int, path: str = "/_stcore/stream") -> tuple[str, str]:
    """Ask for a WebSocket on ``path`` as a browser on that page would.

    Returns the response head and the ``Sec-WebSocket-Accept`` a real upgrade answers with."""
    key = base64.b64encode(os.urandom(16)).decode()
    host = f"127.0.0.1:{port}"
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\n"
        f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: streamlit\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = sock.recv(4096)
            if not chunk:
                break
            head += chunk
    accept = base64.b64encode(
        hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()  # noqa: S324
    ).decode()
    return head.decode("latin-1"), accept  # RFC 6455: the answer to this very key


def test_the_guides_nginx_site_passes_the_websocket_and_the_health_check(app_server, tmp_path):
    with Nginx(guide_block("nginx"), app_server.port, tmp_path) as proxy:
        assert http_get(proxy.url + "/_stcore/health") == (200, b"ok")
        status, page = http_get(proxy.url + "/")
        assert status == 200 and b'<div id="root">' in page
        head, accept = websocket_upgrade(proxy.port)
    assert head.startswith("HTTP/1.1 101"), head
    assert re.search(r"(?im)^upgrade: websocket", head), head
    assert f"Sec-WebSocket-Accept: {accept}" in head, head


def test_without_the_upgrade_lines_the_websocket_fails(app_server, tmp_path):
    site = guide_block("nginx")
    cut = [
        line
        for line in site.splitlines()
        if "$http_upgrade" in line or "$connection_upgrade" in line
    ]
    assert len(cut) >= 2  # proxy_set_header Upgrade and Connection (and the map)
    site = "\n".join(
        line for line in site.splitlines()
        if not line.strip().startswith(("proxy_set_header Upgrade", "proxy_set_header Connection"))
    )  # fmt: skip
    with Nginx(site, app_server.port, tmp_path) as proxy:
        assert http_get(proxy.url + "/_stcore/health") == (200, b"ok")  # plain HTTP still works
        head, _ = websocket_upgrade(proxy.port)
    assert not head.startswith("HTTP/1.1 101"), head


def _can_bind(address: str) -> bool:
    try:
        with socket.socket() as sock:
            sock.bind((address, 0))
        return True
    except OSError:
        return False


def test_server_address_binds_that_address_only(tmp_path):
    if not _can_bind("127.0.0.2"):
        pytest.skip("127.0.0.2 is not a loopback address here (Linux has 127.0.0.0/8)")
    server = StreamlitServer("lan", base_env(tmp_path / "data"), tmp_path, address="127.0.0.2")
    server.start()
    try:
        assert http_get(f"http://127.0.0.2:{server.port}/_stcore/health") == (200, b"ok")
        with pytest.raises(OSError):  # nothing listens on the other address
            http_get(f"http://127.0.0.1:{server.port}/_stcore/health", timeout=3)
    finally:
        server.stop()


def unit_command(port: int, secrets: Path) -> list[str]:
    """The guide's systemd ``ExecStart`` line, with this interpreter and ``port``."""
    (line,) = [x for x in guide_block("ini").splitlines() if x.startswith("ExecStart=")]
    _, *args = line.removeprefix("ExecStart=").split()
    assert args[:4] == ["-m", "streamlit", "run", "serve.py"], line
    assert "--server.port 8501" in line and "--server.address 127.0.0.1" in line, line
    args[args.index("--server.port") + 1] = str(port)
    return [sys.executable, *args, "--secrets.files", str(secrets)]


def wait_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if http_get(url + "/_stcore/health", timeout=2) == (200, b"ok"):
                return
        except OSError:
            time.sleep(0.25)
    raise AssertionError(f"not healthy (exit code {process.poll()})")


def test_the_units_command_starts_again_at_once_after_a_crash(tmp_path):
    """What systemd's ``Restart=on-failure`` does: the unit's command again, on the same port."""
    secrets = tmp_path / "secrets.toml"
    secrets.write_text("", encoding="utf-8")
    port = free_port()
    command = unit_command(port, secrets)
    env = base_env(tmp_path / "data")
    options = {"cwd": ROOT, "env": env, "stdout": subprocess.DEVNULL,
               "stderr": subprocess.STDOUT, "start_new_session": True}  # fmt: skip
    first = subprocess.Popen(command, **options)
    second = None
    try:
        wait_healthy(f"http://127.0.0.1:{port}", first)
        os.killpg(first.pid, signal.SIGKILL)  # a crash: no clean shut-down
        first.wait(timeout=15)
        second = subprocess.Popen(command, **options)
        wait_healthy(f"http://127.0.0.1:{port}", second)
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=15)
