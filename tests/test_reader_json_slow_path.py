"""The JSON reader's slow path (a segment with a problem), messages compared whole.

A segment the common case cannot take (no body, a body or speaker that is
not a string, an unusable time) is read again by ``bad_segment``, which
reports each problem at its key.  A time of 0 s is a real start there too,
not a missing one.
"""

from __future__ import annotations

import pytest

from sphinxcontrib_transcript.readers.json import parse

HEAD = '{"version": "1.0.0", "segments": [\n'
RANGE = "not a number of seconds from 0 to under a billion hours"


def read(source: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    transcript = parse(source)
    cues = [(c.start_ms, c.end_ms, c.text, c.speaker, c.line) for c in transcript.cues]
    # A segment has no identifier or settings, and its text is on its line.
    assert all(
        (c.plain_text, c.identifier, c.settings, c.text_line) == (c.text, "", "", c.line)
        for c in transcript.cues
    )
    found = [(d.line, d.column, d.rule, d.level, d.message) for d in transcript.diagnostics]
    return cues, found


@pytest.mark.parametrize(("segment", "cue", "diagnostic"), [
    pytest.param(
        '{"startTime": 0}', (0, None, "", None, 2),
        (2, 3, 'segment 1 has no "body"; read as empty text'), id="no-body",
    ),
    pytest.param(
        '{"startTime": 0.0, "endTime": 0.5, "body": 5}', (0, 500, "", None, 2),
        (2, 38, '"body" is 5, not a string; read as empty text'), id="body-not-a-string",
    ),
    pytest.param(
        '{"startTime": 0, "endTime": "1", "body": "a"}', (0, None, "a", None, 2),
        (2, 20, f'"endTime" is "1", {RANGE}; the segment is read with no end'),
        id="unusable-end",
    ),
    pytest.param(
        '{"startTime": 0, "endTime": 0, "speaker": false, "body": "a"}', (0, 0, "a", None, 2),
        (2, 34, '"speaker" is false, not a string; ignored'), id="speaker-not-a-string",
    ),
    pytest.param(
        '{"startTime": 0.0004, "speaker": [], "body": "a"}', (0, None, "a", None, 2),
        (2, 25, '"speaker" is [], not a string; ignored'), id="rounds-to-zero",
    ),
])
def test_a_segment_at_zero_seconds_is_read_on_the_slow_path(
    segment: str, cue: tuple[object, ...], diagnostic: tuple[int, int, str]
) -> None:
    line, column, message = diagnostic
    assert read(HEAD + "  " + segment + "]}") == (
        [cue], [(line, column, "json-schema", "error", message)]
    )


def test_speaker_kept_on_the_slow_path() -> None:
    cues, _ = read(HEAD + '  {"startTime": 0, "speaker": "Ann", "body": 1}]}')
    assert cues == [(0, None, "", "Ann", 2)]


@pytest.mark.parametrize(("segment", "diagnostic"), [
    pytest.param(
        '{"body": "lost words"}',
        (2, 3, 'segment 1 has no "startTime"; the segment (body "lost words") was not read'),
        id="no-start",
    ),
    pytest.param(
        '{"endTime": 1}',
        (2, 3, 'segment 1 has no "startTime"; the segment (body (empty)) was not read'),
        id="no-start-no-body",
    ),
    pytest.param(
        '{"body": 5, "startTime": "0"}',
        (2, 15, f'"startTime" is "0", {RANGE}; the segment (body 5) was not read'),
        id="unusable-start-body-not-a-string",
    ),
    pytest.param(
        '{"body": "",\n   "startTime": -0.5}',
        (3, 4, f'"startTime" is -0.5, {RANGE}; the segment (body (empty)) was not read'),
        id="negative-start",
    ),
])
def test_a_segment_without_a_usable_start_is_reported_once(
    segment: str, diagnostic: tuple[int, int, str]
) -> None:
    # Only the start is reported: the segment is not read, so nothing of it is
    # "read as empty text".
    line, column, message = diagnostic
    assert read(HEAD + "  " + segment + "]}") == (
        [], [(line, column, "json-schema", "error", message)]
    )


@pytest.mark.parametrize(("source", "diagnostic", "metadata"), [
    ('{"segments": []}', (1, 1, 'no "version"; add "version": "1.0.0"'), {}),
    ('{"version": 1, "segments": []}',
     (1, 2, '"version" is 1; write it as a string, "1.0.0"'), {"version": "1"}),
    ('{"version": "1.0.0"}', (1, 1, 'no "segments" array; there are no cues to read'),
     {"version": "1.0.0"}),
    ('{"version": "1.0.0", "segments": {"a": 1}}',
     (1, 22, '"segments" is {"a": 1}, not an array of segment objects; nothing was read'),
     {"version": "1.0.0"}),
    ('  42',
     (1, 3, 'the top level is 42, not an object; write {"version": "1.0.0", "segments": '
      "[...]}; nothing was read"), {}),
    ('{"version": "1.0.0",\n "segments": [}',
     (2, 15, 'not valid JSON: Expecting value; a Podcasting 2.0 transcript is '
      '{"version": "1.0.0", "segments": [...]}'), {}),
])
def test_top_level_messages(
    source: str, diagnostic: tuple[int, int, str], metadata: dict[str, str]
) -> None:
    transcript = parse(source)
    line, column, message = diagnostic
    found = [(d.line, d.column, d.rule, d.level, d.message) for d in transcript.diagnostics]
    assert found == [(line, column, "json-schema", "error", message)]
    assert transcript.metadata == metadata
    assert transcript.cues == []


def test_a_top_level_array_is_read_as_the_segments() -> None:
    assert read('[{"startTime": 0, "body": "a"}]') == (
        [(0, None, "a", None, 1)],
        [(1, 1, "json-schema", "error",
          'the top level is an array; write {"version": "1.0.0", "segments": [...]} '
          "(the array was read as the segments)")],
    )


def test_a_segment_not_an_object() -> None:
    assert read(HEAD + '  {"startTime": 0, "body": "a"},\n  "oops"]}') == (
        [(0, None, "a", None, 2)],
        [(3, 3, "json-schema", "error", 'segment 2 is "oops", not an object; it was not read')],
    )


def test_times_up_to_a_billion_hours_on_the_slow_path() -> None:
    source = HEAD + '  {"startTime": 3599999999999, "speaker": 7, "body": "late"}]}'
    assert read(source) == (
        [(3_599_999_999_999_000, None, "late", None, 2)],
        [(2, 32, "json-schema", "error", '"speaker" is 7, not a string; ignored')],
    )


@pytest.mark.parametrize(("body", "shown"), [
    ("é" * 38, '"' + "é" * 38 + '"'),  # 40 characters: quoted whole, not escaped
    ("é" * 39, '"' + "é" * 39 + "…"),
])
def test_quotes_are_cut_after_40_characters(body: str, shown: str) -> None:
    source = HEAD + '  {"body": "' + body + '", "startTime": "x"}]}'
    _, found = read(source)
    assert [message for *_, message in found] == [
        f'"startTime" is "x", {RANGE}; the segment (body {shown}) was not read'
    ]


MINIFIED = (
    '{"version":"1.0.0","segments":[{"startTime":1,"body":"a"},'
    '{"body":"b","speaker":7,"startTime":2},{}],"language":"en"}'
)


def test_minified_file_reports_at_each_key() -> None:
    # Every member parsed without whitespace; "language" after "segments"
    # keeps the segments' positions.
    assert read(MINIFIED) == (
        [(1000, None, "a", None, 1), (2000, None, "b", None, 1)],
        [(1, 71, "json-schema", "error", '"speaker" is 7, not a string; ignored'),
         (1, 98, "json-schema", "error",
          'segment 3 has no "startTime"; the segment (body (empty)) was not read')],
    )


def test_positions_after_a_leading_line_break() -> None:
    source = "\n" + HEAD + '  {"startTime": 1, "body": 2}]}'
    _, found = read(source)
    assert [(line, column) for line, column, *_ in found] == [(3, 20)]


def test_a_second_segments_key_that_is_not_an_array_wins() -> None:
    source = '{"version": "1.0.0", "segments": [{"startTime": 1, "body": "a"}], "segments": 5}'
    assert read(source) == ([], [(
        1, 67, "json-schema", "error",
        '"segments" is 5, not an array of segment objects; nothing was read',
    )])


def test_nesting_too_deep_and_numbers_too_long() -> None:
    _, deep = read("[" * 100_000)
    assert deep == [(1, 1, "json-schema", "error",
                     "JSON nested too deeply to read; nothing was read")]
    _, huge = read('{"version": "1.0.0", "segments": [{"startTime": ' + "9" * 5000 + "}]}")
    assert huge == [(1, 49, "json-schema", "error",
                     "a number with 4300 digits or more cannot be read; nothing was read")]


def test_anything_after_the_top_level_object_is_invalid() -> None:
    _, found = read('{"version": "1.0.0", "segments": []}x')
    assert found == [(1, 37, "json-schema", "error",
                      'not valid JSON: Extra data; a Podcasting 2.0 transcript is '
                      '{"version": "1.0.0", "segments": [...]}')]
