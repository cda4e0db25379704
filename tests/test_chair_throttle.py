"""Nobody can lock the chair out (issue 18 §6).

Wrong chair passwords were counted for the whole server: five from any viewer refused even the
right password for a minute. Now each browser session waits after its own wrong tries (a wait
that doubles), and the server-wide count only holds wrong answers back. Pure-logic tests of the
two, then two AppTest sessions: one keeps guessing, the other unlocks at once.
"""

from __future__ import annotations

from kbo_dashboard.meeting.password import ServerCeiling, SessionThrottle
from tests.test_chair_form import unlock
from tests.test_pages import no_exception, open_page


def test_a_session_gets_three_free_tries_then_a_wait_that_doubles_up_to_the_cap():
    now = [100.0]
    throttle = SessionThrottle(free=3, base_s=2.0, cap_s=10.0, clock=lambda: now[0])
    throttle.failed()
    throttle.failed()
    assert throttle.wait_s() == 0  # two wrong tries: no wait yet
    expected = [2.0, 4.0, 8.0, 10.0, 10.0]  # 2 * 2**k for the 3rd, 4th... try, capped at 10
    for wait in expected:
        throttle.failed()
        assert throttle.wait_s() == wait
        now[0] += wait
        assert throttle.wait_s() == 0
    throttle.succeeded()  # the right password clears it
    throttle.failed()
    assert throttle.failures == 1 and throttle.wait_s() == 0


def test_the_server_ceiling_holds_wrong_answers_past_the_limit_and_never_refuses():
    now, slept = [0.0], []
    ceiling = ServerCeiling(
        limit=3, window_s=60, hold_s=0.5, max_hold_s=2.0, clock=lambda: now[0], sleep=slept.append
    )
    # 3 wrong tries within the limit, then 4th..8th: 0.5 s more per try over it, up to 2 s.
    holds = [ceiling.slow_down() for _ in range(8)]
    assert holds == [0, 0, 0, 0.5, 1.0, 1.5, 2.0, 2.0]
    assert slept == [0.5, 1.0, 1.5, 2.0, 2.0]
    now[0] += 61  # the window has passed: wrong answers are quick again
    assert ceiling.slow_down() == 0
    assert not hasattr(ceiling, "wait_s")  # nothing to refuse with: it only slows


def test_one_session_keeps_guessing_while_another_unlocks_at_once(app_env, chair_password):
    guesser = open_page("pages/nomination.py", "en")
    for n in range(8):
        unlock(guesser, f"wrong guess {n}", name="someone")
        no_exception(guesser)
    errors = [e.value for e in guesser.error]
    assert any(e.startswith("Too many wrong passwords") for e in errors)  # the guesser waits
    assert "chair_record" not in {b.key for b in guesser.button}

    chair = open_page("pages/nomination.py", "en")  # another browser, at the same moment
    unlock(chair, chair_password)
    no_exception(chair)
    assert not [e.value for e in chair.error]
    assert "chair_record" in {b.key for b in chair.button}  # unlocked: the form is there
