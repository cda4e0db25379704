"""The start command on a person's machine (issue 20, section 1).

``python -m streamlit run serve.py`` is started in a pseudo-terminal, as from a laptop's
terminal, with a fresh home folder (a first start: no ``~/.streamlit``), on a free loopback
port. It must come up without asking anything (Streamlit's e-mail prompt waits for Enter on a
first start in a terminal) and print no warning about an external IP.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from tests.terminal_start import ROOT, start_in_terminal


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def person_env(home: Path) -> dict[str, str]:
    """A person's shell: their own (fresh) home, no KBO_ or STREAMLIT_ settings."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "no-secrets.toml").write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KBO_", "STREAMLIT_"))}
    env.update(HOME=str(home), USERPROFILE=str(home), PYTHONUNBUFFERED="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["KBO_DATA_DIR"] = str(home / "data")
    return env


def own_secrets(env: dict[str, str]) -> list[str]:
    """Not the project's .streamlit/secrets.toml (a developer's real sheet): an empty file."""
    return ["--secrets.files", str(Path(env["HOME"]) / "no-secrets.toml")]


def assert_started_quietly(result) -> None:
    assert not result.prompted, f"the start asked for input:\n{result.output}"
    assert result.exited is None, f"the server stopped ({result.exited}):\n{result.output}"
    assert result.healthy, f"the server never answered /_stcore/health:\n{result.output}"
    assert "external IP" not in result.output, result.output
    assert "External URL" not in result.output, result.output


def test_a_desktop_start_in_a_terminal_asks_nothing(tmp_path):
    # A desktop: a display, so Streamlit is not headless. Should it open a browser, the
    # "browser" is a stand-in xdg-open that writes down the address it was given (serve.py's
    # st.App start opens none today; the README says which address to open).
    bin_dir, opened = tmp_path / "bin", tmp_path / "opened.txt"
    bin_dir.mkdir()
    stub = bin_dir / "xdg-open"
    stub.write_text(f'#!/bin/sh\necho "$1" >> "{opened}"\n', encoding="utf-8")
    stub.chmod(0o755)
    env = person_env(tmp_path / "home")
    env.update(DISPLAY=":0", PATH=f"{bin_dir}{os.pathsep}{env['PATH']}")
    env.pop("CI", None)
    port = free_port()

    result = start_in_terminal(port, "127.0.0.1", own_secrets(env), env)

    assert_started_quietly(result)
    assert f"URL: http://localhost:{port}" in result.output, result.output
    if opened.exists():
        assert opened.read_text(encoding="utf-8").split() == [f"http://localhost:{port}"]
    assert not (tmp_path / "home" / ".streamlit" / "credentials.toml").exists()


def _private_network() -> list[str] | None:
    """``unshare`` into a network namespace of its own (only a loopback there), if allowed."""
    unshare = shutil.which("unshare")
    if not unshare or not sys.platform.startswith("linux"):
        return None
    command = [unshare, "-rn", "sh", "-c", "ip link set lo up && echo ok"]
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (
        [unshare, "-rn", "sh", "-c", 'ip link set lo up && exec "$@"', "sh"]
        if (out.stdout.strip() == "ok")
        else None
    )


def test_a_headless_start_on_every_address_prints_no_external_ip_warning(tmp_path):
    """A server (headless) listening on every address prints its URLs; Streamlit then asks
    checkip.amazonaws.com for an external IP and, offline, warns "Did not auto detect external
    IP". The project's config names the address to print instead, so nothing is asked.

    Listening on every address is done only inside a network namespace of its own, where the
    only interface is a loopback (no machine but this one can reach it). Where no such
    namespace is allowed (some containers), the server listens on 127.0.0.1 and the test checks
    that Streamlit printed the configured address, the branch of its start that asks no
    outside host whatever the listening address (without the setting it prints
    ``http://127.0.0.1:…`` there)."""
    env = person_env(tmp_path / "home")
    port = free_port()
    args = ["--server.headless", "true", *own_secrets(env)]
    namespace = _private_network()
    if namespace is None:
        result = start_in_terminal(port, "127.0.0.1", args, env)
    else:
        command = [*namespace, sys.executable, "-m", "tests.terminal_start", str(port), "0.0.0.0"]
        out = subprocess.run(
            [*command, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert out.returncode == 0, out.stderr[-3000:]
        result = SimpleNamespace(**json.loads(out.stdout.strip().splitlines()[-1]))
    assert_started_quietly(result)
    assert f"URL: http://localhost:{port}" in result.output, result.output
