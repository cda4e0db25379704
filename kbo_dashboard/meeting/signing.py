"""Decisions the app recorded, told apart from rows typed into the sheet: an HMAC signature.

Anyone who can edit the committee's sheet can type a row into the ``Decision`` tab. So every
decision the app records carries ``signature``: HMAC-SHA256, under a secret key, over the
decision's row (:meth:`~kbo_dashboard.meeting.decision.Decision.signed_cells`: the row without
the signature).
A row without a valid signature is "not recorded by the app" and is never final.

The key: ``KBO_DECISION_KEY`` from the environment or ``.streamlit/secrets.toml``
(``python -m kbo_dashboard decision-key`` prints a new one). Without it:

- the demo and .xlsx sources (local decision store) use a key generated once per data folder
  (``kbo-decision.key`` beside the store, readable by its owner only): local decisions are signed
  and stay valid while the data folder is kept;
- the Google source refuses to record (the page and ``check`` say to set the key), and no row
  of the Decision tab is final, since any key the app made up would not survive a restart on
  another machine.

The signature also binds the decision to its sheet and competition (:class:`Binding`): the
spreadsheet's ID (``google:<id>``), or for an .xlsx the file's resolved path (``xlsx:<path>``),
or ``demo``; and the Settings ``title`` and ``year``. A row signed for another sheet, another
competition or another year with the same key is "not recorded by the app" here. Rows signed
by an earlier version without the binding are not final either (:func:`verdict` says
``legacy``): the chair records the decision again. docs/google-sheets.md says what this proves.

No key or binding is kept in the process: the UI builds the meeting's
:class:`~kbo_dashboard.meeting.config.MeetingConfig` once and passes it down. :func:`verify`
checks a history under a key and a binding and returns each decision with its ``verdict``, so
:func:`kbo_dashboard.meeting.decision.final` (on every page and in every document) needs no
key: a PDF built later, on a click, reads final exactly as the page did. A signature is
compared as ASCII bytes: a cell holding any other text is simply not a signature
(``hmac.compare_digest`` raises on non-ASCII ``str``).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from kbo_dashboard.meeting.decision import Decision
    from kbo_dashboard.sources.source import Source

from kbo_dashboard.meeting.sqlite_store import default_data_dir

KEY_ENV = "KBO_DECISION_KEY"
KEY_FILE = "kbo-decision.key"
#: Tags the signed message's layout; rows signed before the binding have no tag.
MESSAGE_VERSION = "kbo-decision-v2"
_SIGNATURE = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Binding:
    """What a signature binds a decision to: its sheet and its competition."""

    sheet: str = ""  # "google:<spreadsheet id>", "xlsx:<resolved path>" or "demo"
    title: str = ""  # Settings title, spaces collapsed
    year: str = ""  # Settings year (Buddhist Era), as text


def sheet_of(source: Source) -> str:
    """The sheet's identity for :class:`Binding`: the spreadsheet ID of a Google source, the
    resolved path of an .xlsx, else ``demo``."""
    kind = getattr(source, "kind", "")
    if kind == "google":
        return f"google:{getattr(source, 'key', '')}"
    if kind == "workbook":
        path = cast("str", getattr(source, "path", None))  # WorkbookSource's; None: TypeError
        try:
            return f"xlsx:{Path(path).expanduser().resolve()}"
        except (OSError, RuntimeError, AttributeError, TypeError, ValueError):
            return f"xlsx:{getattr(source, 'path', '')}"
    return "demo"


def binding_for(sheet: str, settings: Mapping | None) -> Binding:
    """The binding for ``sheet`` and the competition's Settings (title and year)."""
    settings = settings or {}
    title = " ".join(str(settings.get("title") or "").split())
    year = settings.get("year")
    return Binding(str(sheet), title, "" if year in (None, "") else str(year).strip())


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
    return local_key(data_dir or default_data_dir())


def _message(decision: Decision, binding: Binding) -> bytes:
    """What is signed: the version tag, the binding, then the row without its signature.
    JSON with ASCII escapes, so any text (even a lone surrogate) encodes."""
    cells = [str(c) for c in decision.signed_cells()]
    cells = [MESSAGE_VERSION, binding.sheet, binding.title, binding.year, *cells]
    return json.dumps(cells, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def signature_of(decision: Decision, key: bytes, binding: Binding) -> str:
    """HMAC-SHA256 (hex) over the decision's row without its signature, bound to ``binding``."""
    return hmac.new(key, _message(decision, binding), hashlib.sha256).hexdigest()


def _legacy_signature(decision: Decision, key: bytes) -> str:
    """The signature an earlier version made (no version tag, no binding)."""
    cells = [str(c) for c in decision.signed_cells()]
    text = json.dumps(cells, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, text.encode("utf-8", "replace"), hashlib.sha256).hexdigest()


def sign(decision: Decision, key: bytes, binding: Binding) -> Decision:
    """``decision`` with its signature (bound to ``binding``): as the app records it."""
    return replace(decision, signature=signature_of(decision, key, binding))


def verdict(decision: Decision, key: bytes | None, binding: Binding) -> str:
    """Why a row is or is not the app's: ``app`` (valid here), ``unsigned`` (no signature),
    ``no_key`` (no key to check with), ``legacy`` (signed before the binding), or ``other``
    (signed for another sheet, competition or year, altered, or made up). Never raises."""
    signature = getattr(decision, "signature", "")
    if not isinstance(signature, str) or not signature.strip():
        return "unsigned"
    if not key:
        return "no_key"
    signature = signature.strip()
    if not _SIGNATURE.fullmatch(signature):
        return "other"
    mine = signature.encode("ascii")
    try:
        if hmac.compare_digest(mine, signature_of(decision, key, binding).encode("ascii")):
            return "app"
        if hmac.compare_digest(mine, _legacy_signature(decision, key).encode("ascii")):
            return "legacy"
    except (TypeError, ValueError, OverflowError, AttributeError):
        return "other"
    return "other"


def recorded_by_app(decision: Decision, key: bytes | None, binding: Binding) -> bool:
    """True when the decision's signature is valid under ``key`` and ``binding``. Never raises,
    whatever the row's cells hold."""
    return verdict(decision, key, binding) == "app"


def verify(history: Iterable[Decision], key: bytes | None, binding: Binding) -> list[Decision]:
    """``history`` with each decision's :func:`verdict` under ``key`` and ``binding`` in its
    ``verdict`` field: what :func:`~kbo_dashboard.meeting.decision.final` reads."""
    return [replace(d, verdict=verdict(d, key, binding)) for d in history]
