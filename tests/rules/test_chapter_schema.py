from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import chapter_schema as rule

from .conftest import check, check_example, findings


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(5, 6)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_a_warning_of_the_reader_stays_a_warning() -> None:
    data = b'{"chapters": [\n  {"startTime": 0},\n  {"startTime": "x", "title": "B"}\n]}\n'
    found = findings(rule, data, "ep.chapters.json")
    assert [(f.line, f.column, f.level) for f in found] == [
        (1, 1, "warning"), (2, 3, "warning"), (3, 4, None),
    ]
    assert found[1].message == (
        'chapter 1 has no "title", and players list it untitled; add a "title", or '
        '"toc": false for a silent marker'
    )


def test_invalid_json_is_one_error_where_the_parser_stopped() -> None:
    found = findings(rule, b'{"version": "1.2.0",\n "chapters": [}\n', "ep.chapters.json")
    assert [(f.line, f.column) for f in found] == [(2, 15)]
    assert found[0].message.startswith("not valid JSON: Expecting value; a chapters file is")


def test_list_and_webvtt_titles() -> None:
    assert check(rule, b"0:00 Intro\n1:00\n", "ep.chapters.txt") == [(2, 1)]
    data = b"WEBVTT\n\n00:00.000 --> 00:10.000\nIntro\n\n00:10.000 --> 00:20.000\n\n"
    assert check(rule, data, "ep.chapters.vtt") == [(6, 1)]


def test_a_transcript_is_not_checked() -> None:
    assert check(rule, b'{"version": "1.0.0", "segments": []}', "ep.json") == []
