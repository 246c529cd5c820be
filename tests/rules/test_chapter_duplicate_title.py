from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import chapter_duplicate_title as rule

from .conftest import check, check_example, findings


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(4, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_case_and_spaces_do_not_tell_titles_apart() -> None:
    data = b"0:00 Q&A\n1:00 Intro\n2:00 q&a\n3:00  Q&A \n"
    found = findings(rule, data, "ep.chapters.txt")
    assert [(f.line, f.column) for f in found] == [(3, 1), (4, 1)]
    assert found[0].message == (
        "chapter title 'q&a' is also the title of the chapter at line 1; give each chapter "
        "a title of its own"
    )


def test_silent_markers_and_untitled_chapters_are_left_out() -> None:
    data = (b'{"version": "1.2.0", "chapters": [\n {"startTime": 0, "title": "Art"},\n'
            b' {"startTime": 5, "title": "Art", "toc": false},\n {"startTime": 9},\n'
            b' {"startTime": 10}]}')
    assert check(rule, data, "ep.chapters.json") == []
