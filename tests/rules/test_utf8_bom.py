from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import utf8_bom as rule

from .conftest import check, check_example, fix

BODY = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi!\n"
BOM = b"\xef\xbb\xbf"


def test_off_by_default() -> None:
    assert rule.ENABLED is False


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(1, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_fix_removes_the_mark() -> None:
    assert fix(rule, BOM + BODY) == BODY


def test_require_policy_reports_and_adds_a_missing_mark() -> None:
    assert check(rule, BODY, policy="require") == [(1, 1)]
    assert check(rule, BOM + BODY, policy="require") == []
    assert fix(rule, BODY, policy="require") == BOM + BODY


def test_require_policy_leaves_other_encodings_alone() -> None:
    data = "00:00:01 Señor\n".encode("utf-16")
    assert check(rule, data, "x.txt", policy="require") == []
    assert fix(rule, data, "x.txt", policy="require") is None
