"""The change feed, the refresh-now rate limit and the status line (kbo_dashboard.meeting.live)."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta, timezone

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.meeting.live import (
    FeedItem,
    FeedLog,
    RefreshLimiter,
    change_feed,
    next_update_in,
    status,
)
from kbo_dashboard.sources.source import RawWorkbook
from kbo_dashboard.ui.standings_tables import feed_lines
from tests.workbooks import SMALL_TABS


def competition(tabs):
    return parse(RawWorkbook(tabs))


def edited_small():
    """J2 scores B2 (and so finishes), J3 changes A1's innovation, J3 types text for B2."""
    tabs = copy.deepcopy(SMALL_TABS)
    tabs["J2"].append(["B2", "", 30, 20])
    tabs["J3"][1] = ["A1", "", 44, 35]  # innovation 45 -> 44
    tabs["J3"].append(["B2", "", "abc", 20])  # row 5; inn is column C (id, name, inn, idn)
    return tabs


def test_change_feed_says_what_happened():
    items = change_feed(competition(SMALL_TABS), competition(edited_small()))
    assert items == [
        FeedItem("live.feed.judge_finished", {"judge": "J2"}),
        # J2's two cells for B2 plus J3's valid idn cell.
        FeedItem("live.feed.new_scores", {"n": 3, "product": "B2"}),
        FeedItem("live.feed.changed_scores", {"n": 1, "product": "A1"}),
        FeedItem("live.feed.new_issue", {"tab": "J3", "cell": "C5"}),
    ]


def test_change_feed_reverse_resolves_the_issue_and_first_view_is_quiet():
    items = change_feed(competition(edited_small()), competition(SMALL_TABS))
    assert FeedItem("live.feed.issues_resolved", {"n": 1}) in items
    assert FeedItem("live.feed.changed_scores", {"n": 1, "product": "A1"}) in items
    assert change_feed(None, competition(SMALL_TABS)) == []
    assert change_feed(competition(SMALL_TABS), competition(SMALL_TABS)) == []


def test_change_feed_is_capped_with_a_more_item():
    items = change_feed(competition(SMALL_TABS), competition(edited_small()), limit=2)
    # 4 items, limit 2: the first one and "and 3 more".
    assert items == [
        FeedItem("live.feed.judge_finished", {"judge": "J2"}),
        FeedItem("live.feed.more", {"n": 3}),
    ]


def test_feed_log_diffs_each_new_version_once():
    log = FeedLog()
    t0 = datetime(2022, 5, 23, 2, 0, 0, tzinfo=UTC)
    log.observe("v1", competition(SMALL_TABS), t0)
    assert log.entries() == []  # the first version is the baseline
    log.observe("v2", competition(edited_small()), t0 + timedelta(seconds=15))
    log.observe("v2", competition(edited_small()), t0 + timedelta(seconds=30))  # same: nothing
    entries = log.entries()
    assert len(entries) == 4
    bangkok = timezone(timedelta(hours=7))
    lines = feed_lines(entries, "en", bangkok)
    # Newest first: the last item of the diff comes first.
    assert lines[0] == "09:00:15 · New issue in tab J3, cell C5"
    assert lines[-1] == "09:00:15 · Judge J2 has finished"
    assert feed_lines(entries[-1:], "th", bangkok) == ["09:00:15 · กรรมการ J2 ให้คะแนนครบแล้ว"]


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_refresh_limiter_allows_one_forced_refresh_per_interval():
    clock = FakeClock()
    limiter = RefreshLimiter(10, clock=clock)
    assert limiter.wait_s() == 0
    assert limiter.try_acquire() is True
    clock.now = 103.0
    assert limiter.try_acquire() is False  # a second viewer 3 s later
    assert limiter.wait_s() == 7.0
    clock.now = 109.9
    assert limiter.try_acquire() is False
    clock.now = 110.0
    assert limiter.try_acquire() is True
    # A crowd pressing 100 times within a minute gets 6 refreshes (t = 110, 120, ..., 160).
    clock.now = 110.5
    granted = 0
    for n in range(100):
        clock.now = 110.5 + n * 0.6  # 110.5 .. 169.9
        granted += limiter.try_acquire()
    assert granted == 5  # 120.x, 130.x, 140.x, 150.x, 160.x (110 was taken above)


def test_next_update_in():
    now = datetime(2022, 5, 23, 3, 0, 0, tzinfo=UTC)
    # Read 4 s ago, TTL 15 s, page reruns every 15 s: the next rerun (in 15 s) shows new data.
    assert next_update_in(now - timedelta(seconds=4), now, 15, 15) == 15
    # Reruns every 5 s: the data expires in 11 s, so the rerun at 15 s (3 x 5) shows it.
    assert next_update_in(now - timedelta(seconds=4), now, 15, 5) == 15
    # Reruns every 5 s, data read 12 s ago: expires in 3 s -> the next rerun, in 5 s.
    assert next_update_in(now - timedelta(seconds=12), now, 15, 5) == 5
    # Already expired: the very next rerun.
    assert next_update_in(now - timedelta(seconds=20), now, 15, 5) == 5


def test_status_line_values():
    fetched = datetime(2022, 5, 23, 3, 4, 5, tzinfo=UTC)
    state = status(
        fetched, fetched, fetched + timedelta(seconds=2), 15, tz=timezone(timedelta(hours=7))
    )
    assert (state.updated, state.next_in) == ("10:04:05", 15)
    assert status(None, fetched, fetched, 15).updated == "-"
