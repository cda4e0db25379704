"""Direct links to a Google Sheet's tabs: ``…/edit#gid=<sheetId>`` opens the sheet on that tab.

The sheet IDs come with any ``spreadsheets.get`` answer that includes ``properties(sheetId)``,
such as the dashboard's cold start, so a link never costs a request of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def tab_link(key: str, sheet_id: int) -> str:
    """The URL that opens spreadsheet ``key`` on the tab with ``sheet_id``."""
    return f"https://docs.google.com/spreadsheets/d/{key}/edit#gid={sheet_id}"


def sheet_ids(body: Mapping[str, Any]) -> dict[str, int]:
    """Tab title -> sheetId, from a ``spreadsheets.get`` body (Google leaves out an ID of 0)."""
    props = [sheet.get("properties", {}) for sheet in body.get("sheets", [])]
    return {p.get("title", ""): int(p.get("sheetId", 0)) for p in props}


def tab_links(key: str, body: Mapping[str, Any]) -> dict[str, str]:
    """Tab title -> its direct link, from a ``spreadsheets.get`` body."""
    return {title: tab_link(key, sheet_id) for title, sheet_id in sheet_ids(body).items()}
