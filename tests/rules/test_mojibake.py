from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import mojibake as rule

from .conftest import check, check_example, findings, fix


def test_failing_example_points_at_the_first_odd_character() -> None:
    assert check_example(rule, "failing") == [(1, 33)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message_quotes_the_word_and_its_repair() -> None:
    (finding,) = findings(rule, "00:00:01 Hello AlÃ¡n!\n".encode(), "x.txt")
    assert "'AlÃ¡n!'" in finding.message and "'Alán!'" in finding.message


def test_fix_of_the_example() -> None:
    before = "00:00:01 Welcome to the show, AlÃ¡n.\n".encode()
    assert fix(rule, before, "x.txt") == "00:00:01 Welcome to the show, Alán.\n".encode()


def test_vtt_positions_and_fix_keep_everything_else() -> None:
    data = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nIt’s fine, café.\n\n"
        "00:00:02.000 --> 00:00:03.000\r\nHe said â€œhiâ€\x9d &amp; left\r\n"
    ).encode()
    assert check(rule, data) == [(7, 9)]
    assert fix(rule, data) == (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nIt’s fine, café.\n\n"
        "00:00:02.000 --> 00:00:03.000\r\nHe said “hi” &amp; left\r\n"
    ).encode()


def test_correct_accents_and_quotes_are_not_mojibake() -> None:
    data = "00:00:01 Ångström, naïve café – “quoted” … ½ 10°C, São Paulo, Zürich\n"
    assert check(rule, data.encode(), "x.txt") == []


def test_ascii_file_never_loads_ftfy() -> None:
    assert check(rule, b"00:00:01 plain ASCII text\n", "x.txt") == []


def test_untimed_line_after_a_blank_line_is_found_and_fixed_where_it_is() -> None:
    # Found by the fuzzer: the text reader skips blank lines, so the second
    # line of this cue is file line 3, not line 2 (which is blank).
    data = "00:00:01 Hello\n\nAlÃ¡n here\n\n00:00:05 Bye\n".encode()
    assert check(rule, data, "x.txt") == [(3, 3)]
    assert fix(rule, data, "x.txt") == "00:00:01 Hello\n\nAlán here\n\n00:00:05 Bye\n".encode()
