"""Bytes to text, in one place.

Transcripts are read as bytes so that byte order marks, line endings and bad
encodings stay visible.  :func:`decode` never raises: a file that is not valid
UTF-8 is decoded with the encoding it most probably is in (charset-normalizer's
guess, imported only on that rare path) and an ``invalid-utf8`` diagnostic says
where the first bad byte is and what the file looks like instead.
"""

from __future__ import annotations

import codecs
import re

from .model import Diagnostic

# Byte order marks we recognise, longest first so UTF-32-LE is not taken for
# UTF-16-LE (its BOM starts with the same two bytes).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Legacy encodings transcripts are most often saved in, most common first
# (Windows code pages from Subtitle Edit and Notepad, then East Asian ones).
_USUAL_LEGACY = ("cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1256", "cp932",
                 "gb18030", "big5", "euc_kr", "cp1255", "cp874", "cp1257")

# What cp1252 text in a Western European language holds beyond ASCII.
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŒœŠšŸŽž"
    "\u00a0¡¿«»°ºª©®™€£¥§¶·–—‘’‚“”„…•"
)

# WebVTT, and every reader here, breaks lines at CRLF, CR or LF only; Python's
# str.splitlines() would also break at form feeds, U+2028 and others.  A
# string: re compiles it on first use, for the first file with a CR.
_LINE_BREAK = r"\r\n|\r|\n"


class Decoded:
    """The text of a file and what decoding it revealed.

    :param text: the decoded text, without a byte order mark.
    :param encoding: the codec name used (``"utf-8"`` for clean files).
    :param bom: the byte order mark the file started with (``b""`` if none).
    :param diagnostics: ``invalid-utf8`` problems, if any.
    """

    # A plain class: the dataclasses module costs a pre-commit hook milliseconds.
    __slots__ = ("bom", "diagnostics", "encoding", "text")

    def __init__(
        self,
        text: str,
        encoding: str = "utf-8",
        bom: bytes = b"",
        diagnostics: list[Diagnostic] | None = None,
    ) -> None:
        self.text = text
        self.encoding = encoding
        self.bom = bom
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Decoded)
        return (self.text, self.encoding, self.bom, self.diagnostics) == (
            other.text, other.encoding, other.bom, other.diagnostics
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return (
            f"Decoded(text={self.text!r}, encoding={self.encoding!r}, bom={self.bom!r}, "
            f"diagnostics={self.diagnostics!r})"
        )


def split_lines(text: str) -> list[str]:
    """Split at CRLF, CR and LF only, the way WebVTT does.

    A final line break does not produce an empty last line's worth of content
    difference: ``"a\\n"`` gives ``["a", ""]``, as :meth:`str.split` would.
    """
    if "\r" not in text:
        return text.split("\n")
    return re.split(_LINE_BREAK, text)


def position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column) of the byte at *offset*; columns count characters."""
    line_start = max(data.rfind(b"\n", 0, offset), data.rfind(b"\r", 0, offset)) + 1
    line = 1 + data.count(b"\n", 0, offset) + data.count(b"\r", 0, offset)
    line -= data.count(b"\r\n", 0, offset)
    if line_start == 0 and data.startswith(codecs.BOM_UTF8):
        line_start = len(codecs.BOM_UTF8)  # the BOM is not a character of line 1
    prefix = data[line_start:offset].decode("utf-8", errors="replace")
    return line, len(prefix) + 1


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of character *offset* of *text*, lines broken as by
    :func:`split_lines`."""
    head = text[:offset]
    line = 1 + head.count("\n") + head.count("\r") - head.count("\r\n")
    line_start = max(head.rfind("\n"), head.rfind("\r")) + 1
    return line, offset - line_start + 1


def _looks_western(data: bytes) -> bool:
    """True when cp1252 reads *data* as ordinary Western European text.

    charset-normalizer ranks a Baltic or Central European code page first for
    plenty of French or Spanish text ("trčs" for "très"); transcripts that are
    not UTF-8 are far more often cp1252, so that reading wins whenever every
    non-ASCII character it gives is a Latin-1 letter or common punctuation.
    """
    if b"\x00" in data:
        return False  # NULs between the letters: UTF-16 without a byte order mark
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return all(char in _WESTERN for char in text if char >= "\x80")


