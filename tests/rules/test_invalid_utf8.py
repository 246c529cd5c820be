from __future__ import annotations

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
