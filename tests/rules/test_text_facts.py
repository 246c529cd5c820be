"""The text facts rules share (``rules/_text.py``): the text's UTF-8 bytes, taken
from the file when they are that, and its non-ASCII characters."""

from __future__ import annotations

import codecs

import pytest

from sphinxcontrib_transcript.lint.base import Context
from sphinxcontrib_transcript.lint.rules import _text, merge_conflict
from sphinxcontrib_transcript.model import Transcript

from .conftest import check, read

TEXTS = [
    "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n",
    "00:00:01 It’s fine … café – naïve\n",
    "00:00:01 漢字 and emoji 🎉\r\n",
    "",
]


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (text, encoding)
        for text in TEXTS
        for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1252")
        if _encodable(text, encoding)
    ],
)
def test_facts_match_the_text(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    decoded, transcript = read(data, "x.txt")
    ctx = Context("x.txt", data, decoded, transcript)
    assert _text.utf8(ctx) == decoded.encode("utf-8")
    assert _text.non_ascii(ctx) == "".join(char for char in decoded if not char.isascii())


def test_the_files_own_bytes_are_used_when_they_are_the_text() -> None:
    data = codecs.BOM_UTF8 + "00:00:01 café\n".encode()
    text, transcript = read(data, "x.txt")
    assert _text._own_bytes(Context("x.txt", data, text, transcript)) == data[3:]


def test_bytes_that_are_not_the_text_are_not_used() -> None:
    # A context made by hand whose bytes do not match its text.
    ctx = Context("x.txt", b"00:00:01 other\n", "00:00:01 words\n", Transcript("txt"))
    assert _text._own_bytes(ctx) is None
    assert _text.utf8(ctx) == b"00:00:01 words\n"


def test_a_merge_marker_in_canonical_webvtt_is_still_found() -> None:
    data = (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n"
        b"00:00:02.000 --> 00:00:03.000\nB\n>>>>>>> theirs\n"
    )
    assert check(merge_conflict, data) == [(8, 1)]
    clean = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA > B\n"
    assert check(merge_conflict, clean) == []
