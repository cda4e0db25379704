"""The chair's password: a salted scrypt hash in secrets, checked in constant time.

``python -m kbo_dashboard hash-password`` (:mod:`kbo_dashboard.commands.hash_password`) prints
the line to paste into ``.streamlit/secrets.toml``:
``KBO_CHAIR_PASSWORD_HASH = "scrypt$n$r$p$salt$hash"`` (salt and hash in base64). The password
itself is never stored. :func:`verify_password` never raises: a malformed or doctored hash
simply does not match.

Passwords are NFKC-normalised before hashing and before checking: Thai สระอำ typed as one
character (U+0E33) or as nikhahit + sara aa (U+0E4D U+0E32), as some keyboards and phones do,
is the same password. A hash made before normalisation still matches the password as typed then.

Guessing is slowed, never turned into a lock-out: :class:`SessionThrottle` makes the browser
session that types wrong passwords wait (a wait that doubles), and :class:`ServerCeiling` holds
wrong answers back when many come from anywhere on the server. The right password from another
session always unlocks at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import secrets
import threading
import time
import unicodedata
from collections.abc import Mapping

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


class SessionThrottle:
    """One viewer's wrong chair passwords: ``free`` tries, then a wait that doubles.

    After the ``free``-th wrong try in a row the viewer waits ``base_s``, then twice that after
    each further wrong try, up to ``cap_s``. A right password clears it. It is kept per session
    (per browser tab), so a viewer who keeps guessing slows only themselves: the chair unlocks
    from their own screen at once (issue 18 §6).
    """

    def __init__(self, free: int = 3, base_s: float = 2.0, cap_s: float = 60.0,
                 clock=time.monotonic):  # fmt: skip
        self.free, self.base_s, self.cap_s, self.clock = free, base_s, cap_s, clock
        self.failures = 0
        self._not_before = -math.inf

    def wait_s(self) -> float:
        """Seconds until this viewer's next try is checked (0 when it is)."""
        return max(0.0, self._not_before - self.clock())

    def failed(self) -> None:
        self.failures += 1
        if self.failures >= self.free:
            delay = self.base_s * 2 ** min(self.failures - self.free, 30)
            self._not_before = self.clock() + min(self.cap_s, delay)

    def succeeded(self) -> None:
        self.failures, self._not_before = 0, -math.inf


class ServerCeiling:
    """Wrong chair passwords across every viewer of one server: a ceiling that only slows.

    Past ``limit`` wrong tries within ``window_s`` seconds (many viewers, or many new browser
    tabs, guessing), each further wrong answer is held back ``hold_s`` seconds, growing by
    ``hold_s`` per wrong try over the limit up to ``max_hold_s``. It never refuses a try and never
    holds a right password: the password is checked first, and only a wrong one waits.
    """

    def __init__(self, limit: int = 20, window_s: float = 60.0, hold_s: float = 0.5,
                 max_hold_s: float = 5.0, clock=time.monotonic, sleep=time.sleep):  # fmt: skip
        self.limit, self.window_s, self.clock, self.sleep = limit, window_s, clock, sleep
        self.hold_s, self.max_hold_s = hold_s, max_hold_s
        self._failures: list[float] = []
        self._lock = threading.Lock()

    def failed(self) -> float:
        """Count a wrong try; returns how long its answer is held (0 below the ceiling)."""
        with self._lock:
            now = self.clock()
            self._failures = [t for t in self._failures if now - t < self.window_s] + [now]
            over = len(self._failures) - self.limit
        return min(self.max_hold_s, self.hold_s * over) if over > 0 else 0.0

    def slow_down(self) -> float:
        """Count a wrong try and hold its answer; returns the seconds held."""
        hold = self.failed()
        if hold > 0:
            self.sleep(hold)
        return hold


def chair_password_hash(secrets_: Mapping | None, environ: Mapping[str, str]) -> str | None:
    """The stored hash: environment first, then the top-level secrets key."""
    if environ.get(HASH_KEY):
        return environ[HASH_KEY]
    try:
        value = (secrets_ or {}).get(HASH_KEY)
    except AttributeError:
        value = None
    return str(value) if value else None
