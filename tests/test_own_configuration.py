"""The suite runs against its own configuration (issue 20, section 3).

A chair who followed the README has ``KBO_CHAIR_PASSWORD_HASH`` in ``.streamlit/secrets.toml``;
a developer may have a real sheet in ``~/.streamlit/secrets.toml`` and ``KBO_*`` variables in
their shell. None of it may change a test's result. Here a copy of the project gets all three
(in a temporary folder: the real project's files are never touched), and tests that depend on
"nothing configured" run in it with the README's command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Tests that read the chair's password, the source and the data folder from the configuration.
SUBSET = [
    "tests/test_pages.py::test_nomination_small_example_and_what_if",  # "No chair password"
    "tests/test_check_readiness.py::test_check_prints_the_demos_open_points",  # the command line
]
HOSTILE_HASH = "scrypt$16384$8$1$c2FsdHNhbHRzYWx0$" + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g="
HOSTILE_SECRETS = f"""KBO_CHAIR_PASSWORD_HASH = "{HOSTILE_HASH}"
KBO_DECISION_KEY = "someone-elses-key-0123456789abcdef0123456789"
KBO_WORKBOOK = "/nonexistent/committee.xlsx"

[connections.kbo]
spreadsheet = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms"
service_account_file = "/nonexistent/key.json"
"""


def copy_project(target: Path) -> Path:
    ignore = shutil.ignore_patterns(
        ".git", "__pycache__", ".hypothesis", ".pytest_cache", ".ruff_cache", "output",
        "secrets.toml", "*.log",
    )  # fmt: skip
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def test_a_users_secrets_and_environment_change_no_result(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / ".streamlit" / "secrets.toml").write_text(HOSTILE_SECRETS, encoding="utf-8")
    home = tmp_path / "home"
    (home / ".streamlit").mkdir(parents=True)
    (home / ".streamlit" / "secrets.toml").write_text(HOSTILE_SECRETS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.update(
        HOME=str(home),
        KBO_CHAIR_PASSWORD_HASH=HOSTILE_HASH,
        KBO_SPREADSHEET="1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms",
        KBO_SERVICE_ACCOUNT_FILE="/nonexistent/key.json",
        KBO_DECISION_KEY="someone-elses-key-0123456789abcdef0123456789",
        KBO_CACHE_TTL="600",
        KBO_LANG="en",
        KBO_DATA_DIR=str(tmp_path / "someone-elses-data"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SUBSET],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "skipped" not in done.stdout, done.stdout[-2000:]
    assert not (tmp_path / "someone-elses-data").exists()  # nothing was written there
