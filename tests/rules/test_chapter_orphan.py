from __future__ import annotations

from pathlib import Path

from sphinxcontrib_transcript.lint.engine import lint_path
from sphinxcontrib_transcript.lint.rules import chapter_orphan as rule

from .conftest import check, check_example, findings

CHAPTERS = b'{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}]}\n'


def test_failing_example() -> None:
    assert check_example(rule, "failing", ".json") == [(1, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing", ".json") == []


def test_message_names_the_transcript_expected() -> None:
    (finding,) = findings(rule, CHAPTERS, "shows/ep42.chapters.json")
    assert finding.message == (
        "no transcript ep42.vtt (or .srt, .json, .txt, .md...) beside this chapter file, so "
        "nothing uses it; name it after its transcript (NAME.chapters.json beside NAME.vtt), "
        "or remove it"
    )


def test_any_transcript_suffix_will_do() -> None:
    for suffix in (".vtt", ".srt", ".txt", ".md", ".sbv", ".ttml", ".html"):
        assert check(rule, CHAPTERS, "ep.chapters.json", siblings={suffix: b"x"}) == []


def test_on_disk_through_the_engine(tmp_path: Path) -> None:
    chapters = tmp_path / "ep42.chapters.json"
    chapters.write_bytes(CHAPTERS)
    assert [p.rule for p in lint_path(chapters)] == ["chapter-orphan"]
    (tmp_path / "ep42.sbv").write_bytes(b"0:00:00.000,0:00:04.000\nHello.\n")
    assert lint_path(chapters) == []
