from __future__ import annotations

import codecs

from sphinxcontrib_transcript.lint.rules import invalid_utf8 as rule

from .conftest import check, check_example, findings, fix

SPANISH = "1\n00:00:01,000 --> 00:00:02,000\n¡Hola! ¿Qué tal, señor Muñoz? Mañana.\n"


def test_failing_example_reports_the_first_bad_byte() -> None:
    assert check_example(rule, "failing") == [(3, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message_names_the_probable_encoding() -> None:
    (finding,) = findings(rule, SPANISH.encode("cp1252"), "x.srt")
    assert "cp1252" in finding.message
    assert "byte a1" in finding.message


def test_column_counts_characters_before_the_bad_byte() -> None:
    assert check(rule, "00:00:01 Señor\n".encode("latin-1"), "x.txt") == [(1, 12)]


def test_fix_transcodes_from_the_detected_encoding() -> None:
    assert fix(rule, SPANISH.encode("cp1252"), "x.srt") == SPANISH.encode("utf-8")


def test_no_fix_when_no_encoding_fits_without_loss() -> None:
    # A UTF-8 byte order mark forces UTF-8, so the bad byte becomes U+FFFD:
    # transcoding would lose it.
    data = b"\xef\xbb\xbf00:00:01 Se\xf1or\n"
    assert [line for line, _ in check(rule, data, "x.txt")] == [1]
    assert fix(rule, data, "x.txt") is None


def test_no_fix_for_utf8() -> None:
    assert fix(rule, SPANISH.encode("utf-8"), "x.srt") is None


# -- found by the fuzzer (tests/fuzz): positions are in the text as decoded ----


def test_utf16_without_bom_is_named_and_located_in_its_own_characters() -> None:
    # The first byte that is not UTF-8 is the 0xE1 of "á"; its place is counted
    # in the UTF-16 text (line 3, after "00:00:02 Ol"), not in bytes read as
    # UTF-8, which put it at column 24.  NULs between the letters are UTF-16,
    # not cp1252 text.
    data = "00:00:01 Hello\n\n00:00:02 Olá\n".encode("utf-16-le")
    (finding,) = findings(rule, data, "x.txt")
    assert (finding.line, finding.column) == (3, 12)
    assert "it looks like utf_16_le" in finding.message


def test_truncated_utf16_with_bom_points_at_the_last_line() -> None:
    # A UTF-16 file cut in the middle of a character: its CRLFs are "\r\0\n\0"
    # in bytes, which counted as two line breaks each put the problem on line 9
    # of a 5-line file.
    data = codecs.BOM_UTF16_LE + "WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r\n".encode(
        "utf-16-le"
    ) + b"\x00"
    assert check(rule, data) == [(5, 1)]
