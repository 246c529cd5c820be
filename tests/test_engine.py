"""The lint engine: problems, levels, reader diagnostics, crashes, inline suppression."""

from __future__ import annotations

import os
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from sphinxcontrib_transcript.lint import Config, Problem, lint_bytes, lint_path, resolve
from sphinxcontrib_transcript.lint.base import Context, Finding
from sphinxcontrib_transcript.lint.engine import build_context

from . import _fake_rules

TXT = b"00:00:01 Hello\tworld\n\n00:00:05 SHOUT here\n"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> dict[str, types.ModuleType]:
    return _fake_rules.install(monkeypatch)


def config(table: dict[str, object]) -> Config:
    return resolve(table, source=None, root=os.getcwd())


def positions(problems: list[Problem]) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.rule) for p in problems]


def test_problem_text_and_order() -> None:
    late = Problem("b.vtt", 1, 1, "x", "error", "m")
    early = Problem("a.vtt", 9, 2, "x", "warning", "m")
    earlier = Problem("a.vtt", 9, 1, "y", "error", "m", fixable=True)
    assert sorted([late, early, earlier]) == [earlier, early, late]
    assert str(earlier) == "a.vtt:9:1: error [y] m"


def test_lint_bytes_sets_rule_level_and_fixable(fake: object) -> None:
    assert lint_bytes(TXT, "ep.txt") == [
        Problem("ep.txt", 1, 15, "tab-char", "error", "tab character; use a space", True),
        Problem("ep.txt", 3, 10, "shout", "warning", "shouting: 'SHOUT'", True),
    ]


def test_configured_level_and_options_reach_the_rule(fake: object) -> None:
    problems = lint_bytes(TXT, "ep.txt", config({
        "select": ["long-line"], "rules": {"long-line": {"max": 19, "level": "error"}},
    }))
    assert problems == [
        Problem("ep.txt", 1, 20, "long-line", "error", "line is 20 chars long (max 19)"),
    ]


def test_rules_run_only_on_their_formats(fake: object) -> None:
    data = b"00:00:01 DROP\n"
    assert lint_bytes(data, "a.txt", config({"select": ["vtt-only"]})) == []
    vtt = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDROP\n"
    assert positions(lint_bytes(vtt, "a.vtt", config({"select": ["vtt-only"]}))) == [
        (4, 1, "vtt-only"),
    ]


def test_reader_diagnostics_follow_their_rules_selection_and_level(
    fake: dict[str, types.ModuleType]
) -> None:
    # The text reader reports a line with no timestamp as untimed-line.
    data = b"00:00:01 Hello\nno time here\n"
    fake["untimed-line"] = _fake_rules.make_rule(
        "untimed-line", lambda ctx: iter(()), level="warning"
    )
    assert positions(lint_bytes(data, "a.txt")) == [(2, 1, "untimed-line")]
    assert lint_bytes(data, "a.txt")[0].level == "warning"
    assert lint_bytes(data, "a.txt", config({"ignore": ["untimed-line"]})) == []


def test_rule_findings_win_over_reader_diagnostics_at_one_position(
    fake: dict[str, types.ModuleType]
) -> None:
    def own(ctx: Context) -> Iterator[Finding]:
        yield Finding(2, 1, "the rule's own words")

    fake["untimed-line"] = _fake_rules.make_rule("untimed-line", own)
    problems = lint_bytes(b"00:00:01 Hello\nno time here\n", "a.txt")
    assert [p.message for p in problems] == ["the rule's own words"]


def test_diagnostics_of_unknown_rules_are_still_shown(fake: object) -> None:
    problems = lint_bytes(b"00:00:01 Hello\nno time here\n", "a.txt")
    assert positions(problems) == [(2, 1, "untimed-line")]
    assert problems[0].level == "error"


def test_a_crashing_rule_becomes_an_internal_error(fake: object) -> None:
    problems = lint_bytes(TXT, "ep.txt", config({"select": ["boom", "tab-char"]}))
    assert problems == [
        Problem("ep.txt", 1, 1, "internal-error", "error",
                "crashed in rule boom (RuntimeError: kaput); this is a bug in "
                "transcript-lint: please report it with the file attached"),
        Problem("ep.txt", 1, 15, "tab-char", "error", "tab character; use a space", True),
    ]


