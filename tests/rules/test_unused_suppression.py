"""unused-suppression: the rule's own check (what the file shows) and the linter's
part (directives naming a rule that finds nothing in their range)."""

from __future__ import annotations

from sphinxcontrib_transcript.lint import lint_bytes, resolve
from sphinxcontrib_transcript.lint.rules import unused_suppression as rule

from .conftest import check, check_example

OVERLAP = b"""WEBVTT

00:00:01.000 --> 00:00:04.040
Welcome to the show.

%s

00:00:04.000 --> 00:00:06.000
Today we talk about Python 3.8.

00:00:07.000 --> 00:00:08.000
Bye.
"""


def lint(data: bytes, **table: object) -> list[tuple[int, int, str]]:
    config = resolve(table, source=None, root=".")
    return [(p.line, p.column, p.rule) for p in lint_bytes(data, "a.vtt", config)]


def note(text: bytes) -> bytes:
    return OVERLAP % text


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 36)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_a_directive_that_hides_a_problem_is_used() -> None:
    assert lint(note(b"NOTE transcript-lint: disable-next=cue-overlap")) == []
    assert lint(note(b"NOTE transcript-lint: disable=cue-overlap")) == []
    assert lint(note(b"NOTE transcript-lint: disable-next=all")) == []
    assert lint(b"WEBVTT\n\nNOTE transcript-lint: disable-file=cue-overlap\n\n"
                + note(b"NOTE")[8:]) == []


def test_a_directive_with_nothing_in_its_range_is_reported() -> None:
    # The overlap is at the cue after the directive; this one covers the last cue.
    data = OVERLAP.replace(b"\n\n00:00:07", b"\n\nNOTE transcript-lint: disable-next=cue-overlap"
                                            b"\n\n00:00:07") % b"NOTE"
    assert lint(data) == [(8, 1, "cue-overlap"), (11, 36, "unused-suppression")]
    problems = lint_bytes(data, "a.vtt")
    assert problems[-1].message == (
        "disable-next=cue-overlap suppresses nothing (no cue-overlap problem in the block "
        "after it); remove it"
    )
    assert problems[-1].level == "warning"


def test_a_rule_not_enabled_reports_nothing_so_its_directive_is_unused() -> None:
    data = note(b"NOTE transcript-lint: disable-next=cue-overlap,line-too-long")
    assert lint(data) == [(6, 48, "unused-suppression")]
    # Enabled, line-too-long finds nothing in that cue either.
    assert lint(data, **{"extend-select": ["line-too-long"]}) == [(6, 48, "unused-suppression")]


def test_disable_and_enable_are_one_finding() -> None:
    data = note(b"NOTE transcript-lint: disable=zero-duration") + (
        b"\nNOTE transcript-lint: enable=zero-duration\n")
    assert lint(data) == [(6, 31, "unused-suppression"), (8, 1, "cue-overlap")]


def test_what_the_file_alone_shows() -> None:
    data = (b"WEBVTT\n\nNOTE transcript-lint: enable=cue-order\n\n"
            b"NOTE transcript-lint: disable=cue-order\n\n"
            b"NOTE transcript-lint: disable=cue-order\n\n"
            b"NOTE\ntranscript-lint: ignore=cue-order\n\n"
            b"00:00:01.000 --> 00:00:02.000\nHi.\n\n"
            b"NOTE transcript-lint: disable-next=cue-order\n")
    assert check(rule, data) == [(3, 30), (7, 31), (15, 36), (10, 1)]


def test_it_can_be_switched_off_like_any_rule() -> None:
    data = note(b"NOTE transcript-lint: disable-next=cue-ordr")
    assert lint(data) == [(6, 36, "unused-suppression"), (8, 1, "cue-overlap")]
    assert lint(data, ignore=["unused-suppression"]) == [(8, 1, "cue-overlap")]
    hidden = b"WEBVTT\n\nNOTE transcript-lint: disable-file=unused-suppression\n" + data[6:]
    assert lint(hidden) == [(11, 1, "cue-overlap")]


def test_note_blocks_do_not_shift_line_numbers() -> None:
    # Problems after NOTE blocks (one line, several lines, directives or not)
    # point at the lines they are on.
    data = (b"WEBVTT\n\nNOTE a comment\nover two lines\n\n"
            b"NOTE transcript-lint: disable-next=zero-duration\n\n"
            b"00:00:01.000 --> 00:00:01.000\nHidden.\n\n"
            b"NOTE\n\n"
            b"00:00:03.000 --> 00:00:03.000\nShown.\n")
    assert lint(data) == [(13, 18, "zero-duration")]
    assert data.split(b"\n")[12].startswith(b"00:00:03.000 -->")
