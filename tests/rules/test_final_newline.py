from __future__ import annotations

import pytest

from sphinxcontrib_transcript.lint.rules import final_newline as rule

from .conftest import check, check_example, fix


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(1, 13)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


@pytest.mark.parametrize("data", [b"00:00:01 a\n", b"00:00:01 a\n\n", b"", b"a\r\n\r\n"])
def test_one_final_break_or_one_blank_line_is_fine(data: bytes) -> None:
    assert check(rule, data, "x.txt") == []
    assert fix(rule, data, "x.txt") is None


def test_several_blank_lines_at_the_end() -> None:
    assert check(rule, b"00:00:01 a\n\n\n\n", "x.txt") == [(3, 1)]
    assert fix(rule, b"00:00:01 a\n\n\n\n", "x.txt") == b"00:00:01 a\n\n"
    assert fix(rule, b"00:00:01 a\r\n\r\n \r\n\r\n", "x.txt") == b"00:00:01 a\r\n\r\n"


def test_fix_adds_the_usual_line_ending() -> None:
    assert fix(rule, b"00:00:01 a\r\n\r\n00:00:02 b", "x.txt") == (
        b"00:00:01 a\r\n\r\n00:00:02 b\r\n"
    )


def test_a_file_of_blank_lines_is_emptied() -> None:
    assert check(rule, b"\n\n\n", "x.txt") == [(1, 1)]
    assert fix(rule, b"\n\n\n", "x.txt") == b""
