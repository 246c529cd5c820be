"""No rule crashes, on anything: every ``check`` and ``fix`` on hostile input.

The engine turns a crashing rule into an ``internal-error`` problem, but a
rule should never need that.  The text is built from the pieces transcripts
are made of (times, arrows, markup, line ends of every kind, non-ASCII and
control characters) so that it reaches the rules' less travelled paths.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_transcript.lint import rules
from sphinxcontrib_transcript.lint.base import Repair
from sphinxcontrib_transcript.lint.engine import findings as rule_findings

from .. import strategies as _profiles  # noqa: F401 - registers the test profiles
from .conftest import context

PIECES = [
    "WEBVTT", "WEBVTT\n\n", "NOTE x", "STYLE", "REGION\nid:r", "1", "2", "-->", " --> ",
    "00:00:01.000", "00:00:01,000", "00:01.500", "00:00:00.000", "99:59:59.999", "00:61:00",
    "00:00:05", "[00:00:07]", "Ann: ", "<v Ann>", "<i>", "</i>", "<b", "&amp;", "&",
    "<00:00:02.000>",
    "align:start", "line:-1", "position:120%", "region:r", " ", "\t", "\n", "\r\n", "\r",
    "\n\n", "hello", "Alán", "AlÃ¡n", "â€\x9d", "\u202e", "\ufeff", "\ufffd", "\x00", "\x07",
    "\x85", "<<<<<<< HEAD", "=======", ">>>>>>> b", '{"version": "1.0.0", "segments": [',
    '{"startTime": 1, "endTime": 0.5, "body": "x"}', "]}", ",",
]
text = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
encoded = st.one_of(
    text.map(lambda t: t.encode("utf-8")),
    text.map(lambda t: t.encode("utf-16")),
    text.map(lambda t: t.encode("cp1252", errors="ignore")),
    st.binary(max_size=200),
)


@given(data=encoded, suffix=st.sampled_from([".vtt", ".srt", ".txt", ".json"]))
def test_no_rule_crashes(data: bytes, suffix: str) -> None:
    for rule in rules.RULES.values():
        ctx = context(rule, data, "episode" + suffix, siblings={".txt": data, ".vtt": data})
        if ctx.format not in rule.FORMATS:
            continue
        for finding in rule_findings(ctx, rule):
            assert finding.line >= 1 and finding.column >= 1, (rule.ID, finding)
        if rule.FIX:
            fixed = rule.fix(ctx)
            assert fixed is None or isinstance(fixed, (bytes, Repair))


CHAPTER_PIECES = [
    '{"version": "1.2.0", "chapters": [', '{"startTime": 0, "title": "Intro"}',
    '{"startTime": 94.5, "endTime": 1, "title": "Intro", "toc": false}', '{"startTime": "1:23"}',
    '{"title": 5, "url": [], "img": {}, "location": "x"}', "]}", ",", "{", "}", "[", "]",
    "0:00 Intro", "(1:23) Keystone", "[1:75] x", "1:02:03", " - ", "WEBVTT\n\n",
    "00:00.000 --> 00:10.000", "<b>", "\n", "\r\n", "\n\n", " ", "Alán", "\ufeff", "\x00",
]
chapter_text = st.lists(st.sampled_from(CHAPTER_PIECES), max_size=40).map("".join)


@given(data=st.one_of(chapter_text.map(str.encode), chapter_text.map(lambda t: t.encode("utf-16")),
                      st.binary(max_size=200)),
       suffix=st.sampled_from([".chapters.json", ".chapters.vtt", ".chapters.txt"]),
       beside=st.sampled_from([None, b"WEBVTT\n\n00:00.000 --> 00:05.000\nHi\n", b""]))
def test_no_chapter_rule_crashes(data: bytes, suffix: str, beside: bytes | None) -> None:
    siblings = {} if beside is None else {".vtt": beside}
    for rule in rules.RULES.values():
        ctx = context(rule, data, "episode" + suffix, siblings=siblings)
        assert ctx.format == "chapters"
        if ctx.format not in rule.FORMATS:
            continue
        for finding in rule_findings(ctx, rule):
            assert finding.line >= 1 and finding.column >= 1, (rule.ID, finding)
        if rule.FIX:
            fixed = rule.fix(ctx)
            assert fixed is None or isinstance(fixed, (bytes, Repair))
