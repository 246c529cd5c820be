from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import trailing_whitespace as rule

from .conftest import check, check_example, fix


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 30), (4, 10)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_fix_keeps_crlf() -> None:
    before = b"00:00:01 a \r\n\r\n00:00:02 b\t \r\n"
    assert check(rule, before, "x.txt") == [(1, 11), (3, 11)]
    assert fix(rule, before, "x.txt") == b"00:00:01 a\r\n\r\n00:00:02 b\r\n"


def test_space_only_line_inside_a_cue_is_kept() -> None:
    # Emptying line 5 would end the cue there and cut "world" off from it.
    data = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n \nworld \n"
    assert check(rule, data) == [(6, 6)]
    assert fix(rule, data) == b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n \nworld\n"


def test_space_only_line_at_the_end_of_a_cue_is_stripped() -> None:
    head = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n"
    tail = b"\n00:00:03.000 --> 00:00:04.000\nx\n"
    assert check(rule, head + b"  \n" + tail) == [(5, 1)]
    assert fix(rule, head + b"  \n" + tail) == head + b"\n" + tail


def test_last_line_without_a_break() -> None:
    assert check(rule, b"00:00:01 a  ", "x.txt") == [(1, 11)]
    assert fix(rule, b"00:00:01 a  ", "x.txt") == b"00:00:01 a"
