"""``python -m kbo_dashboard hash-password``: the chair password's line for secrets.toml.

Asks for the password twice on a terminal (or reads one line from stdin) and prints
``KBO_CHAIR_PASSWORD_HASH = "scrypt$..."`` (:func:`kbo_dashboard.meeting.password.hash_password`).
"""

from __future__ import annotations

import argparse
import sys
from getpass import getpass

from kbo_dashboard.i18n import both
from kbo_dashboard.meeting.password import HASH_KEY, hash_password


def _both(key: str) -> str:
    th, en = both(key)
    return f"{en} / {th}"


def hash_password_args(parser: argparse.ArgumentParser) -> None:
    parser.description = "Print the chair password's hash line for .streamlit/secrets.toml."


def hash_password_command(args: argparse.Namespace) -> int:
    """``python -m kbo_dashboard hash-password``: asks twice on a terminal, else reads stdin."""
    if sys.stdin.isatty():
        password = getpass(_both("cli.password.ask") + ": ")
        if getpass(_both("cli.password.again") + ": ") != password:
            print(_both("cli.password.differ"), file=sys.stderr)
            return 1
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < 8:
        print(_both("cli.password.short"), file=sys.stderr)
        return 1
    print("# Paste into .streamlit/secrets.toml (top level):")
    print(f'{HASH_KEY} = "{hash_password(password)}"')
    return 0
