"""Live meeting helpers: the change feed, the "refresh now" rate limit and the status line.

All pure (no Streamlit): the UI keeps one :class:`FeedLog` and one :class:`RefreshLimiter` per
server process and renders the :class:`FeedItem` s through the message catalogue.

- Change feed: :func:`change_feed` compares two competitions (the previous and the new
  snapshot) and says what happened in the committee's words: a judge finished, new scores for a
  product, a changed score, a new data issue with its tab and cell.
- Rate limit: however many viewers press "refresh now", the source is read at most once per
  ``min_interval_s`` by a forced refresh, on top of the one automatic read per TTL. At the
  default 10 s that is 6 extra reads a minute, so with the 15 s TTL (at most 5 a minute) the
  app stays at 11 of Google's 60 reads per minute.
- Status: "updated HH:MM:SS · next in N s", where N is when this page will next show new data.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

import pandas as pd

from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.scoring.progress import judge_progress

#: Fewest seconds between two forced refreshes, across every viewer of the server.
FORCED_REFRESH_MIN_S = 10.0
#: Items kept in the feed log (newest first).
FEED_KEEP = 50


@dataclass(frozen=True)
class FeedItem:
    """One line of the change feed: a catalogue key (``live.feed.*``) and its parameters."""

    key: str
    params: dict = field(default_factory=dict)


def _finished(comp: Competition) -> set[str]:
    frame = judge_progress(comp).per_judge
    return set(frame.loc[frame["finished"], "judge_id"])


def _cells(comp: Competition) -> pd.Series:
    """Valid scores keyed by (judge, product, criterion)."""
    scores = comp.scores
    index = pd.MultiIndex.from_frame(scores[["judge_id", "product_id", "criterion_id"]])
    values = pd.Series(scores["score"].to_numpy(dtype=float), index=index)
    return values[~values.index.duplicated()]


def _issue_key(issue) -> tuple:
    return (issue.code, issue.tab, issue.cell, issue.judge_id, issue.product_id)


def change_feed(before: Competition | None, after: Competition, limit: int = 12) -> list[FeedItem]:
    """What changed from ``before`` to ``after``; nothing when there is no ``before``.

    Order: judges who finished, new scores per product, changed scores per product, new issues,
    resolved issues. More than ``limit`` items end with one ``live.feed.more`` item.
    """
    if before is None:
        return []
    items: list[FeedItem] = []
    for judge in sorted(_finished(after) - _finished(before)):
        items.append(FeedItem("live.feed.judge_finished", {"judge": judge}))

    old, new = _cells(before), _cells(after)
    added = new.index.difference(old.index)
    common = new.index.intersection(old.index)
    changed = common[(new[common] != old[common]).to_numpy()] if len(common) else common
    for key, cells in (("live.feed.new_scores", added), ("live.feed.changed_scores", changed)):
        if len(cells) == 0:
            continue
        per_product = pd.Series(cells.get_level_values("product_id")).value_counts()
        for product, n in sorted(per_product.items()):
            items.append(FeedItem(key, {"n": int(n), "product": product}))

    old_issues = {_issue_key(i) for i in before.issues}
    new_keys = set()
    for issue in after.issues:
        issue_key = _issue_key(issue)
        new_keys.add(issue_key)
        if issue_key in old_issues:
            continue
        if issue.cell:
            items.append(FeedItem("live.feed.new_issue", {"tab": issue.tab, "cell": issue.cell}))
        else:
            items.append(FeedItem("live.feed.new_issue_tab", {"tab": issue.tab}))
    resolved = len(old_issues - new_keys)
    if resolved:
        items.append(FeedItem("live.feed.issues_resolved", {"n": resolved}))

    if len(items) > limit:
        rest = len(items) - (limit - 1)
        items = items[: limit - 1] + [FeedItem("live.feed.more", {"n": rest})]
    return items


class FeedLog:
    """The server's running change feed: diffs each new data version against the last one.

    Shared by every session (one per process), so every viewer sees the same feed. Thread-safe.
    """

    def __init__(self, keep: int = FEED_KEEP) -> None:
        self._lock = threading.Lock()
        self._version: str | None = None
        self._competition: Competition | None = None
        self._entries: deque[tuple[datetime, FeedItem]] = deque(maxlen=keep)

    def observe(self, version: str, competition: Competition | None, when: datetime) -> None:
        """Record what changed if ``version`` is new; the first version only sets the baseline."""
        if competition is None:
            return
        with self._lock:
            if version == self._version:
                return
            items = change_feed(self._competition, competition)
            self._version, self._competition = version, competition
            for item in items:
                self._entries.appendleft((when, item))

    def entries(self, limit: int = 10) -> list[tuple[datetime, FeedItem]]:
        """The newest ``limit`` items, newest first."""
        with self._lock:
            return list(self._entries)[:limit]


class RefreshLimiter:
    """At most one forced refresh per ``min_interval_s`` seconds, for the whole process."""

    def __init__(
        self,
        min_interval_s: float = FORCED_REFRESH_MIN_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.min_interval_s = float(min_interval_s)
        self._clock = clock
        self._last: float | None = None
        self._lock = threading.Lock()

    def wait_s(self) -> float:
        """Seconds until a forced refresh is allowed again (0 when allowed now)."""
        with self._lock:
            return self._wait(self._clock())

    def _wait(self, now: float) -> float:
        if self._last is None:
            return 0.0
        return max(0.0, self._last + self.min_interval_s - now)

    def try_acquire(self) -> bool:
        """Take the one slot if it is free; ``False`` means the caller must not refresh."""
        with self._lock:
            now = self._clock()
            if self._wait(now) > 0:
                return False
            self._last = now
            return True


def next_update_in(checked_at: datetime, now: datetime, ttl_s: float, run_every_s: float) -> int:
    """Whole seconds until the page next shows new data.

    The shared data is re-read when it is ``ttl_s`` old (``checked_at + ttl_s``); the page
    reruns every ``run_every_s`` from ``now``. New data shows at the first rerun at or after the
    re-read, i.e. ``now + k * run_every_s`` for the smallest k >= 1 reaching it.
    """
    due = (checked_at - now).total_seconds() + ttl_s
    step = max(float(run_every_s), 1e-9)
    k = max(1, math.ceil(due / step - 1e-9))
    return math.ceil(k * step - 1e-9)


@dataclass(frozen=True)
class Status:
    """What the status line says: "updated {updated} · next in {next_in} s"."""

    updated: str
    next_in: int


def status(
    fetched_at: datetime | None,
    checked_at: datetime,
    now: datetime,
    ttl_s: float,
    run_every_s: float | None = None,
    tz: tzinfo | None = None,
) -> Status:
    """The status line's values; time in ``tz`` (default: the server's), "-" when never read."""
    updated = fetched_at.astimezone(tz).strftime("%H:%M:%S") if fetched_at else "-"
    return Status(updated, next_update_in(checked_at, now, ttl_s, run_every_s or ttl_s))
