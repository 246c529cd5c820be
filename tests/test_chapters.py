"""Chapter files: the three sources, their positions and problems, and the names
a chapter file goes by beside its transcript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinxcontrib_transcript.chapters import (
    Chapter,
    Chapters,
    chapters_beside,
    is_chapters_name,
    read_chapters,
    read_chapters_file,
    transcript_stem,
)

DATA = Path(__file__).parent / "data" / "chapters"


def where(chapters: Chapters) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.column, d.rule, d.level) for d in chapters.diagnostics]


def test_podcast_host_json_file() -> None:
    found = read_chapters_file(DATA / "episode-42.chapters.json")
    assert found.format == "json"
    assert found.diagnostics == []
    assert found.chapters == [
        Chapter(0, "Intro", img="https://media.example.org/rivertalk/art/ep42.jpg", line=8),
        Chapter(94500, "Keystone species", 180000,
                url="https://en.wikipedia.org/wiki/Keystone_species", line=13),
        Chapter(180000, "", toc=False, img="https://media.example.org/rivertalk/art/dam.jpg",
                line=19),
        Chapter(312250, "Listener questions", line=28),
        Chapter(1210000, "Outro", line=33),
    ]


def test_json_line_of_each_chapter_is_its_brace() -> None:
    text = (DATA / "episode-42.chapters.json").read_text()
    lines = text.splitlines()
    for chapter in read_chapters(text, "x.json").chapters:
        assert lines[chapter.line - 1].strip() == "{"


def test_json_float_seconds_round_to_milliseconds() -> None:
    data = json.dumps({"version": "1.2.0", "chapters": [
        {"startTime": 1.0005, "title": "a"}, {"startTime": 2.25, "endTime": 3, "title": "b"}]})
    found = read_chapters(data, "x.json")
    assert [(c.start_ms, c.end_ms) for c in found.chapters] == [(1000, None), (2250, 3000)]


def test_json_schema_problems_each_where_it_is() -> None:
    text = """{
  "chapters": [
    {"startTime": 0, "title": "Intro"},
    {"startTime": "1:23", "title": "Keystone"},
    {"title": "No start"},
    {"startTime": 5, "title": 7, "toc": "no", "url": 3, "endTime": -1},
    {"startTime": 6},
    {"startTime": 7, "toc": false},
    "Outro"
  ]
}"""
    found = read_chapters(text, "x.chapters.json")
    assert where(found) == [
        (1, 1, "chapter-schema", "warning"),   # no "version"
        (4, 6, "chapter-schema", "error"),     # "startTime" a string
        (5, 5, "chapter-schema", "error"),     # no "startTime"
        (6, 22, "chapter-schema", "error"),    # "title" a number
        (6, 34, "chapter-schema", "error"),    # "toc" a string
        (6, 47, "chapter-schema", "error"),    # "url" a number
        (6, 57, "chapter-schema", "error"),    # "endTime" negative
        (7, 5, "chapter-schema", "warning"),   # listed, no title
        (9, 5, "chapter-schema", "error"),     # not an object
    ]
    messages = [d.message for d in found.diagnostics]
    assert messages[0] == 'no "version"; add "version": "1.2.0"'
    assert messages[1] == (
        '"startTime" is "1:23", not a number of seconds from 0; chapter 2 ("Keystone") '
        "was not read"
    )
    # Chapters with a usable start are kept, what is wrong about them read leniently.
    assert [(c.start_ms, c.title, c.toc, c.url, c.end_ms) for c in found.chapters] == [
        (0, "Intro", True, None, None), (5000, "", True, None, None),
        (6000, "", True, None, None), (7000, "", False, None, None),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ('{"version": "1.2.0", "chapters": [\n  {"startTime": 0,}\n]}', (2, 19)),
    ("", (1, 1)),
    ('"chapters"', (1, 1)),
    ('{"version": "1.2.0", "chapters": {"startTime": 0}}', (1, 22)),
    ('{"version": "1.2.0"}', (1, 1)),
])
def test_json_that_gives_no_chapters_is_one_error(text: str, expected: tuple[int, int]) -> None:
    found = read_chapters(text, "x.json")
    assert found.chapters == []
    assert [(d.line, d.column, d.level) for d in found.diagnostics] == [(*expected, "error")]
    assert found.diagnostics[0].rule == "chapter-schema"


def test_json_top_level_array_is_read_with_an_error() -> None:
    found = read_chapters('[\n{"startTime": 0, "title": "Intro"}\n]', "x.json")
    assert [c.line for c in found.chapters] == [2]
    assert where(found) == [(1, 1, "chapter-schema", "error")]


def test_json_location_and_top_level_types() -> None:
    text = ('{"version": 1.2, "author": 5, "waypoints": "yes", "chapters": [\n'
            ' {"startTime": 1, "title": "a", "location": {"name": "Paris"}},\n'
            ' {"startTime": 2, "title": "b", "location": "Paris"}]}')
    found = read_chapters(text, "x.json")
    assert where(found) == [
        (1, 2, "chapter-schema", "warning"), (1, 18, "chapter-schema", "warning"),
        (1, 31, "chapter-schema", "warning"),
        (2, 33, "chapter-schema", "warning"), (3, 33, "chapter-schema", "error"),
    ]
    assert len(found.chapters) == 2


def test_webvtt_chapters_as_players_read_them() -> None:
    found = read_chapters_file(DATA / "talk.chapters.vtt")
    assert found.format == "vtt"
    assert found.diagnostics == []
    assert found.chapters == [
        Chapter(0, "Intro", 94500, line=6),
        Chapter(94500, "Keystone species", 312250, line=10),
        Chapter(312250, "Listener questions & answers", 1210000, line=14),
    ]


def test_webvtt_problems_are_the_webvtt_readers() -> None:
    text = (
        "WEBVTT\n\n00:00.000 --> 01:23.000\nIntro\n\n01:2x.000 --> 02:00.000\nBad\n\n"
        "02:00.000 --> 03:00.000\nOutro\n"
    )
    found = read_chapters(text, "x.vtt")
    assert where(found) == [(6, 4, "bad-timestamp", "error")]
    assert [c.title for c in found.chapters] == ["Intro", "Outro"]


def test_chapters_module_docstring_examples_run() -> None:
    import doctest

    from sphinxcontrib_transcript import chapters

    result = doctest.testmod(chapters)
    assert (result.attempted, result.failed) == (2, 0)


def test_webvtt_cue_without_text_is_an_untitled_chapter() -> None:
    found = read_chapters("WEBVTT\n\n00:00.000 --> 01:00.000\n\n", "x.vtt")
    assert [c.title for c in found.chapters] == [""]
    assert where(found) == [(3, 1, "chapter-schema", "warning")]


def test_youtube_description_pasted_whole() -> None:
    found = read_chapters_file(DATA / "video.chapters.txt")
    assert found.format == "txt"
    assert found.diagnostics == []
    assert [(c.start_ms, c.title, c.end_ms, c.line) for c in found.chapters] == [
        (0, "Intro", None, 8), (94000, "Keystone species", None, 9),
        (312000, "Listener questions", None, 10), (1203000, "Outro", None, 11),
    ]


@pytest.mark.parametrize(("line", "start", "title"), [
    ("0:00 Intro", 0, "Intro"),
    ("00:00 - Intro", 0, "Intro"),
    ("00:00 – Intro", 0, "Intro"),
    ("0:00: Intro", 0, "Intro"),
    ("(0:00) Intro", 0, "Intro"),
    ("[1:23] Keystone", 83000, "Keystone"),
    ("- 1:23 Keystone", 83000, "Keystone"),
    ("1:02:03 Outro", 3723000, "Outro"),
    ("61:00 Long call", 3660000, "Long call"),
    ("  12:34   Trailing spaces   ", 754000, "Trailing spaces"),
])
def test_youtube_list_line_forms(line: str, start: int, title: str) -> None:
    (chapter,) = read_chapters(line + "\n", "x.txt").chapters
    assert (chapter.start_ms, chapter.title) == (start, title)


@pytest.mark.parametrize("line", [
    "Recorded at 10:30 in the studio.", "10:30am meetup", "Version 1:2", "12:345 no",
])
def test_prose_is_not_a_chapter(line: str) -> None:
    found = read_chapters(f"0:00 Intro\n{line}\n", "x.txt")
    assert [c.title for c in found.chapters] == ["Intro"]
    assert found.diagnostics == []


def test_youtube_list_problems() -> None:
    found = read_chapters("0:00 Intro\n1:75 Bad minute\n3:00\n", "x.txt")
    assert where(found) == [(2, 1, "bad-timestamp", "error"), (3, 1, "chapter-schema", "warning")]
    assert "'1:75' is not a time" in found.diagnostics[0].message
    assert [(c.start_ms, c.title) for c in found.chapters] == [(0, "Intro"), (180000, "")]


def test_list_without_any_time_says_how_to_write_one() -> None:
    found = read_chapters("Just a description.\n", "x.txt")
    assert found.chapters == []
    (problem,) = found.diagnostics
    assert (problem.rule, problem.level) == ("chapter-schema", "warning")
    assert "0:00 Intro" in problem.message


def test_bytes_are_decoded_with_the_pipelines_decoder() -> None:
    found = read_chapters("0:00 Café\n".encode("utf-16"), "x.txt")
    assert [c.title for c in found.chapters] == ["Café"]
    bad = read_chapters(b"0:00 Caf\xe9 au lait avec du th\xe9\n", "x.txt")
    assert [d.rule for d in bad.diagnostics] == ["invalid-utf8"]
    assert [c.title for c in bad.chapters] == ["Café au lait avec du thé"]


@pytest.mark.parametrize(("name", "text", "fmt"), [
    ("a.json", "0:00 Intro", "json"),
    ("a", '{"version": "1.2.0", "chapters": []}', "json"),
    ("a", "WEBVTT\n", "vtt"),
    ("a", "0:00 Intro", "txt"),
    ("a.webvtt", "", "vtt"),
])
def test_format_from_suffix_then_content(name: str, text: str, fmt: str) -> None:
    assert read_chapters(text, name).format == fmt


def test_format_named_and_unknown() -> None:
    assert read_chapters("0:00 Intro", "a.json", format="youtube").chapters[0].title == "Intro"
    assert read_chapters("", format="application/json+chapters").format == "json"
    with pytest.raises(ValueError, match="unknown chapters format 'srt'"):
        read_chapters("", format="srt")


def test_unreadable_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"cannot read chapters .*nope\.chapters\.json"):
        read_chapters_file(tmp_path / "nope.chapters.json")


def test_chapters_beside_in_documented_order(tmp_path: Path) -> None:
    transcript = tmp_path / "ep42.vtt"
    transcript.write_text("WEBVTT\n")
    assert chapters_beside(transcript) is None
    for suffix in (".txt", ".vtt", ".json"):
        (tmp_path / f"ep42.chapters{suffix}").write_text("")
        assert chapters_beside(transcript) == tmp_path / f"ep42.chapters{suffix}"
    assert chapters_beside(str(tmp_path / "ep42.srt")) == tmp_path / "ep42.chapters.json"
    assert chapters_beside(tmp_path / "ep42.chapters.json") is None
    (tmp_path / "ep42.chapters.json").unlink()
    (tmp_path / "ep42.chapters.json").mkdir()  # a directory is not a chapter file
    assert chapters_beside(transcript) == tmp_path / "ep42.chapters.vtt"


def test_chapter_file_names() -> None:
    assert is_chapters_name("a/ep.chapters.json")
    assert is_chapters_name("EP.Chapters.VTT")
    assert not is_chapters_name("ep.json")
    assert not is_chapters_name("chapters.json")
    assert not is_chapters_name("ep.chapters.srt")
    assert transcript_stem("a/ep.en.chapters.txt") == "a/ep.en"
    assert transcript_stem("a/ep.txt") is None


def test_chapter_is_a_frozen_value() -> None:
    chapter = Chapter(0, "Intro")
    assert (chapter.end_ms, chapter.toc, chapter.url, chapter.img, chapter.line) == (
        None, True, None, None, 1)
    with pytest.raises(AttributeError):
        chapter.title = "x"  # type: ignore[misc]


@pytest.mark.parametrize(("text", "name", "says"), [
    ('{"version": "1.2.0", "chapters": []}', "x.json", 'the "chapters" array is empty'),
    ("WEBVTT\n", "x.vtt", "no cue, so no chapters"),
    ("", "x.txt", "no line starts with a time"),
])
def test_a_file_without_chapters_is_one_warning(text: str, name: str, says: str) -> None:
    found = read_chapters(text, name)
    assert where(found) == [(1, 1, "chapter-schema", "warning")]
    assert found.diagnostics[0].message.startswith(says)


def test_an_end_before_the_start_is_read_as_no_end() -> None:
    found = read_chapters('{"version": "1.2.0", "chapters": [\n'
                          ' {"startTime": 10, "endTime": 5, "title": "A"}]}', "x.json")
    assert [c.end_ms for c in found.chapters] == [None]
    assert where(found) == [(2, 20, "chapter-schema", "warning")]
    found = read_chapters("WEBVTT\n\n00:10.000 --> 00:05.000\nA\n", "x.vtt")
    assert [c.end_ms for c in found.chapters] == [None]
    assert where(found) == [(3, 1, "chapter-schema", "warning")]
