from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import merge_conflict as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 1), (5, 1), (7, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_diff3_base_marker_and_crlf() -> None:
    data = b"<<<<<<< ours\r\n00:00:01 a\r\n||||||| base\r\n=======\r\n>>>>>>> theirs\r\n"
    assert check(rule, data, "x.txt") == [(1, 1), (3, 1), (4, 1), (5, 1)]


def test_markers_must_start_the_line_and_stand_alone() -> None:
    data = b"00:00:01 a <<<<<<< b\n\n========\n\n00:00:02 >>>>>>> c\n"
    assert check(rule, data, "x.txt") == []
