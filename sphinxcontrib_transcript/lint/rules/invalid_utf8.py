r"""The file is not valid UTF-8.

WebVTT must be UTF-8, and so must Podcasting 2.0 JSON; SRT and text have no
declared encoding, so a file saved as Windows-1252 or Latin-1 shows as ``Ã©``
or ``�`` in every tool that assumes UTF-8 (which is nearly all of them).  The
message gives the line and column of the first byte that is not UTF-8 and the
encoding the file most probably is in (charset-normalizer's guess), which is
also the encoding the rest of the linter read it with.

.. rubric:: Options

None.

.. rubric:: Fix

Unsafe: transcodes the file from the detected encoding to UTF-8.  Only when
the bytes decode in that encoding without loss; a guess can be wrong, so look
at the result.  Nothing is done when no encoding fits (the undecodable bytes
were read as U+FFFD, or a byte order mark forced an encoding the bytes do
not fit): the problem is reported as not fixable; find out what the file
really is.

.. rubric:: Examples

Failing (``example.srt``)::

    1
    00:00:01,000 --> 00:00:02,000
    \xa1Hola! \xbfQu\xe9 tal, se\xf1or Mu\xf1oz? Ma\xf1ana.

Passing (``example.srt``)::

    1
    00:00:01,000 --> 00:00:02,000
    ¡Hola! ¿Qué tal, señor Muñoz? Mañana.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._reader import reported

ID = "invalid-utf8"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = "unsafe"

# What the decoder's message promises when it found an encoding that fits.
_PROMISE = " (transcript-lint --unsafe-fixes transcodes it)"


def _transcoded(ctx: Context) -> bytes | None:
    """The file in UTF-8, or ``None`` when its bytes are not exactly its text in the
    encoding it was read with (bytes read as U+FFFD, a byte order mark that forced
    the encoding): transcoding would lose them."""
    encoding = codecs.lookup(ctx.encoding).name
    if encoding == "utf-8":
        return None
    try:
        if ctx.text.encode(encoding) != ctx.data:
            return None
    except UnicodeError:
        return None
    return ctx.text.encode("utf-8")


def check(ctx: Context) -> Iterator[Finding]:
    """The decoder's findings, fixable only where the fix can transcode the file."""
    own = [d for d in ctx.diagnostics if d.rule == ID]
    if not own:
        return
    fixable = _transcoded(ctx) is not None
    for diagnostic in own:
        message = diagnostic.message
        if not fixable:
            message = message.replace(_PROMISE, " by hand")
        yield Finding(diagnostic.line, diagnostic.column, message, fixable=fixable)


def fix(ctx: Context) -> bytes | None:
    if not reported(ctx, ID):
        return None
    return _transcoded(ctx)
