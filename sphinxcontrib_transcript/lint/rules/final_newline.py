r"""The file does not end with exactly one line break.

A missing final line break makes ``cat`` and ``git diff`` ("\ No newline at
end of file") misbehave and the next edit touch a line it did not change;
blank lines piled up at the end are leftovers of editing.  Both are invisible
in an editor, which is why a hook should catch them.  Empty files are left
alone (``no-cues`` reports them).

.. rubric:: Options

None.

.. rubric:: Fix

Safe: removes blank lines at the end and ends the last line with one line
break (the file's usual line ending), as pre-commit's ``end-of-file-fixer``
does.

.. rubric:: Examples

Failing (``example.txt``)::

    00:00:01 Hi!\

Passing (``example.txt``)::

    00:00:01 Hi!
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._edit import changed, join, majority_ending, split_keep

ID = "final-newline"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"


def _ends_badly(text: str) -> bool:
    """No final line break, or more than one line break after the last text."""
    if not text:
        return False
    if text[-1] not in "\r\n":
        return True
    tail = text.rstrip(" \t\r\n")
    rest = text[len(tail) :]
    return not tail or rest.count("\n") + rest.count("\r") - rest.count("\r\n") > 1


def check(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    if not _ends_badly(text):
        return
    lines = ctx.lines
    if text[-1] not in "\r\n":
        yield Finding(
            len(lines), len(lines[-1]) + 1, "no line break at the end of the file; add one"
        )
        return
    last = len(lines) - 1  # lines[-1] is the empty rest after the final break
    while last > 0 and not lines[last - 1].strip(" \t"):
        last -= 1
    if last == 0:
        yield Finding(1, 1, "the file holds nothing but blank lines; empty it")
        return
    count = len(lines) - 1 - last
    yield Finding(
        last + 1, 1,
        f"{count} blank line{'s' if count > 1 else ''} at the end of the file; remove "
        f"{'them' if count > 1 else 'it'}",
    )


def fix(ctx: Context) -> bytes | None:
    text = ctx.text
    if not _ends_badly(text):
        return None
    lines, endings = split_keep(text)
    usual = majority_ending(endings[:-1]) if len(endings) > 1 else "\n"
    while lines and not lines[-1].strip(" \t"):
        lines.pop()
        endings.pop()
    if not lines:
        return changed(ctx, "")
    endings[-1] = usual
    return changed(ctx, join(lines, endings))
