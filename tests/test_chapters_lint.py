"""Chapter files through ``transcript-lint``: found by name on a walk, read as
chapters (not as broken transcripts), checked by the chapter rules alone, and
reported like every other file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sphinxcontrib_transcript.cli import main
from sphinxcontrib_transcript.lint import lint_bytes
from sphinxcontrib_transcript.lint.engine import build_context
from sphinxcontrib_transcript.readers.discover import chapters_stem, file_suffix, skip_reason

DATA = Path(__file__).parent / "data" / "chapters"
# The recording the example chapter files describe, 20 minutes and 30 seconds.
TRANSCRIPT = (
    b"WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nWelcome to River Talk.\n\n"
    b"00:01:34.500 --> 00:01:38.000\nBeavers are a keystone species.\n\n"
    b"00:20:25.000 --> 00:20:30.000\nThanks for listening.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    """The status and the lines of standard output and error."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, (out + err).splitlines()


@pytest.fixture
def shows(tmp_path: Path) -> Path:
    """The three example chapter files, each beside its transcript."""
    for source in DATA.iterdir():
        shutil.copy(source, tmp_path / source.name)
        (tmp_path / f"{chapters_stem(source.name)}.vtt").write_bytes(TRANSCRIPT)
    return tmp_path


def test_host_shaped_chapter_files_beside_their_transcripts_are_clean(
    shows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert sorted(path.name for path in shows.iterdir()) == [
        "episode-42.chapters.json", "episode-42.vtt", "talk.chapters.vtt", "talk.vtt",
        "video.chapters.txt", "video.vtt",
    ]
    assert run(capsys, str(shows)) == (0, [])


def test_defects_in_each_source_are_reported_like_any_finding(
    shows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    json_file = shows / "episode-42.chapters.json"
    json_file.write_text(json_file.read_text().replace('"startTime": 312.25', '"startTime": 30'))
    vtt_file = shows / "talk.chapters.vtt"
    vtt_file.write_text(vtt_file.read_text().replace("00:05:12.250 --> 00:20:10.000",
                                                     "00:25:12.250 --> 00:30:00.000"))
    txt_file = shows / "video.chapters.txt"
    txt_file.write_text(txt_file.read_text().replace("(5:12) Listener questions",
                                                     "(5:12) Intro"))
    status, lines = run(capsys, str(shows))
    assert status == 1
    assert lines == [
        f"{json_file}:28:5: error [chapter-order] chapter 'Listener questions' (line 28) "
        "starts at 00:00:30, before the untitled chapter at line 19 above it at 00:03:00; "
        "players take chapters in order of their start: move it after 'Intro' (line 8), or "
        "correct its time",
        f"{vtt_file}:14:1: error [chapter-after-end] chapter 'Listener questions & answers' "
        "(line 14) starts at 00:25:12.250, when talk.vtt has ended (00:20:30, its last cue at "
        "line 9); it would have no words: correct its time, or complete the transcript",
        f"{txt_file}:10:1: warning [chapter-duplicate-title] chapter title 'Intro' is also the "
        "title of the chapter at line 8; give each chapter a title of its own",
        "3 problems (2 errors, 1 warning) in 3 files; 1 with --unsafe-fixes",
    ]


def test_chapter_json_is_not_a_broken_transcript(tmp_path: Path) -> None:
    data = (DATA / "episode-42.chapters.json").read_bytes()
    # By its suffix alone it is JSON without segments, passed over as no transcript...
    assert skip_reason(data, ".json") is not None
    # ...by its name it is a chapter file, always linted.
    assert file_suffix("shows/episode-42.chapters.json") == ".chapters.json"
    assert skip_reason(data, file_suffix("episode-42.chapters.json")) is None
    rules = {p.rule for p in lint_bytes(data, str(tmp_path / "episode-42.chapters.json"))}
    assert rules == {"chapter-orphan"}
    # The same bytes as a transcript would be all json-schema errors.
    as_transcript = {p.rule for p in lint_bytes(data, str(tmp_path / "episode-42.json"))}
    assert "json-schema" in as_transcript
    assert not any(rule.startswith("chapter-") for rule in as_transcript)


def test_transcript_rules_do_not_run_on_chapter_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Prose around the list, trailing blanks, long lines and a very short chapter
    # would be untimed-line, trailing-whitespace, line-too-long and
    # min-duration findings in a transcript.
    (tmp_path / "ep.vtt").write_bytes(TRANSCRIPT)
    chapters = tmp_path / "ep.chapters.txt"
    chapters.write_bytes(b"Show notes:   \n" + b"x" * 200 + b"\n0:00 Intro\n0:01 Keystone\n")
    assert run(capsys, "--select", "ALL", str(chapters)) == (0, [])


def test_decoding_problems_are_still_reported_and_transcoded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ep.vtt").write_bytes(TRANSCRIPT)
    chapters = tmp_path / "ep.chapters.txt"
    chapters.write_bytes(b"0:00 Caf\xe9 et th\xe9, un entretien avec une \xe9cologue\n")
    status, lines = run(capsys, str(chapters))
    assert status == 1
    assert lines[0].startswith(f"{chapters}:1:9: error [invalid-utf8] not valid utf-8")
    assert run(capsys, "--unsafe-fixes", str(chapters))[0] == 0
    assert chapters.read_text("utf-8") == "0:00 Café et thé, un entretien avec une écologue\n"


def test_safe_fixes_leave_chapter_order_alone_unsafe_ones_sort(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ep.vtt").write_bytes(TRANSCRIPT)
    chapters = tmp_path / "ep.chapters.txt"
    data = b"0:00 Intro  \n5:00 Later\n1:00 Earlier"
    chapters.write_bytes(data)
    status, lines = run(capsys, "--fix", str(chapters))
    assert status == 1 and "[chapter-order]" in lines[0]
    assert chapters.read_bytes() == data
    # Sorting is an unsafe fix: the time may be what is wrong.
    status, lines = run(capsys, "--unsafe-fixes", str(chapters))
    assert status == 0, lines
    assert chapters.read_bytes() == b"0:00 Intro  \n1:00 Earlier\n5:00 Later"


def test_a_walk_passes_over_other_json_and_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "package.json").write_bytes(b'{"name": "show"}\n')
    (tmp_path / "notes.chapters.md").write_bytes(b"0:00 Intro\n")  # not a chapter name
    (tmp_path / "ep.chapters.json").write_bytes(b'{"version": "1.2.0", "chapters": [}')
    status, lines = run(capsys, "--verbose", str(tmp_path))
    assert status == 1
    assert any(line.endswith("package.json: not a transcript, not linted "
                             '(JSON without a "segments" array (neither Podcasting 2.0 nor '
                             "Whisper))") for line in lines)
    assert any(":1:35: error [chapter-schema] not valid JSON" in line for line in lines)
    # A Markdown file is no chapter file, whatever its name says: read as a transcript.
    assert not any("notes.chapters.md" in line for line in lines)


def test_any_file_can_be_linted_as_chapters() -> None:
    data = b"0:00 Intro\n1:00 Intro\n"
    problems = lint_bytes(data, "list.txt", format="chapters")
    assert [(p.line, p.rule) for p in problems] == [(2, "chapter-duplicate-title")]
    context = build_context(data, "list.txt", "chapters")
    assert context.format == "chapters"
    assert [c.title for c in context.cache["chapters"].chapters] == ["Intro", "Intro"]
