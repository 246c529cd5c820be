"""What fixes share: rewriting a file while keeping every other byte as it was.

A fix works on the decoded text, split into lines *with* their line endings,
changes only what it is about, and encodes the result the way the file was
encoded (same byte order mark, same encoding).  When the file's bytes cannot
be reproduced from its text (a lossy decode), :func:`encode_like` refuses, so
no fix ever loses a byte it did not mean to change.
"""

from __future__ import annotations

import bisect
import codecs
import re

from ...model import Cue, Transcript
from ..base import Context

# A pattern string, not a compiled pattern: ``re`` compiles it on first use
# (and caches it), so importing this module costs nothing on the clean path.
_BREAK = r"(\r\n|\r|\n)"
_BOMS = (
    b"",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
)


def split_keep(text: str) -> tuple[list[str], list[str]]:
    """Lines and their endings (``"\\r\\n"``, ``"\\r"``, ``"\\n"``; ``""`` for the last).

    ``"".join(line + end for line, end in zip(*split_keep(text))) == text``, and
    line *n* of the file is ``lines[n - 1]``, as with ``ctx.lines``.
    """
    if "\r" not in text:
        lines = text.split("\n")
        return lines, ["\n"] * (len(lines) - 1) + [""]
    parts = re.split(_BREAK, text)
    return parts[0::2], [*parts[1::2], ""]


def join(lines: list[str], endings: list[str]) -> str:
    """The inverse of :func:`split_keep`."""
    return "".join(line + end for line, end in zip(lines, endings, strict=True))


def majority_ending(endings: list[str]) -> str:
    """The most common line ending; ties prefer LF, then CRLF, then CR."""
    counts = {end: endings.count(end) for end in ("\n", "\r\n", "\r")}
    return max(counts, key=lambda end: (counts[end], end == "\n", end == "\r\n"))


def encode_like(ctx: Context, text: str) -> bytes | None:
    """*text* encoded as the file is (same BOM and encoding), or ``None``.

    ``None`` when the file's bytes are not exactly its BOM plus its text in
    its encoding (the decoder had to replace bytes), or when *text* holds a
    character the encoding cannot represent: writing would lose something.
    """
    encoding = ctx.encoding
    try:
        body = ctx.text.encode(encoding)
        prefix = ctx.data[: len(ctx.data) - len(body)]
        if not ctx.data.endswith(body) or prefix not in _BOMS:
            return None
        return prefix + text.encode(encoding)
    except (UnicodeError, LookupError):
        return None


#: Added to a problem a text fix cannot reach because :func:`rewritable` is false.
BY_HAND = (
    " (by hand, or once invalid-utf8 is fixed: --fix rewrites only a file that is valid "
    "in its encoding)"
)


def rewritable(ctx: Context) -> bool:
    """Whether a fix working on the text can write the file back and have it read the
    same: the file is valid in its encoding (no ``invalid-utf8``: an encoding
    guessed from the bytes may be guessed differently once they change) and its
    bytes are its byte order mark and its text (:func:`encode_like` would not
    refuse).  Rules call it only when they have something to report; a problem
    a fix cannot write is reported as not fixable, with :data:`BY_HAND`."""
    if "rewritable" not in ctx.cache:
        ctx.cache["rewritable"] = not any(
            d.rule == "invalid-utf8" for d in ctx.diagnostics
        ) and encode_like(ctx, ctx.text) is not None
    return bool(ctx.cache["rewritable"])


def changed(ctx: Context, text: str) -> bytes | None:
    """The file's new bytes for *text*, or ``None`` if nothing changed (or cannot be kept)."""
    if text == ctx.text:
        return None
    return encode_like(ctx, text)


def reread(ctx: Context, text: str) -> Transcript | None:
    """The transcript the fix loop would read back if a fix wrote *text* (encoded as
    the file is, decoded and its format told again), or ``None`` when *text*
    cannot be written back.  For rules that say whether their fix will be kept."""
    from ...readers import read  # only fixes need a reader

    data = encode_like(ctx, text)
    return None if data is None else read(data, name=ctx.path)[0]


