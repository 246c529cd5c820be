"""The Podcasting 2.0 JSON reader: segments, positions and schema problems."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_transcript.readers import json as json_reader
from sphinxcontrib_transcript.readers import loads

from . import strategies as s


def positions(transcript):
    return [(d.line, d.column, d.rule) for d in transcript.diagnostics]


def core(transcript):
    return [(c.start_ms, c.end_ms, c.text, c.speaker, c.line) for c in transcript.cues]


def parse(source: str):
    return json_reader.parse(source)


CANONICAL = """\
{
  "version": "1.0.0",
  "language": "en",
  "segments": [
    {"speaker": "Ann", "startTime": 0.5, "endTime": 1.25, "body": "Hello there."},
    {
      "speaker": "Bob",
      "startTime": 2,
      "body": "No end time."
    },
    {"startTime": 3.001, "endTime": 4, "body": "Caf\\u00e9 & <b>not markup</b>"}
  ]
}
"""


def test_canonical_file():
    transcript = parse(CANONICAL)
    assert transcript.format == "json"
    assert positions(transcript) == []
    assert transcript.metadata == {"version": "1.0.0", "language": "en"}
    assert core(transcript) == [
        (500, 1250, "Hello there.", "Ann", 5),
        (2000, None, "No end time.", "Bob", 6),
        (3001, 4000, "Café & <b>not markup</b>", None, 11),
    ]
    assert [c.plain_text for c in transcript.cues] == [c.text for c in transcript.cues]
    assert [(c.identifier, c.settings) for c in transcript.cues] == [("", "")] * 3
    assert [c.text_line for c in transcript.cues] == [5, 6, 11]


def test_minified_file_is_all_on_line_one():
    data = json.loads(CANONICAL)
    transcript = parse(json.dumps(data, separators=(",", ":")))
    assert positions(transcript) == []
    assert [c.line for c in transcript.cues] == [1, 1, 1]
    assert [c.start_ms for c in transcript.cues] == [500, 2000, 3001]


def test_cr_and_crlf_line_ends_count_as_lines():
    for newline in ("\r", "\r\n"):
        transcript = parse(CANONICAL.replace("\n", newline))
        assert positions(transcript) == []
        assert [c.line for c in transcript.cues] == [5, 6, 11]


def test_loads_sniffs_json_and_strips_the_bom():
    transcript = loads(("\N{BYTE ORDER MARK}" + CANONICAL).encode())
    assert transcript.format == "json"
    assert [c.line for c in transcript.cues] == [5, 6, 11]


def test_empty_segments_and_unknown_keys():
    transcript = parse('{"version": "1.0.0", "extra": {"a": [1, 2]}, "segments": []}')
    assert positions(transcript) == []
    assert transcript.cues == []


@pytest.mark.parametrize(
    ("seconds", "ms"), [(0, 0), (1, 1000), (1.25, 1250), (0.001, 1), (3599.999, 3_599_999)]
)
def test_seconds_to_milliseconds(seconds, ms):
    transcript = parse(json.dumps({"version": "1.0.0", "segments": [
        {"startTime": seconds, "endTime": seconds, "body": "x"}
    ]}))
    assert core(transcript) == [(ms, ms, "x", None, 1)]


def test_null_end_time_and_speaker_are_absent_values():
    transcript = parse('{"version": "1.0.0", "segments": [\n'
                       '{"speaker": null, "startTime": 1, "endTime": null, "body": "x"},\n'
                       '{"speaker": "", "startTime": 2, "body": "y"}]}')
    assert positions(transcript) == []
    assert core(transcript) == [(1000, None, "x", None, 2), (2000, None, "y", None, 3)]


def test_word_level_transcript():
    words = [{"speaker": "Ann", "startTime": k * 0.25, "endTime": k * 0.25 + 0.2,
              "body": f"w{k}"} for k in range(20_000)]
    source = json.dumps({"version": "1.0.0", "segments": words}, indent=1)
    transcript = parse(source)
    assert positions(transcript) == []
    assert len(transcript.cues) == 20_000
    # indent=1: "{", version, "segments": [, then 6 lines per segment.
    assert transcript.cues[0].line == 4
    assert transcript.cues[-1].line == 4 + 6 * 19_999
    assert (transcript.cues[-1].start_ms, transcript.cues[-1].end_ms) == (4_999_750, 4_999_950)
    assert transcript.cues[-1].text == "w19999"


# -- not JSON ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "where"),
    [
        ("", (1, 1)),
        ("   \n  ", (2, 3)),
        ('{"version": "1.0.0", "segments": [\n  {"startTime": 1,}\n]}', (2, 19)),
        ('{"a": 1\r\r"b": 2}', (3, 1)),
        ('{"a": [1, 2,]}', (1, 13)),
        ('{"a": "x\ny"}', (1, 9)),
        ("1 --> 2\nHello", (1, 3)),
    ],
)
def test_invalid_json_is_reported_where_the_parser_stopped(source, where):
    transcript = parse(source)
    assert positions(transcript) == [(*where, "json-schema")]
    assert transcript.diagnostics[0].message.startswith("not valid JSON: ")
    assert transcript.cues == []


def test_nesting_too_deep_for_the_parser():
    for source in ("[" * 100_000, '{"version": "1.0.0", "segments": [' + "[" * 100_000):
        transcript = parse(source)
        assert len(transcript.diagnostics) == 1
        assert transcript.diagnostics[0].rule == "json-schema"
        assert transcript.cues == []


def test_number_too_long_for_python():
    source = '{"version": "1.0.0",\n "segments": [{"startTime": ' + "1" * 5000 + ', "body": "x"}]}'
    transcript = parse(source)
    assert positions(transcript) == [(2, 29, "json-schema")]


# -- top level -----------------------------------------------------------------


def test_top_level_array_is_read_as_the_segments():
    transcript = parse('\n [{"startTime": 1, "body": "a"},\n  {"startTime": 2, "body": "b"}]')
    assert positions(transcript) == [(2, 2, "json-schema")]
    assert core(transcript) == [(1000, None, "a", None, 2), (2000, None, "b", None, 3)]


@pytest.mark.parametrize("source", ['"text"', "42", "null", "true"])
def test_top_level_scalar(source):
    transcript = parse(source)
    assert positions(transcript) == [(1, 1, "json-schema")]
    assert transcript.cues == []


def test_missing_version():
    transcript = parse('{"segments": [{"startTime": 1, "body": "a"}]}')
    assert positions(transcript) == [(1, 1, "json-schema")]
    assert '"version"' in transcript.diagnostics[0].message
    assert core(transcript) == [(1000, None, "a", None, 1)]
    assert transcript.metadata == {}


def test_version_not_a_string():
    transcript = parse('{\n  "version": 1.0,\n  "segments": []}')
    assert positions(transcript) == [(2, 3, "json-schema")]
    assert transcript.metadata == {"version": "1.0"}


def test_missing_segments():
    transcript = parse('{"version": "1.0.0"}')
    assert positions(transcript) == [(1, 1, "json-schema")]
    assert transcript.cues == []


def test_segments_not_an_array():
    transcript = parse('{"version": "1.0.0",\n "segments": {"startTime": 1}}')
    assert positions(transcript) == [(2, 2, "json-schema")]
    assert transcript.cues == []


def test_duplicate_segments_key_last_one_wins_as_in_json_loads():
    transcript = parse('{"version": "1.0.0", "segments": [{"startTime": 9, "body": "old"}],\n'
                       ' "segments": [\n {"startTime": 1, "body": "new"}]}')
    assert positions(transcript) == []
    assert core(transcript) == [(1000, None, "new", None, 3)]


# -- segments ------------------------------------------------------------------

HEAD = '{"version": "1.0.0", "segments": [\n'


def test_segment_not_an_object():
    transcript = parse(HEAD + '  {"startTime": 1, "body": "a"},\n  "oops",\n  [2]\n]}')
    assert positions(transcript) == [(3, 3, "json-schema"), (4, 3, "json-schema")]
    assert "segment 2" in transcript.diagnostics[0].message
    assert core(transcript) == [(1000, None, "a", None, 2)]


def test_missing_start_time_drops_the_segment_and_names_its_body():
    transcript = parse(HEAD + '  {"body": "lost words"},\n  {"startTime": 1, "body": "a"}]}')
    assert positions(transcript) == [(2, 3, "json-schema")]
    assert '"lost words"' in transcript.diagnostics[0].message
    assert core(transcript) == [(1000, None, "a", None, 3)]


@pytest.mark.parametrize(
    "value", ['"1.5"', "-1", "true", "NaN", "Infinity", "null", "[1]", "3.6e12", "1e108"]
)
def test_unusable_start_time_is_reported_at_its_key(value):
    transcript = parse(HEAD + '  {"body": "lost",\n   "startTime": ' + value + "}]}")
    assert positions(transcript) == [(3, 4, "json-schema")]
    assert '"lost"' in transcript.diagnostics[0].message
    assert transcript.cues == []


@pytest.mark.parametrize("value", ['"2"', "-2", "false", "{}", "3600000000000", "1e108"])
def test_unusable_end_time_reads_the_segment_without_an_end(value):
    source = HEAD + '  {"startTime": 1, "body": "kept",\n      "endTime": ' + value + "}]}"
    transcript = parse(source)
    assert positions(transcript) == [(3, 7, "json-schema")]
    assert core(transcript) == [(1000, None, "kept", None, 2)]


def test_times_from_a_billion_hours_on_are_refused():
    # Found by the fuzzer: an endTime of 1e108 s was read, and written as WebVTT
    # (105-digit hours) it could not be read back.  No format holds such times.
    transcript = parse(HEAD + '  {"startTime": 1, "body": "x", "endTime": 1e108}]}')
    assert transcript.diagnostics[0].message == (
        '"endTime" is 1e+108, not a number of seconds from 0 to under a billion hours; '
        "the segment is read with no end"
    )
    last = parse(HEAD + '  {"startTime": 3599999999999, "body": "x"}]}')
    assert core(last) == [(3_599_999_999_999_000, None, "x", None, 2)]


def test_missing_body_is_empty_text():
    transcript = parse(HEAD + '  {"startTime": 1}]}')
    assert positions(transcript) == [(2, 3, "json-schema")]
    assert core(transcript) == [(1000, None, "", None, 2)]


def test_body_not_a_string():
    transcript = parse(HEAD + '  {"startTime": 1, "body": ["a", "b"]}]}')
    assert positions(transcript) == [(2, 20, "json-schema")]
    assert '["a", "b"]' in transcript.diagnostics[0].message
    assert core(transcript) == [(1000, None, "", None, 2)]


def test_speaker_not_a_string():
    transcript = parse(HEAD + '  {"speaker": 7, "startTime": 1, "body": "a"}]}')
    assert positions(transcript) == [(2, 4, "json-schema")]
    assert core(transcript) == [(1000, None, "a", None, 2)]


def test_several_problems_in_one_segment_in_file_order():
    transcript = parse(HEAD + '  {"speaker": 7,\n   "body": 3,\n   "endTime": "x",\n'
                       '   "startTime": 1}]}')
    assert positions(transcript) == [
        (2, 4, "json-schema"), (3, 4, "json-schema"), (4, 4, "json-schema"),
    ]
    assert core(transcript) == [(1000, None, "", None, 2)]


def test_duplicate_key_in_a_segment_reports_the_one_json_keeps():
    transcript = parse(HEAD + '  {"startTime": 1, "body": "a",\n   "startTime": "late"}]}')
    assert positions(transcript) == [(3, 4, "json-schema")]
    assert transcript.cues == []


def test_every_segment_bad_stays_linear():
    segments = ",\n".join('{"startTime": "x", "body": "w"}' for _ in range(20_000))
    transcript = parse(HEAD + segments + "]}")
    assert len(transcript.diagnostics) == 20_000
    assert transcript.diagnostics[-1].line == 20_001
    assert transcript.diagnostics[-1].column == 2


# -- the walk that finds positions agrees with json.loads -----------------------

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)
_TRANSCRIPT_KEYS = st.sampled_from(["version", "segments", "startTime", "body", "x"])


def _outcome(function, text):
    try:
        return "ok", json.dumps(function(text))
    except (ValueError, StopIteration, IndexError, RecursionError):
        return "error", None


def _walked(text):
    return json_reader._walk(text)[0]


@given(
    value=st.dictionaries(_TRANSCRIPT_KEYS, _JSON_VALUES, max_size=4) | _JSON_VALUES,
    indent=st.sampled_from([None, 0, 1, 2, "\t", "\r\n"]),
)
def test_walk_reads_what_json_loads_reads(value, indent):
    source = json.dumps(value, indent=indent)
    assert _outcome(_walked, source) == _outcome(json.loads, source)


@given(source=s.arbitrary_text())
def test_walk_rejects_what_json_loads_rejects(source):
    assert _outcome(_walked, source)[0] == _outcome(json.loads, source)[0]
