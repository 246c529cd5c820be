from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import replacement_character as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(1, 22)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_every_occurrence_is_reported() -> None:
    data = "00:00:01 \ufffd and \ufffd\n\n00:00:02 x\ufffd\n".encode()
    assert check(rule, data, "x.txt") == [(1, 10), (1, 16), (3, 11)]


def test_not_reported_when_the_decoder_put_them_there() -> None:
    # Not UTF-8 and forced to UTF-8 by the BOM: the decoder writes U+FFFD and
    # invalid-utf8 reports the file.
    assert check(rule, b"\xef\xbb\xbf00:00:01 Se\xf1or\n", "x.txt") == []
