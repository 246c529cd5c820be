from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import srt_index as rule

from .conftest import check, check_example, fix


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(5, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_fix_renumbers() -> None:
    before = b"1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n3\n00:00:02,000 --> 00:00:03,000\nHi\n"
    after = b"1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:02,000 --> 00:00:03,000\nHi\n"
    assert fix(rule, before, "x.srt") == after


def test_fix_adds_a_missing_index() -> None:
    first = b"1\r\n00:00:01,000 --> 00:00:02,000\r\nA\r\n\r\n"
    before = first + b"00:00:02,000 --> 00:00:03,000\r\nB\r\n"
    assert check(rule, before, "x.srt") == [(5, 1)]
    assert fix(rule, before, "x.srt") == first + b"2\r\n00:00:02,000 --> 00:00:03,000\r\nB\r\n"
