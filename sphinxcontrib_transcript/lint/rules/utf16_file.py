r"""The file is UTF-16 or UTF-32 (it starts with such a byte order mark).

Windows programs (Notepad's "Unicode", some caption tools) save UTF-16.  The
WebVTT standard requires UTF-8, and most tools and libraries that read SRT or
text transcripts (webvtt-py, pysubs2, srt) assume UTF-8 and fail on the first
byte.  The file's text itself is fine; only its encoding must change.

.. rubric:: Options

None.

.. rubric:: Fix

Safe: re-encodes the same text as UTF-8 without a byte order mark; what the
file says does not change.  Where some bytes are not valid UTF-16 (an odd
byte at the end, a lone surrogate; also reported by ``invalid-utf8``) they
were read as U+FFFD and transcoding would lose them, and a second mark after
the first would become a UTF-8 mark and change how the file reads: the
problem is then reported as not fixable, to be re-saved by hand.

.. rubric:: Examples

Failing (``example.txt``)::

    \xff\xfe0\x000\x00:\x000\x000\x00:\x000\x001\x00 \x00H\x00i\x00!\x00\n\x00\

Passing (``example.txt``)::

    00:00:01 Hi!
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from ..base import Context, Finding, Option

ID = "utf16-file"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"

# UTF-32-LE's mark starts with UTF-16-LE's, so it is tested first.
_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32 (little-endian)"),
    (codecs.BOM_UTF32_BE, "UTF-32 (big-endian)"),
    (codecs.BOM_UTF16_LE, "UTF-16 (little-endian)"),
    (codecs.BOM_UTF16_BE, "UTF-16 (big-endian)"),
)


def _mark(data: bytes) -> tuple[bytes, str] | None:
    if data[:1] not in (b"\xff", b"\xfe", b"\x00"):
        return None
    for mark, name in _MARKS:
        if data.startswith(mark):
            return mark, name
    return None


def _transcoded(ctx: Context, mark: bytes) -> bytes | None:
    """The file in UTF-8 without a mark, or ``None`` when its bytes after the mark are
    not exactly its text in its encoding (an odd byte at the end, a lone
    surrogate: bytes read as U+FFFD), which transcoding would lose, or its text
    starts with a second mark (in UTF-8 that would become the mark, and the
    file would read differently)."""
    if ctx.text.startswith("\ufeff"):
        return None
    try:
        if mark + ctx.text.encode(ctx.encoding) != ctx.data:
            return None
    except UnicodeError:
        return None
    return ctx.text.encode("utf-8")


def check(ctx: Context) -> Iterator[Finding]:
    found = _mark(ctx.data)
    if found is not None:
        fixable = _transcoded(ctx, found[0]) is not None
        advice = "" if fixable else (
            "; by hand: a second mark follows the first, or some of its bytes are not valid "
            "in it (see invalid-utf8), so --fix cannot transcode it without a change"
        )
        yield Finding(
            1, 1,
            f"the file is {found[1]}, not UTF-8; save it as UTF-8 without a byte order mark "
            f"(most players and tools read only UTF-8){advice}", fixable=fixable,
        )


def fix(ctx: Context) -> bytes | None:
    found = _mark(ctx.data)
    return None if found is None else _transcoded(ctx, found[0])
