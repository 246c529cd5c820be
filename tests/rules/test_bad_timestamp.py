from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import bad_timestamp as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_webvtt_points_where_the_timestamp_goes_wrong() -> None:
    assert check(rule, b"WEBVTT\n\n00:00:01.000 --> 00:00:02.00\nHi\n") == [(3, 27)]
    assert check(rule, b"WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nHi\n") == [(3, 9)]


def test_what_players_read_is_not_a_bad_timestamp() -> None:
    # A '.' before the milliseconds in SRT: timestamp-form, a warning.
    assert check(rule, b"1\n00:00:01.000 --> 00:00:02,000\nHi\n", "x.srt") == []
