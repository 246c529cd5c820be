from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import empty_cue as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_markup_and_marks_only_count_as_empty() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<i> </i>\n\n00:02.000 --> 00:03.000\n\u200f\n"
    data = text.encode()
    assert check(rule, data) == [(3, 1), (6, 1)]


def test_empty_srt_card() -> None:
    data = b"1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\nx\n"
    assert check(rule, data, "x.srt") == [(2, 1)]


def test_a_character_reference_to_an_invisible_mark_in_an_ascii_file() -> None:
    """``&#8203;`` is ASCII in the file but a zero-width space on screen: the cue
    is empty even though the file holds no character beyond ASCII."""
    data = (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n&#8203;\n\n"
        b"00:00:02.000 --> 00:00:03.000\n&lrm;&nbsp;\n\n"
        b"00:00:03.000 --> 00:00:04.000\nQ&amp;A\n"
    )
    assert check(rule, data) == [(3, 1), (6, 1)]
