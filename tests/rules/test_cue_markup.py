from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import cue_markup as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(4, 1), (4, 19)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_positions_on_later_payload_lines() -> None:
    data = b"WEBVTT\n\n00:01.000 --> 00:02.000\nfine <b>bold</b>\nand <x>odd</x>\n"
    assert check(rule, data) == [(5, 5), (5, 11)]


def test_plain_text_files_skip_the_markup_parser() -> None:
    assert check(rule, b"WEBVTT\n\n00:01.000 --> 00:02.000\nno markup here\n") == []


def test_a_bare_ampersand_shown_as_written_is_not_reported_by_default() -> None:
    data = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nQ&A on R&D at AT&T, &foo; &copy2020\n"
    # &foo; and &copy2020 are still reported: the first shows as written but looks
    # like a reference gone wrong, the second turns into (C)2020.
    assert check(rule, data) == [(4, 21), (4, 27)]
    assert check(rule, data, strict_ampersands=True) == [
        (4, 2), (4, 9), (4, 17), (4, 21), (4, 27),
    ]
