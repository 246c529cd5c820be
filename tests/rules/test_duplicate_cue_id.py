from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import duplicate_cue_id as rule

from .conftest import check, check_example, findings


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(7, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message_names_the_first_use() -> None:
    data = b"WEBVTT\n\n1\n00:01.000 --> 00:02.000\na\n\n2\n00:02.000 --> 00:03.000\nb\n\n"
    data += b"1\n00:03.000 --> 00:04.000\nc\n"
    (finding,) = findings(rule, data)
    assert (finding.line, finding.column) == (11, 1)
    assert "line 3" in finding.message


def test_cues_without_identifiers_are_fine() -> None:
    data = b"WEBVTT\n\n00:01.000 --> 00:02.000\na\n\n00:02.000 --> 00:03.000\nb\n"
    assert check(rule, data) == []
