"""The versions a person installs are the ones the tests ran on (issue 20, section 2).

``requirements.txt`` and ``requirements-dev.txt`` pin every package exactly; the tests run on
exactly those versions (a mismatch here means "reinstall", or a raise that was not finished:
README.md, "Versions"). ``serve.py`` needs ``st.App``, first in Streamlit 1.57.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
FILES = ("requirements.txt", "requirements-dev.txt")


def requirements(name: str) -> list[Requirement]:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    found = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-r"):
            found.append(Requirement(line))
    return found


@pytest.mark.parametrize("name", FILES)
def test_every_package_is_pinned_to_one_version(name):
    loose = [str(r) for r in requirements(name) if not re.fullmatch(r"==[\w.]+", str(r.specifier))]
    assert loose == []


@pytest.mark.parametrize("name", FILES)
def test_the_installed_versions_are_the_pinned_ones(name):
    wrong = []
    for req in requirements(name):
        if req.marker is not None and not Marker(str(req.marker)).evaluate():
            continue  # e.g. tzdata, Windows only
        pinned = str(req.specifier).removeprefix("==")
        if Version(version(req.name)) != Version(pinned):
            wrong.append(f"{req.name}: installed {version(req.name)}, pinned {pinned}")
    assert wrong == [], "reinstall: python -m pip install -r requirements-dev.txt"


def test_streamlit_is_one_with_st_app():
    (streamlit,) = [r for r in requirements("requirements.txt") if r.name == "streamlit"]
    major, minor = (int(n) for n in str(streamlit.specifier).removeprefix("==").split(".")[:2])
    assert (major, minor) >= (1, 57)  # st.App, which serve.py uses, is new in 1.57
