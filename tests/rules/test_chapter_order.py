from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import chapter_order as rule

from .conftest import check, check_example, findings, fix


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


def test_fix_sorts_list_lines_and_leaves_the_prose() -> None:
    data = b"Chapters:\r\n0:00 Intro\r\n5:12 Listener questions\r\nprose here\r\n1:34 Keystone\r\n"
    assert fix(rule, data, "ep.chapters.txt") == (
        b"Chapters:\r\n0:00 Intro\r\n1:34 Keystone\r\nprose here\r\n5:12 Listener questions\r\n"
    )


def test_fix_moves_json_objects_whole() -> None:
    data = (b'{"version": "1.2.0", "chapters": [\n  {"startTime": 0, "title": "A"},\n'
            b'  {"startTime": 60, "toc": false},\n  {"startTime": 30,\n   "title": "B"}\n'
            b'], "author": "x"}\n')
    assert fix(rule, data, "ep.chapters.json") == (
        b'{"version": "1.2.0", "chapters": [\n  {"startTime": 0, "title": "A"},\n'
        b'  {"startTime": 30,\n   "title": "B"},\n  {"startTime": 60, "toc": false}\n'
        b'], "author": "x"}\n'
    )


def test_fix_moves_webvtt_blocks_with_their_identifiers_and_leaves_notes() -> None:
    data = (b"WEBVTT\n\nc2\n00:10.000 --> 00:20.000\nB\nmore\n\nNOTE stays\n\n"
            b"c1\n00:00.000 --> 00:10.000\nA\n")
    assert fix(rule, data, "ep.chapters.vtt") == (
        b"WEBVTT\n\nc1\n00:00.000 --> 00:10.000\nA\n\nNOTE stays\n\n"
        b"c2\n00:10.000 --> 00:20.000\nB\nmore\n"
    )


def test_fix_keeps_unread_json_elements_in_place() -> None:
    data = b'{"version": "1.2.0", "chapters": [{"startTime": 9, "title": "B"}, 7, ' \
           b'{"startTime": 1, "title": "A"}]}'
    assert fix(rule, data, "ep.chapters.json") == (
        b'{"version": "1.2.0", "chapters": [{"startTime": 1, "title": "A"}, 7, '
        b'{"startTime": 9, "title": "B"}]}'
    )


def test_nothing_to_fix_in_order() -> None:
    assert fix(rule, b"0:00 A\n1:00 B\n", "ep.chapters.txt") is None



def test_not_fixable_when_the_file_cannot_be_written_back_as_read() -> None:
    # An undecodable byte read as U+FFFD: writing the text back would change it.
    data = b"0:00 A\n5:00 B\n1:00 C \xff\xfe\x00\n"
    (finding,) = findings(rule, data, "ep.chapters.txt")
    assert (finding.line, finding.fixable) == (3, False)
    assert fix(rule, data, "ep.chapters.txt") is None
    (finding,) = findings(rule, b"0:00 A\n5:00 B\n1:00 C\n", "ep.chapters.txt")
    assert finding.fixable is True