def guess_encoding(data: bytes) -> str | None:
    """The encoding charset-normalizer finds most plausible, or ``None``."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    if _looks_western(data):
        return "cp1252"
    matches = list(from_bytes(data))
    if not matches:
        return None
    # On short or mostly-ASCII text several single-byte code pages decode
    # equally cleanly and charset-normalizer may rank a rare one (cp775)
    # first; among those near-ties, name the one subtitle files are usually in.
    lowest = min(match.chaos for match in matches)
    near = {str(match.encoding) for match in matches if match.chaos <= lowest + 0.01}
    for usual in _USUAL_LEGACY:
        if usual in near:
            return usual
    return str(matches[0].encoding)


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode *data*, preferring a BOM, then *encoding*, then strict UTF-8.

    Never raises.  When the bytes are not valid in the chosen encoding they are
    decoded with the most probable other encoding (or with replacement
    characters as a last resort), and a diagnostic names the first bad byte.
    """
    bom = b""
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom, encoding = mark, name
            break
    body = data[len(bom) :]
    chosen = encoding or "utf-8"
    try:
        codecs.lookup(chosen)
    except LookupError:
        diagnostic = Diagnostic(
            1, 1, "invalid-utf8", "error",
            f"unknown encoding {chosen!r}; name a codec Python knows, such as 'utf-8' "
            "or 'cp1252'",
        )
        decoded = decode(data)
        decoded.diagnostics.insert(0, diagnostic)
        return decoded
    try:
        return Decoded(body.decode(chosen), codecs.lookup(chosen).name, bom)
    except UnicodeDecodeError as exc:
        bad_at = len(bom) + exc.start
    bad = data[bad_at : bad_at + 4]
    guess = None if encoding else guess_encoding(body)
    if guess and codecs.lookup(guess).name != codecs.lookup(chosen).name:
        try:
            text = body.decode(guess)
        except UnicodeDecodeError:
            guess = None
    else:
        guess = None
    if guess is None:
        text = body.decode(chosen, errors="replace")
        advice = (
            "the undecodable bytes were read as U+FFFD; find the file's real encoding and "
            "re-save it as UTF-8"
        )
        used = codecs.lookup(chosen).name
    else:
        advice = (
            f"it looks like {guess}; re-save it as UTF-8 "
            "(transcript-lint --unsafe-fixes transcodes it)"
        )
        used = guess
    # The position is in the text as decoded (every other position is), not
    # in the bytes: a file read as UTF-16 has other line breaks and columns.
    before = codecs.getincrementaldecoder(used)(errors="replace").decode(body[: bad_at - len(bom)])
    line, column = _position(text, len(before))
    message = f"not valid {codecs.lookup(chosen).name} (byte {bad[:1].hex(' ')!s} "
    message += f"at byte offset {bad_at}); {advice}"
    return Decoded(text, used, bom, [Diagnostic(line, column, "invalid-utf8", "error", message)])


# -- what a file holds, from its start ----------------------------------------------

#: How much of a file's start is read to decide whether it is text, and a transcript.
SNIFF_BYTES = 8192

# The bytes is_binary counts: control codes other than whitespace and ESC.
_CONTROL_BYTES = bytes((*range(0, 8), *range(14, 27), *range(28, 32), 127))
_NOT_CONTROL = bytes(byte for byte in range(256) if byte not in _CONTROL_BYTES)


def is_binary(head: bytes) -> bool:
    """Whether the start of a file looks binary rather than like text.

    A UTF-16 or UTF-32 byte order mark means text.  Otherwise two NULs in a
    row (common in binary formats and in UTF-16 without a BOM, rare in text
    with a stray NUL, which ``control-character`` reports), or more than a
    tenth of the bytes being control codes other than whitespace.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00\x00" in head:
        return True
    if len(head) < 32:
        return False
    # Deleting every other byte leaves the control codes: a short result to
    # count, where deleting them would copy the whole head.
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls * 10 > len(head)
