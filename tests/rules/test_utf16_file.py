from __future__ import annotations

import codecs

from sphinxcontrib_transcript.lint.rules import utf16_file as rule

from .conftest import check, check_example, findings, fix

TEXT = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHé!\n"


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(1, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_each_byte_order_mark_is_named() -> None:
    for codec, mark, name in (
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16 (little-endian)"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16 (big-endian)"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32 (little-endian)"),
        ("utf-32-be", codecs.BOM_UTF32_BE, "UTF-32 (big-endian)"),
    ):
        (finding,) = findings(rule, mark + TEXT.encode(codec))
        assert name in finding.message


def test_fix_reencodes_as_utf8_without_mark() -> None:
    before = codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")
    assert fix(rule, before) == TEXT.encode("utf-8")


def test_utf8_is_left_alone() -> None:
    assert check(rule, codecs.BOM_UTF8 + TEXT.encode()) == []
    assert fix(rule, TEXT.encode()) is None
