from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_transcript.lint.base import Context
from sphinxcontrib_transcript.lint.rules import trailing_whitespace as rule

from .conftest import check, check_example, fix, read


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


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", " ", "\t", "\n", "\r", "\r\n", "\x0c"]), max_size=12))
def test_quick_search_agrees_with_walking_the_lines(pieces: list[str]) -> None:
    # The search that decides whether the lines are walked at all must never
    # miss a line ending in a blank, whatever the line ends are.
    data = "".join(pieces).encode()
    text, transcript = read(data, "x.txt")
    ctx = Context("x.txt", data, text, transcript)
    walked = any(line.endswith((" ", "\t")) for line in re.split(r"\r\n|\r|\n", text))
    assert rule._any(ctx) == walked
