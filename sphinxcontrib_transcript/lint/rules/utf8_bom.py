r"""The file starts with a UTF-8 byte order mark (or, with ``policy = "require"``, lacks one).

A UTF-8 byte order mark (the bytes ``EF BB BF``) is allowed by WebVTT and
written by Subtitle Edit and Windows Notepad, but some tools choke on it
(webvtt-py before 0.5 read ``\ufeffWEBVTT`` as a missing signature; cdown/srt
and shell tools see three stray bytes), and ``git diff`` shows nothing when it
appears or disappears.  Whether to have one is a project's choice, so this rule
is off by default; pre-commit's ``fix-byte-order-marker`` hook makes the same
choice as ``policy = "forbid"``.

.. rubric:: Options

``policy`` (``"forbid"``)
    ``"forbid"``: report a byte order mark; ``"require"``: report a UTF-8
    file without one.

.. rubric:: Fix

Safe: removes the mark (``forbid``) or adds it (``require``, UTF-8 files only).
A mark before bytes that are not UTF-8 (UTF-16 after it, say) or before a
second mark is reported as not fixable: without it the file would read as
something else, so save it as UTF-8 or remove both marks by hand.

.. rubric:: Examples

Failing (``example.vtt``)::

    \ufeffWEBVTT

    00:00:01.000 --> 00:00:02.000
    Hi!

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hi!
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from ..base import Context, Finding, Option

ID = "utf8-bom"
LEVEL = "warning"
ENABLED = False
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {
    "policy": Option(
        str, "forbid", "whether a UTF-8 byte order mark is forbidden or required",
        ("forbid", "require"),
    ),
}
FIX = "safe"


def _is_utf8(ctx: Context) -> bool:
    return codecs.lookup(ctx.encoding).name == "utf-8"


def _removable(data: bytes) -> bool:
    """Whether the file reads the same without its mark: what follows is UTF-8 (the
    mark forces UTF-8; without it other bytes would be read as another encoding)
    and is not a second mark (which would become the mark, and the line it hid
    from the reader would be read)."""
    body = data[len(codecs.BOM_UTF8) :]
    if body.startswith(codecs.BOM_UTF8):
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check(ctx: Context) -> Iterator[Finding]:
    has = ctx.data.startswith(codecs.BOM_UTF8)
    if ctx.options.get("policy", "forbid") == "require":
        if not has and ctx.data and _is_utf8(ctx):
            yield Finding(1, 1, "no UTF-8 byte order mark; this project requires one")
    elif has:
        fixable = _removable(ctx.data)
        yield Finding(
            1, 1,
            "the file starts with a UTF-8 byte order mark (EF BB BF); remove it "
            "(some tools read it as text)" + ("" if fixable else (
                "; by hand: what follows the mark is a second mark or not UTF-8 (see "
                "invalid-utf8), and without the first the file would read differently"
            )),
            fixable=fixable,
        )


def fix(ctx: Context) -> bytes | None:
    has = ctx.data.startswith(codecs.BOM_UTF8)
    if ctx.options.get("policy", "forbid") == "require":
        if has or not ctx.data or not _is_utf8(ctx):
            return None
        return codecs.BOM_UTF8 + ctx.data
    return ctx.data[len(codecs.BOM_UTF8) :] if has and _removable(ctx.data) else None
