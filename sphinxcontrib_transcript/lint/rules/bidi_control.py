r"""A bidirectional control character (the "Trojan Source" characters).

U+202A-U+202E (LRE, RLE, PDF, LRO, RLO) and U+2066-U+2069 (LRI, RLI, FSI,
PDI) are invisible and change the order in which the text around them is
*displayed* (CVE-2021-42574): a reviewer sees one thing while players and
search see another, and a stray override (pasted from a web page) reverses
the rest of the cue.  Right-to-left transcripts rarely need them either:
WebVTT has ``&lrm;``/``&rlm;`` and the marks U+200E/U+200F, which this rule
does not report.  A project that really uses isolates can lower this rule's
level or ignore it.

.. rubric:: Options

None.

.. rubric:: Fix

Unsafe: removes the characters.  This can change how right-to-left text is
displayed, so check the result.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Price: \u202e0001\u202c dollars

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Price: 1000 dollars
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._edit import changed
from ._text import non_ascii

ID = "bidi-control"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = "unsafe"

# A pattern string, not a compiled pattern: ``re`` compiles it on first use
# (and caches it), so importing the rule costs nothing on the clean path.
_BIDI = "[\u202a-\u202e\u2066-\u2069]"
_NAMES = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE", "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}


def _present(ctx: Context) -> bool:
    # Searched for among the text's few non-ASCII characters, not in all of it.
    rest = non_ascii(ctx)
    return bool(rest) and any(char in rest for char in _NAMES)


def check(ctx: Context) -> Iterator[Finding]:
    if not _present(ctx):
        return
    for number, line in enumerate(ctx.lines, 1):
        if line.isascii():
            continue
        for match in re.finditer(_BIDI, line):
            char = match.group()
            yield Finding(
                number, match.start() + 1,
                f"invisible U+{ord(char):04X} {_NAMES[char]} changes the order the text is "
                "displayed in; remove it",
            )


def fix(ctx: Context) -> bytes | None:
    if not _present(ctx):
        return None
    return changed(ctx, re.sub(_BIDI, "", ctx.text))
