from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import mixed_line_endings as rule

from .conftest import check, check_example, findings, fix


def test_failing_example_points_at_the_odd_line_end() -> None:
    assert check_example(rule, "failing") == [(1, 7)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_one_finding_per_file_counting_the_odd_lines() -> None:
    data = b"00:00:01 a\r\n\r\n00:00:02 b\n\n00:00:03 c\r\n"
    (finding,) = findings(rule, data, "x.txt")
    assert (finding.line, finding.column) == (3, 11)
    assert "2 lines differ" in finding.message and "CRLF" in finding.message


def test_consistent_crlf_and_cr_files_are_clean() -> None:
    assert check(rule, b"WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r\n") == []
    assert check(rule, b"WEBVTT\r\r00:01.000 --> 00:02.000\rHi\r") == []


def test_fix_converts_to_the_majority() -> None:
    before = b"00:00:01 a\r\n\r\n00:00:02 b\n\n00:00:03 c\r\n"
    assert fix(rule, before, "x.txt") == b"00:00:01 a\r\n\r\n00:00:02 b\r\n\r\n00:00:03 c\r\n"


def test_fix_breaks_ties_towards_lf() -> None:
    assert fix(rule, b"00:00:01 a\r\n00:00:02 b\n", "x.txt") == b"00:00:01 a\n00:00:02 b\n"


def test_fix_keeps_a_missing_final_line_end_missing() -> None:
    # One CRLF, one CR: a tie, which goes to CRLF (LF has none here).
    assert fix(rule, b"00:00:01 a\r\n00:00:02 b\r00:00:03 c", "x.txt") == (
        b"00:00:01 a\r\n00:00:02 b\r\n00:00:03 c"
    )
