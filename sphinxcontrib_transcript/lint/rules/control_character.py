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
a run of C1 controls right after an ASCII character is removed whole.  A C1
control in a cue's text is reported by the ``mojibake`` rule (``\x93Hi\x94``
is cp1252 quotes read as Latin-1), so not here too, and left for its fix,
which restores the quotes; C1 controls elsewhere (a header, a note) are
reported and removed here.

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
from ._columns import column
from ._edit import changed
from ._text import non_ascii, rare_ascii

ID = "control-character"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
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


def _classified(text: str, reported: frozenset[str]) -> Iterator[tuple[int, str, bool]]:
    """``(offset, character, part of mojibake)`` for each control character in *text*.

    A C1 control right after a non-ASCII character is part of mojibake, but
    not right after a control that goes: a run of C1 controls after an ASCII
    character goes as a whole, so that one fix removes all of it (the run
    once lost one character per pass, and a second --fix changed the file).
    A C1 control on a line of cue text in *reported* is the ``mojibake``
    rule's too.
    """
    removed_at = -2
    for match in re.finditer(_CONTROL, text):
        start = match.start()
        char = match.group()
        kept = "\x80" <= char <= "\x9f" and (
            (start > 0 and not text[start - 1].isascii() and start - 1 != removed_at)
            or _on_reported_line(text, start, reported)
        )
        if not kept:
            removed_at = start
        yield start, char, kept


def _mojibake_lines(ctx: Context) -> frozenset[str]:
    """The lines of cue text with a C1 control: the ``mojibake`` rule reports each
    such cue (ftfy counts every C1 control as mojibake: ``\x93Hi\x94`` is cp1252
    quotes read as Latin-1), so a C1 control there is that one defect."""
    if not any("\x80" <= char <= "\x9f" for char in non_ascii(ctx)):
        return frozenset()
    return frozenset(
        line for text in column(ctx, "text") if not text.isascii()
        for line in text.split("\n") if any("\x80" <= char <= "\x9f" for char in line)
    )


def _on_reported_line(text: str, offset: int, reported: frozenset[str]) -> bool:
    if not reported:
        return False
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    ends = [end for end in (text.find("\n", offset), text.find("\r", offset)) if end >= 0]
    line = text[start : min(ends, default=len(text))]
    return any(line.endswith(payload) for payload in reported)


def check(ctx: Context) -> Iterator[Finding]:
    if not _present(ctx):
        return
    reported = _mojibake_lines(ctx)
    for number, line in enumerate(ctx.lines, 1):
        for start, char, mojibake in _classified(line, reported):
            if mojibake and _on_reported_line(line, start, reported):
                continue  # one defect, one report: the mojibake rule's
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
    for start, _, mojibake in _classified(text, _mojibake_lines(ctx)):
        if mojibake:
            continue
        out.append(text[position:start])
        position = start + 1
    out.append(text[position:])
    return changed(ctx, "".join(out))
