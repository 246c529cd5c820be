from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import timestamp_form as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(2, 9)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_srt_dot_before_milliseconds() -> None:
    assert check(rule, b"1\n00:00:01.000 --> 00:00:02,000\nHi\n", "x.srt") == [(2, 9)]


def test_srt_forms_players_read() -> None:
    one_digit = b"1\n0:00:01,000 --> 00:00:02,000\nHi\n"
    assert check(rule, one_digit, "x.srt") == [(2, 1)]
    short_millis = b"1\n00:00:01,5 --> 00:00:02,000\nHi\n"
    assert check(rule, short_millis, "x.srt") == [(2, 10)]


def test_an_indented_time_in_timestamped_text() -> None:
    assert check(rule, b"00:00:01 A\n\n  00:00:02 B\n", "x.txt") == [(3, 3)]


def test_a_time_no_player_reads_is_not_this_rule() -> None:
    assert check(rule, b"1\n00:61:00,000 --> 00:62:00,000\nHi\n", "x.srt") == []
