from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import leading_junk as rule

from .conftest import check, check_example, fix


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(1, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_fix_removes_the_blank_lines_only() -> None:
    before = b"\r\n \r\n1\r\n00:00:01,000 --> 00:00:02,000\r\nHello.\r\n"
    assert check(rule, before, "x.srt") == [(1, 1)]
    assert fix(rule, before, "x.srt") == b"1\r\n00:00:01,000 --> 00:00:02,000\r\nHello.\r\n"


def test_nothing_to_fix_without_a_finding() -> None:
    assert fix(rule, b"1\n00:00:01,000 --> 00:00:02,000\nHello.\n", "x.srt") is None
