"""The data folder and its SQLite files, opened one way by every store.

The audit trail, the decisions of the demo and .xlsx sources, the pending decisions and the
reveal switch each keep a small SQLite file in the data folder: ``$KBO_DATA_DIR`` if set, else
the per-user data folder (platformdirs: %LOCALAPPDATA%\\kbo-dashboard on Windows,
~/.local/share/kbo-dashboard on Linux). :func:`connected` opens one of them for one short use
and always closes it, so the stores differ only in their tables, timeouts and transactions.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DATA_DIR_ENV = "KBO_DATA_DIR"


def default_data_dir() -> Path:
    """``$KBO_DATA_DIR`` if set, else the per-user data folder (platformdirs)."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("kbo-dashboard", appauthor=False))


def data_file(name: str, data_dir: str | os.PathLike | None = None) -> Path:
    """The file ``name`` in ``data_dir``, else in the default data folder."""
    return Path(data_dir or default_data_dir()) / name


@contextmanager
def connected(
    path: str | os.PathLike,
    *,
    timeout: float,
    schema: str = "",
    make_folder: bool = True,
    wal: bool = False,
    autocommit: bool = False,
) -> Iterator[sqlite3.Connection]:
    """A connection to ``path``, closed on leaving the block.

    ``schema``: statements run on opening (``CREATE ... IF NOT EXISTS``). ``make_folder``:
    create the data folder first. ``wal``: write-ahead journal (readers never wait for a
    writer). ``autocommit``: no implicit transactions, the caller writes BEGIN/COMMIT.
    """
    if make_folder:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    if autocommit:
        con = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    else:
        con = sqlite3.connect(path, timeout=timeout)
    try:
        if wal:
            con.execute("PRAGMA journal_mode=WAL")
        if schema:
            con.executescript(schema)
        yield con
    finally:
        con.close()
