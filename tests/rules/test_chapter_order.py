from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import chapter_order as rule

from .conftest import check, check_example, findings


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message_names_the_chapter_above_and_where_it_belongs() -> None:
    data = b"0:00 Intro\n5:12 Listener questions\n1:34 Keystone species\n"
    (finding,) = findings(rule, data, "ep.chapters.txt")
    assert finding.message == (
        "chapter 'Keystone species' (line 3) starts at 00:01:34, before 'Listener questions' "
        "(line 2) above it at 00:05:12; players take chapters in order of their start: move "
        "it after 'Intro' (line 1), or correct its time"
    )


def test_one_chapter_pasted_too_high_is_one_problem() -> None:
    data = b"0:00 A\n9:00 Z\n1:00 B\n2:00 C\n3:00 D\n"
    (finding,) = findings(rule, data, "ep.chapters.txt")
    assert finding.line == 2
    assert "later than 'B' (line 3) below it at 00:01:00" in finding.message


def test_first_chapter_belongs_at_the_top() -> None:
    data = b"WEBVTT\n\n00:10.000 --> 00:20.000\nB\n\n00:20.000 --> 00:30.000\nC\n\n" \
           b"00:00.000 --> 00:10.000\nA\n"
    (finding,) = findings(rule, data, "ep.chapters.vtt")
    assert (finding.line, finding.column) == (9, 1)
    assert "move it to the top" in finding.message


def test_json_reports_at_the_chapters_brace_and_counts_silent_markers() -> None:
    data = (b'{"version": "1.2.0", "chapters": [\n  {"startTime": 0, "title": "A"},\n'
            b'  {"startTime": 60, "toc": false},\n  {"startTime": 30, "title": "B"}\n]}\n')
    assert check(rule, data, "ep.chapters.json") == [(4, 3)]


def test_equal_starts_are_in_order() -> None:
    assert check(rule, b"0:00 A\n0:00 B\n", "ep.chapters.txt") == []
