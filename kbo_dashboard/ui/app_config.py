"""The app's configuration as the server has it: ``.streamlit/secrets.toml`` and the environment.

Apart from :mod:`~kbo_dashboard.ui.state` so that :mod:`~kbo_dashboard.ui.caches` (which builds
the source from it) and the state (which reads the caches) do not import each other.
"""

from __future__ import annotations

import os

import streamlit as st

from kbo_dashboard.sources.config import Settings, load_settings


def read_secrets() -> dict:
    try:
        return dict(st.secrets)
    except Exception:  # no secrets.toml: Streamlit raises FileNotFoundError or its own error
        return {}


def app_settings() -> Settings:
    """The app's configuration from ``.streamlit/secrets.toml`` and the environment."""
    return load_settings(read_secrets(), os.environ)
