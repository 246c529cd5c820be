from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import control_character as rule
from sphinxcontrib_transcript.lint.rules import mojibake

from .conftest import check, check_example, findings, fix


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(4, 3)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_fix_of_the_example() -> None:
    before = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\x07 there!\n"
    assert fix(rule, before) == b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi there!\n"


def test_tabs_and_line_ends_are_not_controls() -> None:
    assert check(rule, b"00:00:01 a\tb\r\n00:00:02 c\n", "x.txt") == []


def test_nul_c1_and_a_stray_byte_order_mark_in_non_ascii_text() -> None:
    data = "00:00:01 café\x00\n00:00:02 x\x85y\n00:00:03 \ufeffz\n".encode()
    # U+0085 is cp1252's "…" read as Latin-1: mojibake reports it, this rule does not.
    assert check(rule, data, "x.txt") == [(1, 14), (3, 10)]
    # and its fix, not this one, repairs it.
    assert fix(rule, data, "x.txt") == "00:00:01 café\n00:00:02 x\x85y\n00:00:03 z\n".encode()


def test_c1_inside_mojibake_is_left_for_the_mojibake_fix() -> None:
    # One defect, one report: the mojibake rule's, whose fix restores the quote.
    data = "00:00:01 â€\x9dquoted\n".encode()
    assert findings(rule, data, "x.txt") == []
    assert fix(rule, data, "x.txt") is None
    assert [(f.line, f.column) for f in findings(mojibake, data, "x.txt")] == [(1, 10)]


def test_a_run_of_c1_controls_outside_cue_text_goes_in_one_fix() -> None:
    # Found by the fuzzer: each fix removed only the first of the run (the
    # others sat right after a non-ASCII character), so --fix was never done.
    data = "WEBVTT x\x93\x93\x93y and café\n\n00:00.000 --> 00:01.000\nHi\n".encode()
    findings_ = findings(rule, data, "x.vtt")
    assert [(f.line, f.column) for f in findings_] == [(1, 9), (1, 10), (1, 11)]
    assert all(f.message.endswith("; remove it") for f in findings_)
    fixed = "WEBVTT xy and café\n\n00:00.000 --> 00:01.000\nHi\n"
    assert fix(rule, data, "x.vtt") == fixed.encode()
