from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import bad_timing_line as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(2, 14)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_webvtt_arrow_without_spaces_is_not_this_rule() -> None:
    # Browsers read it: timing-line-form, a warning (tests/rules/test_timing_line_form.py).
    assert check(rule, b"WEBVTT\n\n00:01.000-->00:02.000\nHi\n") == []


def test_an_srt_arrow_players_drop() -> None:
    assert check(rule, b"1\n00:00:01,000 -> 00:00:02,000\nHi\n", "x.srt") == [(2, 14)]
