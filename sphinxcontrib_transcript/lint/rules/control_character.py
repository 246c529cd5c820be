r"""An invisible control character (NUL, other C0 and C1 controls, DEL, a stray U+FEFF).

Control characters come from copying out of terminals, word processors and
broken conversions; they are invisible in editors, WebVTT turns NUL into
U+FFFD, and some players stop at them.  Tabs and line breaks are not
reported, nor is a byte order mark at the very start (``utf8-bom`` is about
that); a U+FEFF anywhere else is a leftover of joined files.  Also reported:
U+FFF9-U+FFFC (interlinear annotation marks, object replacement).

.. rubric:: Options

None.

.. rubric:: Fix

Safe: removes the characters.  A C1 control (U+0080-U+009F) right after
another non-ASCII character is part of mojibake (``â€\x9d`` for ``”``)
and is left for the ``mojibake`` fix, which can restore what it stood for;
a run of C1 controls right after an ASCII character is removed whole.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hi\u0007 there!

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hi there!
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._edit import changed
from ._text import non_ascii, rare_ascii

ID = "control-character"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"

# A pattern string, not a compiled pattern: ``re`` compiles it on first use
# (and caches it), so importing the rule costs nothing on the clean path.
_CONTROL = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufff9-\ufffc]"
_SPECIALS = "\ufeff\ufff9\ufffa\ufffb\ufffc"  # what _CONTROL finds beyond C0, DEL and C1
_NAMES = {
    "\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x0b": "VT", "\x0c": "FF", "\x1b": "ESC",
    "\x7f": "DEL", "\ufeff": "ZERO WIDTH NO-BREAK SPACE (a byte order mark inside the file)",
    "\ufffc": "OBJECT REPLACEMENT CHARACTER",
}


def _present(ctx: Context) -> bool:
    """Whether the text has any, tested without a regex scan of the whole text (most
    files have none): C0 controls and DEL by deleting every other byte, the rest
    among the few characters that are not ASCII."""
    if rare_ascii(ctx).translate(None, b"\t\r<=>|"):
        return True  # a C0 control or DEL
    rest = non_ascii(ctx)
    # C1 controls are the smallest characters that are not ASCII.
    return bool(rest) and (min(rest) <= "\x9f" or any(char in rest for char in _SPECIALS))


def _classified(text: str) -> Iterator[tuple[int, str, bool]]:
    """``(offset, character, part of mojibake)`` for each control character in *text*.

    A C1 control right after a non-ASCII character is part of mojibake, but
    not right after a control that goes: a run of C1 controls after an ASCII
    character goes as a whole, so that one fix removes all of it (the run
    once lost one character per pass, and a second --fix changed the file).
    """
    removed_at = -2
    for match in re.finditer(_CONTROL, text):
        start = match.start()
        char = match.group()
        kept = (
            "\x80" <= char <= "\x9f" and start > 0 and not text[start - 1].isascii()
            and start - 1 != removed_at
        )
        if not kept:
            removed_at = start
        yield start, char, kept


def check(ctx: Context) -> Iterator[Finding]:
    if not _present(ctx):
        return
    for number, line in enumerate(ctx.lines, 1):
        for start, char, mojibake in _classified(line):
            name = _NAMES.get(char, "control character")
            advice = (
                "it looks like part of mojibake (see the mojibake rule)" if mojibake
                else "remove it"
            )
            yield Finding(number, start + 1, f"invisible U+{ord(char):04X} {name}; {advice}")


def fix(ctx: Context) -> bytes | None:
    text = ctx.text
    if not _present(ctx):
        return None
    out: list[str] = []
    position = 0
    for start, _, mojibake in _classified(text):
        if mojibake:
            continue
        out.append(text[position:start])
        position = start + 1
    out.append(text[position:])
    return changed(ctx, "".join(out))
