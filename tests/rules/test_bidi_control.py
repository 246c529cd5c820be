from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import bidi_control as rule

from .conftest import check, check_example, findings, fix


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(4, 8), (4, 13)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_fix_removes_them_and_shows_the_real_text() -> None:
    before = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nPrice: \u202e0001\u202c dollars\n"
    after = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nPrice: 0001 dollars\n"
    assert fix(rule, before.encode()) == after.encode()


def test_isolates_are_reported_and_marks_are_not() -> None:
    data = "00:00:01 \u2067שלום\u2069 \u200fok\u200e\n".encode()
    assert check(rule, data, "x.txt") == [(1, 10), (1, 15)]
    assert "RIGHT-TO-LEFT ISOLATE" in findings(rule, data, "x.txt")[0].message
