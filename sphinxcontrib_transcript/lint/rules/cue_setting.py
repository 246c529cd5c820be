r"""A WebVTT cue setting is unknown, malformed, out of range or repeated.

Cue settings follow the end time on the timing line (``align:start
line:10%``).  Browsers silently ignore a setting they cannot parse, so the
cue appears where the author did not put it (but it still appears: a
warning, not an error).  Checked as the WebVTT parser reads them:
``vertical:rl|lr``; ``line:`` a number of lines (``-2``) or a percentage,
optionally ``,start|center|end``; ``position:`` a percentage, optionally
``,line-left|center|line-right``; ``size:`` a percentage;
``align:start|center|end|left|right``; ``region:`` the id of a ``REGION``
defined in the header.  Percentages are 0-100.  A setting given twice is
reported too (the later one wins).

``align:middle`` is the old spelling of ``center`` (drafts before 2017):
browsers drop it and show the default, which is ``center``, so nothing
looks wrong, but some courses carry it on every cue (4,195 in one).

.. rubric:: Options

None.

.. rubric:: Fix

Safe: ``align:middle`` becomes ``align:center``, which is what browsers
show.  The other problems are not fixed: only the author knows where the
cue should go.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000 line:100% position:50% align:middle
    Hello.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000 line:100% position:50% align:center
    Hello.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...model import Cue
from ..base import Context, Finding, Option
from ._columns import column
from ._edit import changed, join, split_keep
from ._timing import canonical_timing

ID = "cue-setting"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"

# A pattern string, not a compiled pattern: ``re`` compiles it on first use
# (and caches it), so importing the rule costs nothing on the clean path.
_PERCENT = r"\d+(?:\.\d+)?%"
_LINE_NUMBER = r"-?\d+(?:\.\d+)?"
_ALIGN = ("start", "center", "end", "left", "right")
_LINE_ALIGN = ("start", "center", "end")
_POSITION_ALIGN = ("line-left", "center", "line-right")
_NAMES = ("vertical", "line", "position", "size", "align", "region")
_OLD_CENTER = "middle"  # align:middle, from drafts of WebVTT before 2017


def _percentage(value: str, what: str) -> str | None:
    if not re.fullmatch(_PERCENT, value):
        return f"{what} must be a percentage such as 50%, not {value!r}"
    if float(value[:-1]) > 100:
        return f"{what} must be between 0% and 100%, not {value}"
    return None


def _problem(name: str, value: str, regions: set[str] | None) -> str | None:
    """What is wrong with one ``name:value`` setting, or ``None``."""
    if name == "vertical":
        return None if value in ("rl", "lr") else f"vertical must be rl or lr, not {value!r}"
    if name == "line":
        position, _, align = value.partition(",")
        if "," in value and align not in _LINE_ALIGN:
            return f"line alignment must be start, center or end, not {align!r}"
        if position.endswith("%"):
            return _percentage(position, "line")
        if not re.fullmatch(_LINE_NUMBER, position):
            return f"line must be a line number (such as -2) or a percentage, not {position!r}"
        return None
    if name == "position":
        position, _, align = value.partition(",")
        if "," in value and align not in _POSITION_ALIGN:
            return f"position alignment must be line-left, center or line-right, not {align!r}"
        return _percentage(position, "position")
    if name == "size":
        return _percentage(value, "size")
    if name == "align":
        if value == _OLD_CENTER:
            return (
                "align:middle is the old spelling of align:center, which browsers show "
                "instead: write align:center"
            )
        return None if value in _ALIGN else (
            f"align must be start, center, end, left or right, not {value!r}"
        )
    if name == "region":
        if regions is not None and value not in regions:
            return f"no REGION with id {value!r} is defined in the header"
        return None
    return f"unknown setting {name!r}; WebVTT knows {', '.join(_NAMES)}"


def _regions(ctx: Context) -> set[str]:
    """Ids of the ``REGION`` blocks (which come before the first cue)."""
    found: set[str] = set()
    inside = False
    for line in ctx.lines:
        if "-->" in line:
            break
        if not line.strip():
            inside = False
        elif line.startswith("REGION") and line[6:7] in ("", " ", "\t"):
            inside = True
        elif inside:
            for token in line.split():
                if token.startswith("id:"):
                    found.add(token[3:])
    return found


def _check_cue(ctx: Context, cue: Cue, regions: set[str] | None) -> Iterator[Finding]:
    line = ctx.lines[cue.line - 1] if 0 < cue.line <= len(ctx.lines) else ""
    at = line.find("-->") + 3 if "-->" in line else 0
    # Step over the end time to where the settings start.
    while at < len(line) and line[at] in " \t":
        at += 1
    while at < len(line) and line[at] not in " \t":
        at += 1
    seen: set[str] = set()
    for token in cue.settings.split():
        found = line.find(token, at)
        column = found + 1 if found >= 0 else 1
        at = found + len(token) if found >= 0 else at
        name, colon, value = token.partition(":")
        if not colon or not name or not value:
            yield Finding(
                cue.line, column, f"{token!r} is not a setting; write name:value", fixable=False
            )
            continue
        problem = _problem(name, value, regions)
        if problem is None and name in seen:
            problem = f"{name} is set twice; browsers use the last one: keep one"
        seen.add(name)
        if problem is not None:
            old = name == "align" and value == _OLD_CENTER
            yield Finding(
                cue.line, column, problem if old else f"{problem} (browsers ignore the setting)",
                fixable=old,
            )


def check(ctx: Context) -> Iterator[Finding]:
    if canonical_timing(ctx):
        return  # read by the WebVTT fast paths: no cue has settings
    settings: Sequence[str] = column(ctx, "settings")
    if not any(settings):
        return
    regions = _regions(ctx) if any("region:" in item for item in settings) else None
    for cue in ctx.cues:
        if cue.settings:
            yield from _check_cue(ctx, cue, regions)


def fix(ctx: Context) -> bytes | None:
    if canonical_timing(ctx) or "align:middle" not in ctx.text:
        return None
    lines, endings = split_keep(ctx.text)
    for cue in ctx.cues:
        if "align:middle" in cue.settings.split():
            number = cue.line - 1
            line = lines[number]
            arrow = line.find("-->")
            if arrow >= 0:
                lines[number] = line[:arrow] + re.sub(
                    r"(?<=[ \t])align:middle(?=[ \t]|$)", "align:center", line[arrow:]
                )
    return changed(ctx, join(lines, endings))
