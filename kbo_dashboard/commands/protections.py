"""Who may edit which tab: each judge their own tab, only the app the ``Decision`` tab.

Every protection this app makes is a whole-tab ``ProtectedRange`` whose description starts with
:data:`MARK`, so a refresh can find and replace exactly those and leave the owner's own
protections (and the header rows' protections) alone:

* a judge's tab: editors are that judge's e-mail, the service account and the ``staff_emails``
  of the Settings tab. A judge with no e-mail gets a warning-only protection instead (Sheets
  asks anyone before they edit the tab; editors are ignored for warning-only ranges);
* the ``Decision`` tab: only the service account may edit it (the spreadsheet's owner always
  can: Google does not let a protection shut out the owner).

With ``lock_after_decision`` on (Settings tab), recording a decision locks every judge's tab
(:func:`lock_judge_tabs`): the same whole-tab protections, editable by the service account
only, marked ``KBO locked judge …``, so ``init-sheet --protect-only`` replaces them with the
usual ones.

All of it is one list of requests for one ``batchUpdate``, whatever the number of judges.
Request and response shapes: Sheets API v4 ``AddProtectedRangeRequest``,
``DeleteProtectedRangeRequest`` and ``ProtectedRange`` (``range`` with only ``sheetId`` is the
whole tab; ``editors.users`` is a list of e-mails).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kbo_dashboard.intake.issues import WARNING, Issue, make_issue
from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.sheet_links import sheet_ids

MARK = "KBO "  # description prefix of the protections this app manages


@dataclass(frozen=True)
class TabProtection:
    """One whole-tab protection this app wants."""

    tab: str
    description: str
    editors: tuple[str, ...]  # empty with warning_only
    warning_only: bool


def wanted_protections(
    comp: Competition, service_email: str | None, staff: Iterable[str] = ()
) -> list[TabProtection]:
    """The protections for every judge's tab (that exists) and for the ``Decision`` tab."""
    app = (service_email,) if service_email else ()
    staff = tuple(dict.fromkeys(s for s in staff if s))
    out = []
    for judge in comp.judges.itertuples():
        if not judge.has_tab:
            continue
        description = f"{MARK}judge {judge.judge_id}"
        if judge.email:
            editors = tuple(dict.fromkeys((judge.email, *app, *staff)))
            out.append(TabProtection(judge.sheet, description, editors, False))
        else:
            out.append(TabProtection(judge.sheet, description, (), True))
    out.append(TabProtection(L.DECISION, f"{MARK}decision", app, False))
    return out


def _protected_range(sheet_id: int, want: TabProtection) -> dict[str, Any]:
    body: dict[str, Any] = {
        "range": {"sheetId": sheet_id},
        "description": want.description,
        "warningOnly": want.warning_only,
    }
    if not want.warning_only:
        body["editors"] = {"users": list(want.editors)}
    return body


def protection_requests(
    wanted: list[TabProtection],
    sheet_ids: Mapping[str, int],
    existing: Iterable[Mapping[str, Any]] = (),
) -> list[dict]:
    """``batchUpdate`` requests: drop this app's old protections, add the wanted ones.

    ``existing`` are the ``protectedRanges`` the spreadsheet has now; tabs missing from
    ``sheet_ids`` are skipped.
    """
    requests: list[dict] = [
        {"deleteProtectedRange": {"protectedRangeId": pr["protectedRangeId"]}}
        for pr in existing
        if str(pr.get("description", "")).startswith(MARK) and "protectedRangeId" in pr
    ]
    for want in wanted:
        if want.tab in sheet_ids:
            body = _protected_range(sheet_ids[want.tab], want)
            requests.append({"addProtectedRange": {"protectedRange": body}})
    return requests


