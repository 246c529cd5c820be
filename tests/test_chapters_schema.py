"""The chapters JSON reader against the spec's schema, checked by jsonschema.

The Podcasting 2.0 "JSON Chapters Format" (version 1.2) written as a JSON
Schema: a document the schema accepts gets no error from the reader, and one
it refuses gets at least one ``chapter-schema`` problem.  (The reader also
warns about what the spec allows but a listener is worse off for: a listed
chapter without a title, an end before the start, no chapters at all.)
"""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_transcript.chapters import read_chapters

from . import strategies as _profiles  # noqa: F401 - registers the test profiles

STRING = {"type": "string"}
SCHEMA = {
    "type": "object",
    "required": ["version", "chapters"],
    "properties": {
        "version": STRING, "author": STRING, "title": STRING, "podcastName": STRING,
        "description": STRING, "fileName": STRING, "waypoints": {"type": "boolean"},
        "chapters": {"type": "array", "items": {
            "type": "object",
            "required": ["startTime"],
            "properties": {
                "startTime": {"type": "number", "minimum": 0},
                "endTime": {"type": "number", "minimum": 0},
                "title": STRING, "img": STRING, "url": STRING, "toc": {"type": "boolean"},
                "location": {"type": "object", "required": ["name", "geo"],
                             "properties": {"name": STRING, "geo": STRING}},
            },
        }},
    },
}
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Values of every JSON type, the right ones and the wrong ones.
scalar = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(-5, 1e6, allow_nan=False),
    st.sampled_from(["", "Intro", "1:23", "https://example.org/a.jpg", "geo:48.8,2.3"]),
)
value = st.one_of(scalar, st.lists(scalar, max_size=2),
                  st.dictionaries(st.sampled_from(["name", "geo"]), scalar, max_size=2))
chapter_keys = st.sampled_from(
    ["startTime", "endTime", "title", "img", "url", "toc", "location", "extra"])
chapter = st.one_of(st.dictionaries(chapter_keys, value, max_size=6), scalar)
top_keys = st.sampled_from(["version", "author", "title", "podcastName", "waypoints", "x"])
anything = st.builds(
    lambda top, chapters, has: {**top, **({"chapters": chapters} if has else {})},
    st.dictionaries(top_keys, value, max_size=4),
    st.one_of(st.lists(chapter, max_size=5), scalar),
    st.booleans(),
)
seconds = st.one_of(st.integers(0, 10**5), st.floats(0, 1e5, allow_nan=False))
good_chapter = st.fixed_dictionaries({"startTime": seconds}, optional={
    "endTime": seconds, "title": st.text(max_size=8), "img": st.just("https://example.org/a"),
    "url": st.just("https://example.org/"), "toc": st.booleans(),
    "location": st.just({"name": "Paris", "geo": "geo:48.8,2.3"}), "extra": value,
})
good = st.fixed_dictionaries(
    {"version": st.just("1.2.0"), "chapters": st.lists(good_chapter, max_size=5)},
    optional={"author": st.just("Ann"), "waypoints": st.booleans()},
)


@st.composite
def one_wrong(draw: st.DrawFn) -> dict[str, object]:
    """A valid document with one member of it, or of one chapter, replaced or removed."""
    doc: dict[str, object] = draw(good)
    target: dict[str, object] = doc
    chapters = doc["chapters"]
    if isinstance(chapters, list) and chapters and draw(st.booleans()):
        target = draw(st.sampled_from(chapters))
    key = draw(st.sampled_from(sorted({*target, "title", "toc", "endTime", "location"})))
    if draw(st.booleans()):
        target.pop(key, None)
    else:
        target[key] = draw(value)
    return doc


document = st.one_of(good, one_wrong(), anything)


@given(document, st.integers(0, 2))
def test_reader_agrees_with_the_spec_schema(doc: dict[str, object], indent: int) -> None:
    text = json.dumps(doc, indent=indent or None)
    found = read_chapters(text, "x.chapters.json")
    problems = [d for d in found.diagnostics if d.rule == "chapter-schema"]
    if VALIDATOR.is_valid(doc):
        assert [d for d in problems if d.level == "error"] == [], (text, problems)
        assert len(found.chapters) == len(doc["chapters"])  # type: ignore[arg-type]
    else:
        assert problems, (text, [e.message for e in VALIDATOR.iter_errors(doc)])
    lines = text.count("\n") + 1
    assert all(1 <= d.line <= lines and d.column >= 1 for d in found.diagnostics)


def test_the_specs_own_examples_are_valid_and_clean() -> None:
    basic = {"version": "1.2.0", "chapters": [
        {"startTime": 0, "title": "Intro"},
        {"startTime": 168, "title": "Hearing Aids", "img": "https://example.com/a.jpg"},
        {"startTime": 4826, "img": "https://example.com/p.jpg", "toc": False,
         "location": {"name": "Eiffel Tower, Paris", "geo": "geo:42.3417649,-70.9661596"}},
    ], "author": "John Doe", "title": "Episode 7", "podcastName": "John's Awesome Podcast"}
    assert VALIDATOR.is_valid(basic)
    found = read_chapters(json.dumps(basic, indent=2), "x.json")
    assert found.diagnostics == []
    assert [(c.start_ms, c.toc) for c in found.chapters] == [
        (0, True), (168000, True), (4826000, False)]
