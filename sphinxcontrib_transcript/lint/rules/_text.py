"""What the rules that scan the whole text share, computed once per file.

Several rules first ask whether the text holds any of a few characters
(controls, bidi marks, U+FFFD, mojibake, invisible marks, merge markers, CR).
Most transcripts are ASCII letters and punctuation but for a few quotes and
ellipses; so :func:`non_ascii` gives the non-ASCII characters of the text, in
order, and :func:`rare_ascii` its rare ASCII ones, each a short string every
rule can search at no cost.  It is cut out of the UTF-8
bytes with one ``bytes.translate`` pass, and the bytes are the file's own
when it is UTF-8 (no second encoding).  Each is kept in the file's context
(``ctx.cache``) once made.
"""

from __future__ import annotations

import codecs

from ..base import Context

# Every ASCII byte: deleting them from UTF-8 leaves the bytes of the other
# characters, whole (a multi-byte character has no ASCII byte in it).
_ASCII = bytes(range(0x80))
_SAMPLE = 64  # characters compared at each end when the file's bytes are reused

# What rare_ascii keeps: C0 controls but LF (TAB and CR included), DEL and the
# first characters of merge conflict markers.
_KEPT = bytes((*range(0x0A), *range(0x0B, 0x20), 0x7F)) + b"<=>|"
_COMMON = bytes(byte for byte in range(0x100) if byte not in _KEPT)

def utf8(ctx: Context) -> bytes:
    """``ctx.text`` encoded as UTF-8 (surrogates passed through)."""
    cache = ctx.cache
    found = cache.get("utf8")
    if found is None:
        found = cache["utf8"] = _own_bytes(ctx) or ctx.text.encode("utf-8", "surrogatepass")
    return found


def _own_bytes(ctx: Context) -> bytes | None:
    """The file's bytes without their UTF-8 BOM, when they are ``ctx.text`` in
    UTF-8 (a file the decoder read as UTF-8 without trouble), else ``None``."""
    if ctx.encoding != "utf-8" or any(
        d.rule == "invalid-utf8" for d in ctx.diagnostics
    ):
        return None
    data, text = ctx.data, ctx.text
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    # Guard against a context whose bytes are not its text (made by hand):
    # the lengths must fit and both ends must agree.
    if len(data) < len(text) or (text.isascii() and len(data) != len(text)):
        return None
    head = text[:_SAMPLE].encode("utf-8", "surrogatepass")
    tail = text[-_SAMPLE:].encode("utf-8", "surrogatepass")
    if not data.startswith(head) or not data.endswith(tail):
        return None
    return data


def non_ascii(ctx: Context) -> str:
    """The characters of ``ctx.text`` that are not ASCII, in order (``""`` if none)."""
    if ctx.text.isascii():  # O(1): Python knows it of every string
        return ""
    cache = ctx.cache
    found = cache.get("non-ascii")
    if found is None:
        found = cache["non-ascii"] = (
            _deleted(utf8(ctx), _ASCII).decode("utf-8", "surrogatepass")
        )
    return found


def rare_ascii(ctx: Context) -> bytes:
    """The text's C0 controls other than LF (so TAB and CR too), DEL, ``<``, ``=``,
    ``>`` and ``|``, in order, as bytes (usually ``b""``): one pass over the bytes,
    then each rule's test for these characters is a look at a few bytes."""
    cache = ctx.cache
    found = cache.get("rare-ascii")
    if found is None:
        found = cache["rare-ascii"] = _deleted(utf8(ctx), _COMMON)
    return found


# Bytes translated at a time: bytes.translate() first takes as much memory as its
# input, so a whole 50 MB file at once would cost 50 MB for a result of a few.
_CHUNK = 1 << 20


def _deleted(data: bytes, delete: bytes) -> bytes:
    """*data* without the bytes in *delete*, a chunk at a time."""
    if len(data) <= _CHUNK:
        return data.translate(None, delete)
    return b"".join(
        data[at : at + _CHUNK].translate(None, delete) for at in range(0, len(data), _CHUNK)
    )

