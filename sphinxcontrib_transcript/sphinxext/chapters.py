"""Chapters as real sections of the page.

A transcript with chapters (``:chapters: FILE``, or ``NAME.chapters.json``,
``.vtt`` or ``.txt`` beside it) is laid out so that every chapter is a
docutils :class:`~docutils.nodes.section` with the chapter's title, one
level below the section that holds the directive.  Being real sections,
chapters reach everything that reads sections: the page's ``contents``,
the sidebar and toctrees (Sphinx's TocTreeCollector), the search index's
titles, LaTeX's ``\\subsection`` and so the PDF's outline.

The doctree as read has the chapters as the next siblings of the
transcript's container, since a section inside a container is invisible
to the table-of-contents code; each chapter's paragraphs sit in a
:class:`transcript_part` under its title.  For HTML,
:class:`~.chapter_sections.Regroup` then
moves the sections back inside the container (the player follows one
transcript, ``<section data-transcript>``, with every cue); other builders
keep the sections where they are, so LaTeX numbers them as it numbers the
rest of the document.

A chapter marked ``"toc": false`` becomes a :class:`transcript_marker`
(a rubric, with the same kind of id) between two paragraphs: a heading
to read, not a section.  Paragraphs never straddle a chapter start:
:func:`~.render.plan` breaks them there.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging

from ..timecode import format_clock
from . import chapter_refs, problems
from . import nodes as tn
from .media import confined

if TYPE_CHECKING:
    from sphinx.util.docutils import SphinxDirective

    from ..chapters import Chapter
    from ..model import Transcript

logger = logging.getLogger(__name__)

#: ``:chapters-level:`` values: levels below the directive's section.  Only
#: 1 can be built (a section's subsections are one level below it), so a
#: larger number is reported and read as 1.
DEFAULT_LEVEL = 1


class transcript_part(nodes.container):
    """The paragraphs of one chapter, under its title (unwrapped for HTML by
    :class:`~.chapter_sections.Regroup`).

    Attribute ``moment``: the hosted video's moment template, as on the transcript.
    """


class transcript_marker(nodes.rubric):
    """A ``toc: false`` chapter: its title as a small heading, with the chapter's id."""


@dataclass(frozen=True, slots=True)
class Placed:
    """A chapter with its id: ``anchor`` is ``NAME-ch-<slug>``."""

    chapter: Chapter
    slug: str
    anchor: str


def slug(title: str) -> str:
    """The id-safe form of a chapter title; digits kept, empty for a title without letters.

    >>> slug("Keystone pipelines"), slug("2024: a review"), slug("Ça va ?"), slug("…")
    ('keystone-pipelines', '2024-a-review', 'ca-va', '')
    """
    # make_id strips leading digits (ids start with a letter): a letter in
    # front keeps "2024".
    return nodes.make_id(f"x-{title}")[2:]


def place(
    chapters: Sequence[Chapter], prefix: str, taken: dict[str, Any]
) -> list[Placed]:
    """Ids for *chapters*, in the order given: ``PREFIX-ch-<slug>``, then ``-2``, ``-3``.

    A title without letters or digits is named by its number (``ch-3``); an
    id already on the page (*taken*) is skipped the same way, so ids depend
    only on the titles before them.
    """
    head = f"{prefix}-ch-" if prefix else "ch-"
    used: set[str] = set()
    placed = []
    for number, chapter in enumerate(chapters, 1):
        base = slug(chapter.title) or str(number)
        name, count = base, 1
        while f"{head}{name}" in used or f"{head}{name}" in taken:
            count += 1
            name = f"{base}-{count}"
        used.add(f"{head}{name}")
        placed.append(Placed(chapter, name, f"{head}{name}"))
    return placed


def in_excerpt(chapters: Sequence[Chapter], start: int | None, end: int | None) -> list[Chapter]:
    """The chapters that start inside the excerpt, by start time (file order for ties)."""
    return sorted(
        (chapter for chapter in chapters
         if (start is None or chapter.start_ms >= start)
         and (end is None or chapter.start_ms < end)),
        key=lambda chapter: chapter.start_ms,
    )


def title(chapter: Chapter) -> str:
    """What a chapter is called on the page: its title, else (untitled) its start time."""
    return " ".join(chapter.title.split()) or format_clock(chapter.start_ms)


def section_node(placed: Placed, part: nodes.Element) -> nodes.section:
    """A chapter's section: its id, its title, and *part*, for its paragraphs."""
    text = title(placed.chapter)
    section = nodes.section("", ids=[placed.anchor], classes=["transcript-chapter"],
                            start=placed.chapter.start_ms)
    section += nodes.title(text, text)
    section += part
    return section


def marker_node(placed: Placed) -> transcript_marker:
    """A ``toc: false`` chapter between paragraphs."""
    text = title(placed.chapter)
    return transcript_marker(text, text, ids=[placed.anchor],
                             classes=["transcript-chapter-marker"],
                             start=placed.chapter.start_ms)


