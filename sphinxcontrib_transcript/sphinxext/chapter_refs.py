"""Chapters in the ``transcript`` domain: links to them, and ``transcript:chapter`` objects.

``:transcript:`ep33#keystone``` links to the chapter of transcript ``ep33``
whose id ends in ``-ch-keystone``; the chapter's title (``ep33#Keystone
pipelines``, any case and spacing) names it too.  Without an explicit
title the link shows the chapter's title.  Every chapter of a named
transcript is an object ``NAME#<slug>`` of type ``transcript:chapter`` in
``objects.inv``, so intersphinx links to it from other projects
(:func:`.external.resolve_external` also finds one there by its title).

The domain keeps, per transcript name and document, ``(start ms, slug,
title, anchor)`` for each chapter shown there, in
``domain.data["chapters"]``; this module reads and writes that part.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.domains import Domain

logger = logging.getLogger(__name__)

#: ``(start ms, slug, title, anchor)`` of one chapter.
Row = tuple[int, str, str, str]
Store = dict[str, dict[str, list[Row]]]  # name -> docname -> rows


def store(domain: Domain) -> Store:
    """The chapters part of the domain's data (older pickles may lack it)."""
    return domain.data.setdefault("chapters", {})  # type: ignore[no-any-return]


def split_chapter(target: str) -> tuple[str, str] | None:
    """``"ep33#keystone"`` -> ``("ep33", "keystone")``; ``None`` for a target without ``#``."""
    name, sep, chapter = target.partition("#")
    if not sep:
        return None
    return " ".join(name.split()), " ".join(chapter.split())


def note(domain: Domain, name: str, docname: str, rows: list[Row]) -> None:
    """Record the chapters transcript *name* shows in *docname*."""
    per_doc = store(domain).setdefault(name, {})
    per_doc[docname] = sorted(per_doc.get(docname, []) + rows)


def clear_doc(domain: Domain, docname: str) -> None:
    chapters = store(domain)
    for name, per_doc in list(chapters.items()):
        if per_doc.pop(docname, None) is not None and not per_doc:
            del chapters[name]


def merge(domain: Domain, docnames: Set[str], other: dict[str, Any]) -> None:
    """Take the chapters of *docnames* from a parallel reader's data."""
    for name, per_doc in other.get("chapters", {}).items():
        for docname, rows in per_doc.items():
            if docname in docnames:
                store(domain).setdefault(name, {})[docname] = rows


def digest_rows(domain: Domain, name: str) -> Iterator[str]:
    """What the links to chapters of *name* depend on, for the domain's digest."""
    for docname, rows in sorted(store(domain).get(name, {}).items()):
        for start, key, title, anchor in rows:
            yield f"{docname}\0{start}\0{key}\0{title}\0{anchor};"


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def find(domain: Domain, name: str, wanted: str) -> tuple[str, Row] | None:
    """``(docname, row)`` of the chapter of *name* whose slug or title is *wanted*."""
    per_doc = store(domain).get(name, {})
    for docname, rows in sorted(per_doc.items()):
        for row in rows:
            if row[1] == wanted:
                return docname, row
    folded = _fold(wanted)
    for docname, rows in sorted(per_doc.items()):
        for row in rows:
            if _fold(row[2]) == folded:
                return docname, row
    return None


def resolve(
    domain: Domain, name: str, wanted: str, node: pending_xref
) -> tuple[str, str, str] | None:
    """``(docname, anchor, title)`` of the chapter a reference names.

    ``None`` when the project has no transcript *name* (intersphinx may know
    it); for a known transcript without that chapter, a ``transcript.ref``
    warning lists its chapters and the link goes to the transcript's start,
    as for a moment outside it.
    """
    transcripts = domain.data["transcripts"]
    if name not in transcripts:
        return None
    found = find(domain, name, wanted)
    if found is not None:
        docname, (_start, _slug, title, anchor) = found
        return docname, anchor, title
    rows = sorted(row for per_doc in store(domain).get(name, {}).values() for row in per_doc)
    known = ", ".join(f"{row[1]!r} ({row[2]})" for row in rows[:12]) or "none"
    logger.warning(
        "transcript %r has no chapter %r (its chapters: %s); the link goes to its start",
        name, wanted, known, location=node, type="transcript", subtype="ref",
    )
    docname = min(transcripts[name])
    return docname, transcripts[name][docname]["anchor"], ""


def objects(domain: Domain) -> Iterator[tuple[str, str, str, str, str, int]]:
    """``transcript:chapter`` objects: ``NAME#<slug>``, shown as the title."""
    for name, per_doc in sorted(store(domain).items()):
        seen: set[str] = set()
        for docname, rows in sorted(per_doc.items()):
            for _start, key, title, anchor in rows:
                full = f"{name}#{key}"
                if full not in seen:
                    seen.add(full)
                    yield full, title, "chapter", docname, anchor, 1

