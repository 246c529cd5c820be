"""The chapter sections after reading: checked where they are, regrouped for HTML.

:func:`.chapters.attach` puts the chapter sections after the transcript's
container, where the table-of-contents code sees them.  Once the page is
parsed, :class:`CheckPlacement` turns those that cannot be sections into
markers; when a page is written, :class:`Regroup` moves them into the
container for HTML (one ``<section data-transcript>`` for the player) and
gives markers a target elsewhere, and :class:`LinkChapterMoments` links a
hosted video's timestamps in chapters, as :class:`~.tree.ExpandCues` does in
the transcript.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import nodes as tn
from .chapters import transcript_marker, transcript_part, warn
from .tree import builder_format, link_moments


class Regroup(SphinxPostTransform):
    """Put each transcript's chapter sections back inside it, for HTML; anchor markers elsewhere.

    HTML: the sections move into the transcript's container after its
    paragraphs, their parts unwrapped, so the page has one ``<section
    data-transcript>`` holding every cue (the player and its keys follow
    one transcript), and each chapter is a ``<section>`` with a heading
    inside it.  Other builders: a marker's id moves to a target before it
    (the LaTeX writer makes labels from targets only) and a hosted video's
    timestamps in chapters link to the video, as the transcript's do.
    """

    # Before anything else walks the transcript (references resolve at 10).
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        if builder_format(self) == "html":
            for container in list(self.document.findall(tn.transcript)):
                if container.get("chapters"):
                    regroup(container)
            return
        for marker in list(self.document.findall(transcript_marker)):
            anchor = tn.transcript_anchor("", ids=marker["ids"])
            marker["ids"] = []
            marker.parent.insert(marker.parent.index(marker), anchor)


class CheckPlacement(SphinxTransform):
    """Chapters where sections cannot go (in a list, a table, a directive's
    content) become markers inside the transcript, with a ``transcript.chapters``
    warning.

    Runs once the page is parsed, before ``contents`` (720) and the
    table-of-contents collector read the sections.
    """

    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        for container in list(self.document.findall(tn.transcript)):
            parent = container.parent
            if not container.get("chapters") or isinstance(
                parent, (nodes.section, nodes.document, addnodes.only)
            ):
                continue
            wanted = set(container["chapters"])
            sections = [child for child in parent.children
                        if isinstance(child, nodes.section) and wanted & set(child["ids"])]
            warn(container, "the chapters of this transcript are shown as headings without "
                 "sections: sections cannot go inside %s; put the transcript directly in a "
                 "section", parent.tagname)
            flow: list[nodes.Node] = []
            for section in sections:
                text = section[0].astext()
                marker = transcript_marker(text, text, ids=section["ids"],
                                           start=section["start"],
                                           classes=["transcript-chapter-marker"])
                self.document.ids[section["ids"][0]] = marker
                flow += [marker, *section[-1].children]
                parent.remove(section)
            container[_after_paragraphs(container):_after_paragraphs(container)] = flow
            container["chapters"] = []


class LinkChapterMoments(SphinxPostTransform):
    """After :class:`~.tree.ExpandCues` made the timestamps: link those of chapters to
    the hosted video (builders other than HTML)."""

    default_priority = 101

    def run(self, **kwargs: Any) -> None:
        if builder_format(self) == "html":
            return
        for part in self.document.findall(transcript_part):
            if part.get("moment"):
                link_moments(part, part["moment"])  # type: ignore[arg-type]


def regroup(container: tn.transcript) -> None:
    """Move the chapter sections named in ``container["chapters"]`` into it (HTML)."""
    parent = container.parent
    if parent is None:
        return
    wanted = set(container["chapters"])
    sections = [child for child in parent.children
                if isinstance(child, nodes.section) and wanted & set(child["ids"])]
    position = _after_paragraphs(container)
    for section in sections:
        parent.remove(section)
        for part in list(section.findall(transcript_part, include_self=False)):
            part.replace_self(part.children)
    container[position:position] = sections


def _after_paragraphs(container: tn.transcript) -> int:
    """Where chapters go in *container*: after its paragraphs, before its downloads."""
    return 1 + max(
        (i for i, child in enumerate(container.children)
         if isinstance(child, (tn.transcript_paragraph, tn.transcript_media,
                               transcript_marker))),
        default=-1,
    )
