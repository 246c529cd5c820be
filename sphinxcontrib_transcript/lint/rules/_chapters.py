"""What the chapter rules share: the chapters of the file, the transcript beside it,
and times written the way the chapter file's readers know them.

The engine reads a chapter file (``NAME.chapters.json|vtt|txt``) into a context
of format ``"chapters"`` and puts the
:class:`~sphinxcontrib_transcript.chapters.Chapters` in ``ctx.cache``; the
transcript ``NAME.<ext>`` is loaded once, through the context's sibling
loader, for the rules that compare with it.
"""

from __future__ import annotations

from ...readers import SUFFIXES
from ...timecode import format_clock, format_vtt

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ...chapters import Chapter, Chapters
    from ...model import Transcript
    from ..base import Context

# The transcripts a chapter file may stand beside, most usual first.
_TRANSCRIPT_SUFFIXES = (".vtt", ".srt", ".json", ".txt", ".md", *(
    suffix for suffix in SUFFIXES if suffix not in (".vtt", ".srt", ".json", ".md")))


def chapters(ctx: Context) -> Chapters:
    """The file's chapters, read once by the engine (or here, for a context made
    by hand)."""
    found = ctx.cache.get("chapters")
    if found is None:
        from ...chapters import read_chapters

        found = ctx.cache["chapters"] = read_chapters(ctx.text, ctx.path)
    return found


def transcript_beside(ctx: Context) -> tuple[str, Transcript] | None:
    """``(path, transcript)`` of the transcript ``NAME.<ext>`` beside the chapter
    file ``NAME.chapters.<ext>``, the first found in :data:`_TRANSCRIPT_SUFFIXES`'s
    order; ``None`` when there is none."""
    if "chapters-transcript" not in ctx.cache:
        found = None
        for suffix in _TRANSCRIPT_SUFFIXES:
            found = ctx.sibling(suffix)
            if found is not None:
                break
        ctx.cache["chapters-transcript"] = found
    return ctx.cache["chapters-transcript"]  # type: ignore[no-any-return]


def clock(ms: int) -> str:
    """A chapter's time: ``HH:MM:SS``, with milliseconds only when it has them."""
    return format_clock(ms) if ms % 1000 == 0 else format_vtt(ms)


def named(chapter: Chapter) -> str:
    """How a message names a chapter: its title and line, or its line alone."""
    title = chapter.title.strip()
    if not title:
        return f"the untitled chapter at line {chapter.line}"
    shown = title if len(title) <= 40 else title[:40] + "…"
    return f"{shown!r} (line {chapter.line})"


def column(ctx: Context, chapter: Chapter) -> int:
    """The column where *chapter*'s line starts to say something (its time, its
    ``{``, its bullet)."""
    line = ctx.line(chapter.line) or ""
    return len(line) - len(line.lstrip()) + 1


def spans(ctx: Context) -> list[tuple[int, int]] | None:
    """Where each chapter is written in ``ctx.text``, as ``(start, end)`` offsets, in
    file order: a list line, a JSON chapter object, a WebVTT cue block (its
    identifier, timing line and text).  ``None`` when they cannot be told apart
    (for a fix, which then leaves the file alone)."""
    found = chapters(ctx)
    if found.format == "json":
        from ._chapter_spans import json_spans

        made = json_spans(ctx.text)
    else:
        from ._chapter_spans import line_spans

        made = line_spans(ctx.text, found.format)
    return made if made is not None and len(made) == len(found.chapters) else None
