from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import chapter_overlap as rule

from .conftest import check, check_example, findings


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message_says_where_to_end_it() -> None:
    data = (b'{"version": "1.2.0", "chapters": [\n {"startTime": 0, "endTime": 100.5, '
            b'"title": "Intro"},\n {"startTime": 94.5, "title": "Keystone"}]}')
    (finding,) = findings(rule, data, "ep.chapters.json")
    assert (finding.line, finding.column) == (2, 2)
    assert finding.message == (
        "chapter 'Intro' (line 2) ends at 00:01:40.500, after 'Keystone' (line 3) starts at "
        "00:01:34.500; end it at 00:01:34.500"
    )


def test_two_listed_chapters_starting_together() -> None:
    (finding,) = findings(rule, b"0:00 Intro\n1:00 A\n1:00 B\n", "ep.chapters.txt")
    assert finding.line == 3
    assert "with 'A' (line 2): one of them is never shown" in finding.message


def test_silent_markers_and_out_of_order_chapters_are_not_overlaps() -> None:
    data = (b'{"version": "1.2.0", "chapters": [\n'
            b' {"startTime": 0, "endTime": 60, "title": "A"},\n'
            b' {"startTime": 0, "toc": false, "img": "https://example.org/a.jpg"},\n'
            b' {"startTime": 60, "endTime": 200, "title": "B"},\n'
            b' {"startTime": 30, "title": "C"}]}')
    assert check(rule, data, "ep.chapters.json") == []


def test_an_end_at_the_next_start_is_no_overlap() -> None:
    data = b"WEBVTT\n\n00:00.000 --> 01:00.000\nA\n\n01:00.000 --> 02:00.000\nB\n"
    assert check(rule, data, "ep.chapters.vtt") == []
