r"""The content is in another format than the file name says (WebVTT saved as ``.srt``).

A ``.vtt`` file holding SRT (numbered cards, commas in the times) or a
``.srt`` holding WebVTT is read by players as the suffix says, so its cues
are lost or garbled.  The file is linted as its suffix says; this rule says
what its content looks like instead, judged the way the CLI judges ``.txt``
files.

.. rubric:: Options

None.

.. rubric:: Fix

None: rename the file or convert it.

.. rubric:: Examples

Failing (``example.vtt``)::

    1
    00:00:01,000 --> 00:00:02,000
    Hello.

Passing (``example.srt``)::

    1
    00:00:01,000 --> 00:00:02,000
    Hello.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ...readers import READERS, SUFFIXES, sniff
from ..base import Context, Finding, Option

ID = "format-mismatch"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "json"})
OPTIONS: dict[str, Option] = {}
FIX = None

_NAMES = {
    "vtt": "WebVTT", "srt": "SRT", "txt": "timestamped text", "json": "JSON",
    "md": "Markdown", "whisper": "Whisper JSON", "sbv": "SubViewer", "ttml": "TTML",
    "html": "HTML",
}
_SUFFIX = {
    "vtt": ".vtt", "srt": ".srt", "json": ".json", "txt": ".txt", "md": ".md",
    "whisper": ".json", "sbv": ".sbv", "ttml": ".ttml", "html": ".html",
}
# The start of a file tells its format; sniffing all of a 50 MB file would not.
_SAMPLE = 65536
_PROBE = 256
_BLANKS = "\ufeff \t\r\n"  # what sniff() skips before looking at the first text


def check(ctx: Context) -> Iterator[Finding]:
    suffix = os.path.splitext(ctx.path)[1].lower()
    named = SUFFIXES.get(suffix)
    text = ctx.text
    if named is None or named != ctx.format or not text or text.isspace():
        return
    # The commonest case without copying the start of the text: a WebVTT file
    # whose first text is WEBVTT sniffs as WebVTT, however long the sample.
    if named == "vtt" and text[:_PROBE].lstrip(_BLANKS).startswith("WEBVTT"):
        return
    looks = sniff(text[:_SAMPLE])
    if looks == named:
        return
    if looks == "txt":
        # Anything without "-->" sniffs as text; say so only when it reads as
        # clean timestamped text, not for any garbage.
        read = READERS["txt"](ctx.text)
        if not read.cues or read.diagnostics:
            return
    yield Finding(
        1, 1,
        f"the file is named {suffix} but its content looks like {_NAMES[looks]}; rename it "
        f"to {_SUFFIX[looks]} or convert it to {_NAMES[named]}",
    )
