from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import missing_blank_line as rule

from .conftest import check, check_example, fix


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(4, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_fix_inserts_a_blank_line_where_the_card_starts() -> None:
    before = b"1\n00:00:01,000 --> 00:00:02,000\nHello.\n2\n00:00:02,000 --> 00:00:03,000\nHi\n"
    after = b"1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:02,000 --> 00:00:03,000\nHi\n"
    assert fix(rule, before, "x.srt") == after


def test_webvtt_fix_keeps_every_cue_as_browsers_read_it() -> None:
    before = b"WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r\n00:02.000 --> 00:03.000\r\nYo\r\n"
    assert check(rule, before) == [(5, 1)]
    assert fix(rule, before) == (
        b"WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r\n\r\n00:02.000 --> 00:03.000\r\nYo\r\n"
    )