def same_cues(ctx: Context, text: str, *, ordered: bool = True) -> bool:
    """Whether *text*, read again, has exactly the cues the file has now.

    Fixes that move or insert lines call this before returning, so a fix that
    would lose or alter a cue (an unforeseen layout) is not applied.  With
    ``ordered=False`` the cues may come in another order (sorting fixes).
    """
    from ...readers import READERS  # only fixes need a reader

    def key(cue: Cue) -> tuple[int, int | None, str]:
        return cue.start_ms, cue.end_ms, cue.text

    before = [key(cue) for cue in ctx.cues]
    after = [key(cue) for cue in READERS[ctx.format](text).cues]
    if not ordered:
        before.sort(key=repr)
        after.sort(key=repr)
    return before == after


#: Formats whose cue text is not a run of the file's lines as written (JSON
#: strings, markup with its whitespace collapsed): a cue is placed at its line.
UNPLACED = frozenset({"json", "whisper", "ttml", "html"})
# Formats whose cue lines may have blank lines between them.
_PARAGRAPHS = frozenset({"txt", "md"})


def payload_line(ctx: Context, cue: Cue, index: int) -> int:
    """File line number of line *index* (0-based) of ``cue.text``.

    WebVTT and SRT payloads are consecutive lines of the file; a timestamped-text
    cue's lines are not when blank lines separate them (the reader skips blank
    lines and runs an untimed line on into the cue above), so there the line
    is the *index*-th filled line from ``cue.text_line`` on.
    """
    if ctx.format not in _PARAGRAPHS or index == 0:
        return cue.text_line + index
    filled = ctx.filled_lines
    at = bisect.bisect_left(filled, cue.text_line) + index
    return filled[at] if at < len(filled) else cue.text_line + index


def payload_position(ctx: Context, cue: Cue, offset: int) -> tuple[int, int]:
    """File (line, column) of character *offset* of ``cue.text``.

    The payload's lines are the file's lines from ``cue.text_line`` on (see
    :func:`payload_line`); in timestamped text the first one follows the time
    on the same line, so the column is counted from where the payload line
    sits in the file line.  JSON bodies are strings inside the file, and TTML
    and HTML texts have their layout whitespace collapsed, so only the
    segment's or element's line is known: column 1 there.  A rule with several
    positions in one cue uses :class:`PayloadPositions` instead.
    """
    return PayloadPositions(ctx, cue).at(offset)


class PayloadPositions:
    """File (line, column) of offsets in one cue's text, asked for in increasing order.

    Each call counts from the previous offset and work done for a line is kept
    for the next offset on it, so a rule reporting every line of a long cue
    (or every tag of a long line) takes linear time, not quadratic.  An
    offset lower than the previous one starts again from the beginning.
    """

    __slots__ = ("ctx", "cue", "index", "line_start", "offset", "shift")

    def __init__(self, ctx: Context, cue: Cue) -> None:
        self.ctx = ctx
        self.cue = cue
        self.offset = 0
        self.index = 0  # payload line of self.offset
        self.line_start = 0  # where that line starts in cue.text
        self.shift: int | None = None  # columns before the payload on its file line

    def at(self, offset: int) -> tuple[int, int]:
        """(line, column) of ``cue.text[offset]``."""
        ctx, cue = self.ctx, self.cue
        if ctx.format in UNPLACED or not cue.text_line:
            return cue.line, 1
        text = cue.text
        if offset < self.offset:
            self.offset, self.index, self.line_start, self.shift = 0, 0, 0, None
        breaks = text.count("\n", self.offset, offset)
        if breaks:
            self.index += breaks
            self.line_start = text.rfind("\n", self.offset, offset) + 1
            self.shift = None
        self.offset = offset
        number = payload_line(ctx, cue, self.index)
        if self.shift is None:
            self.shift = 0
            line = ctx.line(number)
            if line is not None:
                line_end = text.find("\n", self.line_start)
                written = text[self.line_start : None if line_end < 0 else line_end]
                if line.endswith(written):
                    self.shift = len(line) - len(written)
        return number, offset - self.line_start + 1 + self.shift
