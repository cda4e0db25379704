"""A broken secrets.toml is a configuration error naming its line, never a crash.

Found by mypy (issue 21 §4): Python 3.11's ``tomllib.TOMLDecodeError`` has no ``lineno`` (3.14's
has), so ``exc.lineno`` raised AttributeError where the command line should say what is wrong.
"""

from __future__ import annotations

import pytest

from kbo_dashboard.sources.config import read_secrets_file
from kbo_dashboard.sources.source import SourceError


def test_a_broken_secrets_file_names_its_line(tmp_path):
    path = tmp_path / "secrets.toml"
    # line 1 is fine; line 2 has no value after '='
    path.write_text('spreadsheet = "abc"\nKBO_WORKBOOK = \n', encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_secrets_file(path)
    assert caught.value.kind == "config"
    assert caught.value.message_en == "secrets.toml is not valid TOML (line 2)"
    assert "(บรรทัด 2)" in caught.value.message_th


def test_a_missing_secrets_file_is_no_configuration(tmp_path):
    assert read_secrets_file(tmp_path / "absent.toml") == {}