def test_a_crashing_reader_becomes_an_internal_error(
    fake: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sphinxcontrib_transcript import readers

    def broken(text: str) -> object:
        raise IndexError("list index out of range")

    monkeypatch.setitem(readers.READERS, "txt", broken)
    assert positions(lint_bytes(TXT, "ep.txt")) == [(1, 1, "internal-error")]


def test_unknown_format_name_is_the_callers_error(fake: object) -> None:
    with pytest.raises(ValueError, match="unknown transcript format 'doc'"):
        lint_bytes(TXT, "ep.txt", format="doc")


def test_format_argument_overrides_the_suffix(fake: object) -> None:
    vtt = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDROP\n"
    problems = lint_bytes(vtt, "notes.md", config({"select": ["vtt-only"]}), format="vtt")
    assert positions(problems) == [(4, 1, "vtt-only")]


def test_context_is_built_once_with_decoded_text(fake: object) -> None:
    context = build_context("WEBVTT\n\n00:01.000 --> 00:02.000\nCafé\n".encode("cp1252"), "a.vtt")
    assert context.format == "vtt"
    assert context.text.endswith("Café\n")
    assert context.transcript.encoding != "utf-8"
    assert context.transcript.diagnostics[0].rule == "invalid-utf8"


def test_an_encoding_can_be_given(fake: object) -> None:
    data = "00:00:01 Café crème\n".encode("cp1252")
    context = build_context(data, "a.txt", encoding="cp1252")
    assert context.text == "00:00:01 Café crème\n"
    assert context.transcript.diagnostics == []
    assert lint_bytes(data, "a.txt", encoding="cp1252") == []


def test_lint_path_reads_the_file(fake: object, tmp_path: Path) -> None:
    path = tmp_path / "ep.txt"
    path.write_bytes(TXT)
    assert positions(lint_path(path)) == [(1, 15, "tab-char"), (3, 10, "shout")]
    with pytest.raises(FileNotFoundError):
        lint_path(tmp_path / "missing.txt")


def test_sibling_files_are_offered_to_rules(
    fake: dict[str, types.ModuleType], tmp_path: Path
) -> None:
    def pair(ctx: Context) -> Iterator[Finding]:
        other = ctx.sibling(".txt")
        if other is not None:
            name, transcript = other
            yield Finding(1, 1, f"{os.path.basename(name)} has {len(transcript.cues)} cues")

    fake["pair"] = _fake_rules.make_rule("pair", pair)
    (tmp_path / "ep.txt").write_bytes(TXT)
    vtt = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n"
    problems = lint_bytes(vtt, str(tmp_path / "ep.vtt"), config({"select": ["pair"]}))
    assert [p.message for p in problems] == ["ep.txt has 2 cues"]
    assert lint_bytes(vtt, str(tmp_path / "other.vtt"), config({"select": ["pair"]})) == []


# -- inline suppression in WebVTT -------------------------------------------------

VTT = b"""WEBVTT

00:00:01.000 --> 00:00:02.000
one DROP

NOTE transcript-lint: disable-next=vtt-only

00:00:03.000 --> 00:00:04.000
two DROP

00:00:05.000 --> 00:00:06.000
three DROP

NOTE
transcript-lint: disable=vtt-only,tab-char

00:00:07.000 --> 00:00:08.000
four DROP

NOTE transcript-lint: enable=vtt-only

00:00:09.000 --> 00:00:10.000
five DROP
"""


def test_note_directives_suppress_the_next_cue_or_a_range(fake: object) -> None:
    problems = lint_bytes(VTT, "a.vtt", config({"select": ["vtt-only"]}))
    assert [p.line for p in problems] == [4, 12, 23]


def test_disable_file_and_all(fake: object) -> None:
    data = VTT + b"\nNOTE transcript-lint: disable-file=vtt-only\n"
    assert lint_bytes(data, "a.vtt", config({"select": ["vtt-only"]})) == []
    data = VTT.replace(b"disable-next=vtt-only", b"disable-next=all")
    problems = lint_bytes(data, "a.vtt", config({"select": ["vtt-only"]}))
    assert [p.line for p in problems] == [4, 12, 23]


def test_directives_only_count_inside_note_blocks(fake: object) -> None:
    data = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ntranscript-lint: disable=vtt-only DROP\n"
    assert [p.line for p in lint_bytes(data, "a.vtt", config({"select": ["vtt-only"]}))] == [4]


def test_directives_do_not_apply_to_other_formats(fake: object) -> None:
    data = b"00:00:01 NOTE transcript-lint: disable=tab-char\n\n00:00:05 a\tb\n"
    problems = lint_bytes(data, "a.txt", config({"select": ["tab-char"]}))
    assert positions(problems) == [(3, 11, "tab-char")]


def test_internal_errors_cannot_be_suppressed(fake: object) -> None:
    data = b"WEBVTT\n\nNOTE transcript-lint: disable-file=all\n"
    problems = lint_bytes(data, "a.vtt", config({"select": ["boom"]}))
    assert positions(problems) == [(1, 1, "internal-error")]