def split(container: tn.transcript, chapters: Sequence[Placed]) -> list[nodes.section]:
    """Move the paragraphs of *container* under their chapters; return the sections.

    What comes before the first paragraph (the player) and after the last
    (the downloads) stays in the container, with the paragraphs before the
    first chapter.  A chapter starting after the last paragraph gets an
    empty section: no chapter is hidden.
    """
    children = list(container.children)
    indexes = [i for i, child in enumerate(children)
               if isinstance(child, tn.transcript_paragraph)]
    paragraphs = [children[i] for i in indexes]
    first = indexes[0] if indexes else len(children)
    after = children[indexes[-1] + 1:] if indexes else []
    starts = [int(paragraph["start"]) for paragraph in paragraphs]  # type: ignore[index]
    cuts = [bisect_left(starts, placed.chapter.start_ms) for placed in chapters]
    body: list[nodes.Node] = list(children[:first])
    sections: list[nodes.section] = []
    target: nodes.Element | None = None  # the part being filled, None for the body
    pending = 0
    for index in range(len(paragraphs) + 1):
        found: list[nodes.Node] = []
        while pending < len(chapters) and cuts[pending] == index:
            placed = chapters[pending]
            pending += 1
            if placed.chapter.toc:
                (target if target is not None else body).extend(found)
                found = []
                target = transcript_part(moment=container.get("moment"))
                sections.append(section_node(placed, target))
            else:
                found.append(marker_node(placed))
        if index < len(paragraphs):
            found.append(paragraphs[index])
        (target if target is not None else body).extend(found)
    container.children = []
    container.extend(body + after)
    container["chapters"] = [section["ids"][0] for section in sections]
    return sections


def warn(location: Any, message: str, *args: object) -> None:
    """A problem with a transcript's chapters, as a ``transcript.chapters`` warning."""
    logger.warning(message, *args, location=location, type="transcript", subtype="chapters")


def parse_level(value: str | None, location: Any) -> int:
    """Read ``:chapters-level:``: a whole number of levels below the directive's section.

    Only 1 can be built: docutils nests a section's subsections one level
    below it and has no sections without titles to skip a level with, so a
    larger number is reported and the chapters are made subsections.

    :raises ValueError: for anything but a positive whole number.
    """
    if value is None:
        return DEFAULT_LEVEL
    text = value.strip()
    if not text.isdigit() or int(text) < 1:
        raise ValueError(
            f"{value!r} is not a :chapters-level:; write 1 (chapters are sections one level "
            "below the section holding the transcript)"
        )
    level = int(text)
    if level > DEFAULT_LEVEL:
        warn(location,
             ":chapters-level: %d cannot be built: sections nest one level at a time, so "
             "the chapters are subsections of the section holding the transcript; put the "
             "transcript in a section of its own to make its chapters one level deeper",
             level)
    return DEFAULT_LEVEL


def load(directive: SphinxDirective, transcript: tuple[str, Transcript]) -> list[Chapter]:
    """The chapters of the directive's *transcript* (``(path, transcript)``):
    ``:chapters: FILE``, else the file beside it
    (:func:`~sphinxcontrib_transcript.chapters.chapters_beside`); none for
    ``:chapters: none``.

    The file is linted as ``transcript-lint`` lints it, against this
    transcript, and its problems are warnings at its own lines
    (:func:`.problems.read_and_lint_chapters`); a file that cannot be read
    is a ``transcript.chapters`` warning, and the transcript is shown
    without chapters.
    """
    from ..chapters import chapters_beside

    env = directive.env
    option = (directive.options.get("chapters") or "").strip()
    location = directive.get_location()
    if option.lower() == "none":
        return []
    if option:
        _rel, path = env.relfn2path(option, env.docname)
        if not confined(path, env.srcdir):
            warn(location, "chapters path %r resolves outside the source directory; keep "
                 "chapter files inside the documentation sources", option)
            return []
    else:
        beside = chapters_beside(transcript[0])
        if beside is None:
            return []
        path = str(beside)
    env.note_dependency(os.path.abspath(path))
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        warn(location, "cannot read chapters %r (%s); the transcript is shown without "
             "chapters: check :chapters:, a path relative to this document",
             option or path, exc.strerror or exc)
        return []
    return list(problems.read_and_lint_chapters(data, path, transcript, env).chapters)


def attach(
    directive: SphinxDirective,
    container: tn.transcript,
    chapters: Sequence[Chapter],
    prefix: str,
    name: str,
) -> list[nodes.section]:
    """Lay the chapters out in *container* and return their sections, to follow it.

    Ids start with *prefix* (the transcript's cue anchors' own); a named
    transcript's chapters are recorded in the domain.  Whether sections can
    go where the directive is, :class:`~.chapter_sections.CheckPlacement`
    sees once the page is parsed (MyST's directives do not know their parent).
    """
    if not chapters:
        return []
    document = directive.state.document
    placed = place(chapters, prefix, document.ids)
    sections = split(container, placed)
    for section in sections:
        document.ids[section["ids"][0]] = section
        directive.set_source_info(section)
    for node in container.findall(transcript_marker):
        document.ids[node["ids"][0]] = node
    for section in sections:
        for node in section.findall(transcript_marker):
            document.ids[node["ids"][0]] = node
    if name:
        rows = [(p.chapter.start_ms, p.slug, p.chapter.title, p.anchor) for p in placed]
        chapter_refs.note(directive.env.get_domain("transcript"), name,
                          directive.env.docname, rows)
    return sections
