"""What the core promises every caller: one read, one router, one table.

* ``load().diagnostics`` and ``transcript-lint`` agree on the level of every
  problem the reader reports, for every file of the corpus and every rule
  example, under the default configuration;
* ``pair-drift`` is found in the same cases by the CLI and by a Sphinx build,
  with and without ``:encoding:``;
* the default rule set makes no :class:`~sphinxcontrib_transcript.model.Cue`
  on a clean file: the rules read the table, so a slow rule cannot creep in.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_transcript import load
from sphinxcontrib_transcript.chapters import read_chapters_file
from sphinxcontrib_transcript.cli import main
from sphinxcontrib_transcript.lint import Config
from sphinxcontrib_transcript.lint.base import Context
from sphinxcontrib_transcript.lint.engine import build_context, lint_context
from sphinxcontrib_transcript.lint.rules import RULES, examples, pair_drift
from sphinxcontrib_transcript.readers.discover import chapters_stem
from sphinxcontrib_transcript.timecode import format_srt, format_vtt

from .sphinx_util import build_once, warnings

HERE = Path(__file__).parent
CORPUS = sorted((HERE / "data" / "talk-python").glob("*.*[!E]"))  # not LICENSE
EXAMPLES = sorted(
    (rule.ID, item.kind, item.name, item.data)
    for rule in RULES.values() for item in examples(rule)
)


def _cli_problems(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    main(["--format", "json", "--select", "ALL", str(path)])
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out or "[]")
    return found


def _assert_levels_agree(path: Path, capsys: pytest.CaptureFixture[str]) -> int:
    # A chapter file's reader is read_chapters_file, whose chapter-schema problems
    # are errors or warnings by what a player does with them (the rule's check()
    # keeps a warning a warning); a transcript reader's level is its rule's.
    chapters = chapters_stem(str(path)) is not None
    diagnostics = (read_chapters_file(path) if chapters else load(path)).diagnostics
    problems = _cli_problems(path, capsys)
    by_place = {(p["line"], p["column"], p["rule"]): p["level"] for p in problems}
    for diagnostic in diagnostics:
        key = (max(diagnostic.line, 1), max(diagnostic.column, 1), diagnostic.rule)
        assert key in by_place, (path.name, diagnostic)
        assert by_place[key] == diagnostic.level, (path.name, diagnostic)
        if not chapters or diagnostic.rule != "chapter-schema":
            assert diagnostic.level == RULES[diagnostic.rule].LEVEL, diagnostic
    return len(diagnostics)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_load_and_the_cli_agree_on_every_level_in_the_corpus(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _assert_levels_agree(path, capsys)


def test_load_and_the_cli_agree_on_every_rule_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = 0
    for number, (rule_id, kind, name, data) in enumerate(EXAMPLES):
        folder = tmp_path / f"{number}-{rule_id}-{kind}"
        folder.mkdir()
        path = folder / name
        path.write_bytes(data)
        seen += _assert_levels_agree(path, capsys)
    assert seen >= 20  # the examples of the reader-reported rules say something


def test_a_tolerated_form_and_a_dropped_cue_are_two_rules_with_their_own_levels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.srt"
    path.write_bytes(
        b"1\n00:00:01.000 --> 00:00:02,000\nA\n\n2\n00:61:00,000 --> 01:02:00,000\nB\n"
    )
    levels = {(d.rule, d.level) for d in load(path).diagnostics}
    assert levels == {("timestamp-form", "warning"), ("bad-timestamp", "error")}
    assert _assert_levels_agree(path, capsys) == 2


# -- pair-drift, the CLI and Sphinx ---------------------------------------------


def _pair(folder: Path, kind: str) -> None:
    for item in examples(pair_drift):
        if item.kind == kind:
            (folder / item.name).write_bytes(item.data)


@pytest.mark.parametrize("kind", ["failing", "passing"])
def test_pair_drift_is_found_alike_by_the_cli_and_by_sphinx(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    _pair(src, kind)
    main(["--format", "json", "--select", "pair-drift", str(src / "talk.vtt")])
    cli = [p["line"] for p in json.loads(capsys.readouterr().out or "[]")]
    assert bool(cli) == (kind == "failing")
    (src / "conf.py").write_text(
        "extensions = ['sphinxcontrib_transcript']\n"
        "transcript_lint_select = ['pair-drift']\n"
        "transcript_lint_level = 'warning'\n",
        encoding="utf-8",
    )
    for option in ("", "   :encoding: utf-8\n"):
        (src / "index.rst").write_text(
            f"Talk\n====\n\n.. transcript:: talk.vtt\n{option}", encoding="utf-8"
        )
        app = build_once(src)
        found = [line for line in warnings(app).splitlines() if "transcript.pair-drift" in line]
        assert len(found) == len(cli), (option, warnings(app))
        for line, said in zip(cli, found, strict=True):
            assert f"talk.vtt:{line}:" in said


def test_sphinx_notes_the_sibling_file_as_a_dependency(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    _pair(src, "failing")
    (src / "conf.py").write_text(
        "extensions = ['sphinxcontrib_transcript']\n"
        "transcript_lint_select = ['pair-drift']\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text("Talk\n====\n\n.. transcript:: talk.vtt\n", encoding="utf-8")
    app = build_once(src)
    assert str(src / "talk.txt") in {str(d) for d in app.env.dependencies["index"]}


# -- no Cue on a clean file -----------------------------------------------------


def _clean_files(folder: Path) -> list[Path]:
    """Clean files in the layouts tools write: every format the fast paths take."""
    times = [(i * 2500, i * 2500 + 2000) for i in range(40)]
    files = {
        "clean.vtt": "WEBVTT\n\n" + "".join(
            f"{format_vtt(a)} --> {format_vtt(b)}\nWords number {i}.\n\n"
            for i, (a, b) in enumerate(times)),
        "clean.srt": "".join(
            f"{i + 1}\n{format_srt(a)} --> {format_srt(b)}\nWords number {i}.\n\n"
            for i, (a, b) in enumerate(times)),
        "clean.txt": "\n".join(
            f"{format_vtt(a)[:8]} Words number {i}.\n" for i, (a, _) in enumerate(times)),
    }
    paths = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_the_default_rules_make_no_cue_on_a_clean_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_single_cue(self: Context, index: int) -> object:
        raise AssertionError(f"a rule made cue {index} of a clean file")

    monkeypatch.setattr(Context, "cue", no_single_cue)
    config = Config.default()
    candidates = [*_clean_files(tmp_path), *CORPUS, *sorted((HERE.parent / "docs" / "examples")
                                                             .glob("*.[tv]*"))]
    clean = []
    for path in candidates:
        context = build_context(path.read_bytes(), str(path))
        if context.transcript.cues_made:
            continue  # this reader made objects itself (a slow path)
        if lint_context(context, config):
            continue  # not clean: a rule reporting may make the cues it names
        assert not context.transcript.cues_made, path.name
        clean.append(path.name)
    assert {"clean.vtt", "clean.srt", "clean.txt"} <= set(clean)
    assert len(clean) >= 6, clean


# -- one line without all the lines ------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n\r é", max_size=200), st.sampled_from([1, 2, 3, 7, 1 << 16]))
def test_a_line_looked_up_is_the_line_of_the_whole_split(text: str, block: int) -> None:
    from sphinxcontrib_transcript import lint
    from sphinxcontrib_transcript.decoding import split_lines
    from sphinxcontrib_transcript.model import Transcript

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lint.base, "_BLOCK", block)
        context = Context("x.txt", text.encode(), text, Transcript("txt"))
        lines = split_lines(text)
        assert [context.line(n) for n in range(len(lines) + 2)] == [None, *lines, None]
