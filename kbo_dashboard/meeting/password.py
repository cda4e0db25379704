"""The chair's password: a salted scrypt hash in secrets, checked in constant time.

``python -m kbo_dashboard hash-password`` prints the line to paste into
``.streamlit/secrets.toml``: ``KBO_CHAIR_PASSWORD_HASH = "scrypt$n$r$p$salt$hash"`` (salt and
hash in base64). The password itself is never stored. :func:`verify_password` never raises: a
malformed or doctored hash simply does not match.

Passwords are NFKC-normalised before hashing and before checking: Thai สระอำ typed as one
character (U+0E33) or as nikhahit + sara aa (U+0E4D U+0E32), as some keyboards and phones do,
is the same password. A hash made before normalisation still matches the password as typed then.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import secrets
import sys
import threading
import time
import unicodedata
from collections.abc import Mapping
from getpass import getpass

HASH_KEY = "KBO_CHAIR_PASSWORD_HASH"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """``scrypt$n$r$p$salt_b64$hash_b64`` with a fresh 16-byte salt."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, n, r, p)
    b64 = base64.b64encode
    return f"scrypt${n}${r}${p}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches ``stored``. Malformed or absurd hashes give False."""
    try:
        scheme, n_text, r_text, p_text, salt_b64, hash_b64 = str(stored).strip().split("$")
        n, r, p = int(n_text), int(r_text), int(p_text)
        if scheme != "scrypt" or not _sane(n, r, p):
            return False
        salt = base64.b64decode(salt_b64, validate=True)
        expected = base64.b64decode(hash_b64, validate=True)
        if not salt or len(expected) < 16:
            return False
        typed = str(password)
        candidates = dict.fromkeys([normalise(typed), typed])  # the raw form: older hashes
        for candidate in candidates:
            actual = _scrypt(candidate, salt, n, r, p, len(expected), normalised=True)
            if hmac.compare_digest(actual, expected):
                return True
    except (ValueError, TypeError, MemoryError):
        return False
    return False


def normalise(password: str) -> str:
    """The password in Unicode NFKC: U+0E33 and U+0E4D U+0E32 become the same."""
    return unicodedata.normalize("NFKC", password)


def _sane(n: int, r: int, p: int) -> bool:
    """Bounds that keep a doctored hash from costing more than ~64 MB or a few seconds."""
    return 2 <= n <= 2**17 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4


def _scrypt(
    password: str, salt: bytes, n: int, r: int, p: int, size: int = 32, *, normalised=False
) -> bytes:
    password = password if normalised else normalise(password)
    memory = 128 * r * n * p + 2**20
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=memory, dklen=size
    )


class AttemptGate:
    """Slows password guessing across every viewer of one server.

    After ``limit`` wrong attempts within ``window_s`` seconds, every attempt is refused for
    ``lock_s`` seconds. A right password clears the count.
    """

    def __init__(self, limit: int = 5, window_s: float = 300.0, lock_s: float = 60.0,
                 clock=time.monotonic):  # fmt: skip
        self.limit, self.window_s, self.lock_s, self.clock = limit, window_s, lock_s, clock
        self._failures: list[float] = []
        self._locked_until = 0.0
        self._lock = threading.Lock()

    def wait_s(self) -> float:
        """Seconds until attempts are accepted again (0 when they are)."""
        with self._lock:
            return max(0.0, self._locked_until - self.clock())

    def failed(self) -> None:
        with self._lock:
            now = self.clock()
            self._failures = [t for t in self._failures if now - t < self.window_s] + [now]
            if len(self._failures) >= self.limit:
                self._locked_until = now + self.lock_s
                self._failures.clear()

    def succeeded(self) -> None:
        with self._lock:
            self._failures.clear()


def chair_password_hash(secrets_: Mapping | None, environ: Mapping[str, str]) -> str | None:
    """The stored hash: environment first, then the top-level secrets key."""
    if environ.get(HASH_KEY):
        return environ[HASH_KEY]
    try:
        value = (secrets_ or {}).get(HASH_KEY)
    except AttributeError:
        value = None
    return str(value) if value else None


def _both(key: str) -> str:
    from kbo_dashboard.i18n import both

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