def protection_issues(comp: Competition, protected: Mapping[str, list[dict]]) -> list[Issue]:
    """What ``check`` reports: a judge's tab with no protection, a judge with no e-mail, and a
    ``Decision`` tab anyone may type a decision into.

    ``protected`` maps each tab name to its ``protectedRanges``; a tab protected only in part
    (the header rows) counts as not protected.
    """

    def whole(tab: str) -> list[dict]:
        return [pr for pr in protected.get(tab, []) if set(pr.get("range", {})) <= {"sheetId"}]

    issues = []
    if L.DECISION in protected and not whole(L.DECISION):
        issues.append(make_issue(WARNING, "decision_unprotected", tab=L.DECISION,
                                 action="run_protect"))  # fmt: skip
    for judge in comp.judges.itertuples():
        if not judge.has_tab:
            continue
        found = (
            [] if whole(judge.sheet) else [("judge_tab_unprotected", judge.sheet, "run_protect")]
        )
        if not judge.email:
            found.append(("judge_no_email", L.JUDGES, "warning_protection"))
        issues += [
            make_issue(WARNING, code, tab=tab, judge_id=judge.judge_id, judge=judge.judge_id,
                       action=action)
            for code, tab, action in found
        ]  # fmt: skip
    return issues


PROTECTION_FIELDS = "sheets(properties(sheetId,title),protectedRanges)"


def sheet_protections(meta: Mapping[str, Any]) -> tuple[dict[str, int], dict[str, list[dict]]]:
    """Tab title -> sheetId, and tab title -> its protected ranges, from sheet metadata."""
    ranges = {
        sheet.get("properties", {}).get("title", ""): list(sheet.get("protectedRanges", []))
        for sheet in meta.get("sheets", [])
    }
    return sheet_ids(meta), ranges


def protect_sheet(
    key: str, http: Any, service_email: str | None, read_values: Any
) -> tuple[int, int]:
    """Apply or refresh the protections on a filled sheet, touching no values.

    Three requests: the metadata (tab IDs and protections), the values (``read_values(titles)``
    returns the parsed :class:`Competition`) and one ``batchUpdate``. Returns (protections
    added, requests made).
    """
    ids, ranges = sheet_protections(http.fetch_sheet_metadata(key, {"fields": PROTECTION_FIELDS}))
    comp = read_values(list(ids))
    wanted = wanted_protections(comp, service_email, comp.settings.get("staff_emails", ()))
    existing = [pr for prs in ranges.values() for pr in prs]
    requests = protection_requests(wanted, ids, existing)
    if requests:
        http.batch_update(key, {"requests": requests})
    added = sum(1 for r in requests if "addProtectedRange" in r)
    return added, 2 + bool(requests)


def locked_protections(comp: Competition, service_email: str | None) -> list[TabProtection]:
    """Every judge's tab editable by the service account only (the owner always can), and the
    usual ``Decision`` protection: what :func:`lock_judge_tabs` puts in place."""
    app = (service_email,) if service_email else ()
    out = [
        TabProtection(judge.sheet, f"{MARK}locked judge {judge.judge_id}", app, False)
        for judge in comp.judges.itertuples()
        if judge.has_tab
    ]
    return out + [TabProtection(L.DECISION, f"{MARK}decision", app, False)]


def lock_judge_tabs(book: Any, comp: Competition, service_email: str | None) -> int:
    """Lock every judge's tab after a decision: one metadata read, then ONE ``batchUpdate``
    that drops this app's protections and adds the locked ones. ``book`` is a gspread
    ``Spreadsheet`` with write access. Returns the number of judge tabs locked."""
    meta = book.fetch_sheet_metadata({"fields": PROTECTION_FIELDS})
    ids, ranges = sheet_protections(meta)
    wanted = locked_protections(comp, service_email)
    existing = [pr for prs in ranges.values() for pr in prs]
    requests = protection_requests(wanted, ids, existing)
    if requests:
        book.batch_update({"requests": requests})
    return sum(1 for w in wanted if w.tab in ids and w.tab != L.DECISION)
