"""Decisions the app recorded, told apart from rows typed into the sheet: an HMAC signature.

Anyone who can edit the committee's sheet can type a row into the ``Decision`` tab. So every
decision the app records carries ``signature``: HMAC-SHA256, under a secret key, over the
decision's row (:func:`~kbo_dashboard.meeting.decision.signed_cells`: the row without the
signature).
A row without a valid signature is "not recorded by the app" and is never final.

The key: ``KBO_DECISION_KEY`` from the environment or ``.streamlit/secrets.toml``
(``python -m kbo_dashboard decision-key`` prints a new one). Without it:

- the demo and .xlsx sources (local decision store) use a key generated once per data folder
  (``kbo-decision.key`` beside the store, readable by its owner only): local decisions are signed
  and stay valid while the data folder is kept;
- the Google source refuses to record (the page and ``check`` say to set the key), and no row
  of the Decision tab is final, since any key the app made up would not survive a restart on
  another machine.

The UI calls :func:`configure` with the key for its source on every run;
:func:`kbo_dashboard.meeting.decision.final` checks signatures against :func:`active_key`.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

KEY_ENV = "KBO_DECISION_KEY"
KEY_FILE = "kbo-decision.key"
_UNSET: Any = object()
_configured: Any = _UNSET


def new_key() -> str:
    """A fresh random key (256 bits, URL-safe text) for ``KBO_DECISION_KEY``."""
    return secrets.token_urlsafe(32)


def configured_key(secrets_: Mapping | None, environ: Mapping[str, str]) -> bytes | None:
    """``KBO_DECISION_KEY`` from the environment, else from secrets.toml; None when unset."""
    text = (environ.get(KEY_ENV) or "").strip()
    if not text and secrets_:
        with contextlib.suppress(AttributeError, TypeError):
            text = str(secrets_.get(KEY_ENV) or "").strip()
    return text.encode() if text else None


def local_key(data_dir: str | os.PathLike) -> bytes | None:
    """The data folder's own key, made on first use (None if it cannot be read or made)."""
    path = Path(data_dir) / KEY_FILE
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.write(new_key())
        text = path.read_text(encoding="ascii").strip()
    except FileExistsError:  # made meanwhile by another process
        return local_key(data_dir)
    except OSError:
        return None
    return text.encode() if text else None


def key_for(
    source_kind: str,
    secrets_: Mapping | None,
    environ: Mapping[str, str],
    data_dir: str | os.PathLike | None = None,
) -> bytes | None:
    """The signing key for a source: the configured one, else the local store's own one
    (never for Google: None there means decisions cannot be recorded)."""
    key = configured_key(secrets_, environ)
    if key is not None or source_kind == "google":
        return key
    from kbo_dashboard.meeting.decision_store import default_data_dir

    return local_key(data_dir or default_data_dir())


def configure(key: bytes | None) -> None:
    """Set the process's key (the UI does, per run, for its source)."""
    global _configured
    _configured = key


def forget() -> None:
    """Back to no configured key (tests)."""
    global _configured
    _configured = _UNSET


def active_key() -> bytes | None:
    """The configured key, else the environment's, else the default data folder's own one."""
    if _configured is not _UNSET:
        return _configured
    return key_for("local", None, os.environ)


def signature_of(decision: Any, key: bytes) -> str:
    """HMAC-SHA256 (hex) over the decision's row without its signature."""
    from kbo_dashboard.meeting.decision import signed_cells

    cells = [str(c) for c in signed_cells(decision)]
    message = json.dumps(cells, ensure_ascii=False, separators=(",", ":")).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def sign(decision: Any, key: bytes) -> Any:
    """``decision`` with its signature."""
    return replace(decision, signature=signature_of(decision, key))


def recorded_by_app(decision: Any, key: bytes | None = _UNSET) -> bool:
    """True when the decision's signature is valid under ``key`` (default: the active key)."""
    key = active_key() if key is _UNSET else key
    if not key or not decision.signature:
        return False
    return hmac.compare_digest(decision.signature, signature_of(decision, key))
