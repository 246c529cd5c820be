"""The ``transcript`` domain: named transcripts, their cues, and the ``:transcript:`` role.

``:transcript:`ep33@00:12:34``` links to the cue of transcript ``ep33`` that
the page shows as 12:34: a time written to the second means the whole
second, so the link goes to the first cue starting in it (anchored
``ep33-t-00-12-34``), else to the last cue starting before it.  A time
with a fraction (``ep33@00:12:34.5``) is taken to the millisecond: the
last cue starting at or before it.  Standard labels
cannot do this (they match names exactly), hence a domain.  It keeps, per
transcript name and per document, the anchors of the cues shown there; an
excerpt (``:start:``/``:end:``) registers only its own cues, so a transcript
split over several pages links each moment to the page that shows it.

Objects reach ``objects.inv`` (and so intersphinx): the transcript as
``NAME`` and every cue as ``NAME@HH:MM:SS`` (``NAME@HH:MM:SS.mmm`` for a
later cue in the same second), the cues at priority -1 so that the search
index stays lean, and every chapter as ``NAME#<slug>`` (``:transcript:`ep33#keystone```
links to it: :mod:`.chapter_refs`).  Moments and chapters of other projects
that intersphinx does not match exactly are found by :mod:`.external`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any, ClassVar, TypedDict

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from ..timecode import format_clock, format_vtt
from . import chapter_refs
from .moments import Moment, pick, split_target, time_text
from .render import Plan, SpecError

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


class Entry(TypedDict):
    """What one document shows of one named transcript."""

    anchor: str  # id of the transcript's start (its target, or its first cue)
    cues: list[tuple[int, int, str]]  # (start ms, end ms, anchor), sorted by start
    location: str  # the directive, for messages


class Cue(TypedDict):
    start: int
    end: int
    anchor: str
    docname: str


def _refnode(
    builder: Builder, fromdocname: str, todocname: str, anchor: str, contnode: Element
) -> nodes.reference:
    node = make_refnode(builder, fromdocname, todocname, anchor, contnode)
    uri = node.get("refuri", "")
    # singlehtml's document URIs are fragments ("#document-x"); a second
    # fragment after one would never match, and the anchor alone does.
    if uri.startswith("#") and "#" in uri[1:]:
        node["refuri"] = uri[uri.index("#", 1):]
    return node


class TranscriptRole(XRefRole):
    """``:transcript:`NAME@TIME``` and ``:transcript:`text <NAME@TIME>```.

    Registered both as the domain role ``transcript:ref`` and as the bare
    ``transcript``; a bare :class:`XRefRole` would get no domain, so this
    sets ``refdomain`` and ``reftype`` itself.
    """

    innernodeclass = nodes.inline

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        refnode["refdomain"] = "transcript"
        refnode["reftype"] = "ref"
        chapter = chapter_refs.split_chapter(target)
        if chapter is not None:  # NAME#chapter: the title comes when it resolves
            _note_reference(env, chapter[0])
            return title, f"{chapter[0]}#{chapter[1]}"
        try:
            name, moment = split_target(target)
        except SpecError as exc:
            name, moment = " ".join(target.rpartition("@")[0].split()), None
            logger.warning(
                "transcript reference %r: %s; it links to the transcript's start",
                target, exc, location=self.get_location(), type="transcript", subtype="ref",
            )
        _note_reference(env, name)
        if moment is None:
            return (title if has_explicit_title else name), name
        if not has_explicit_title:
            title = f"{name} {format_clock(moment.ms)}"
        return title, f"{name}@{time_text(moment)}"


def _note_reference(env: BuildEnvironment, name: str) -> None:
    domain = env.get_domain("transcript")
    assert isinstance(domain, TranscriptDomain)
    domain.note_reference(env.docname, name)


class TranscriptDomain(Domain):
    """Named transcripts and their cues, for cross-references and ``objects.inv``."""

    name = "transcript"
    label = "Transcript"
    object_types: ClassVar[dict[str, ObjType]] = {
        "transcript": ObjType("transcript", "ref"),
        "cue": ObjType("cue", "ref"),
        "chapter": ObjType("chapter", "ref"),
    }
    roles: ClassVar[dict[str, Any]] = {"ref": TranscriptRole(warn_dangling=True)}
    initial_data: ClassVar[dict[str, Any]] = {
        "transcripts": {},  # name -> {docname -> Entry}
        "refs": {},  # docname -> set of names it links to
        "previous": {},  # name -> digest before this build touched it
        "chapters": {},  # name -> {docname -> chapters} (chapter_refs)
    }
    data_version = 2

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._merged: dict[str, list[Cue]] = {}
        # get_objects() is called twice per build (inventory, search index).
        self._objects: list[tuple[str, str, str, str, str, int]] | None = None

    @property
    def transcripts(self) -> dict[str, dict[str, Entry]]:
        return self.data["transcripts"]  # type: ignore[no-any-return]

    @property
    def refs(self) -> dict[str, set[str]]:
        return self.data["refs"]  # type: ignore[no-any-return]

    @property
    def previous(self) -> dict[str, str]:
        return self.data["previous"]  # type: ignore[no-any-return]

    # -- recording -------------------------------------------------------

    def digest(self, name: str) -> str:
        """A fingerprint of where the cues of *name* are, to see whether links moved."""
        hasher = hashlib.blake2b(digest_size=12)
        for docname, entry in sorted(self.transcripts.get(name, {}).items()):
            hasher.update(f"{docname}\0{entry['anchor']}\0".encode())
            for start, end, anchor in entry["cues"]:
                hasher.update(f"{start},{end},{anchor};".encode())
        for row in chapter_refs.digest_rows(self, name):
            hasher.update(row.encode())
        return hasher.hexdigest()

    def _touch(self, name: str) -> None:
        self.previous.setdefault(name, self.digest(name))
        self._merged.pop(name, None)
        self._objects = None

    def note_transcript(self, name: str, anchor: str, layout: Plan, location: str) -> None:
        """Record the cues a named transcript shows in the current document."""
        docname = self.env.docname
        self._touch(name)
        cues = [(c.cue.start_ms, c.end_ms, c.anchor) for c in layout.shown]
        per_doc = self.transcripts.setdefault(name, {})
        if docname in per_doc:  # several excerpts on one page
            per_doc[docname]["cues"] = sorted(per_doc[docname]["cues"] + cues)
            return
        anchors = {cue[2] for cue in cues}
        for entry in per_doc.values():
            if anchors & {cue[2] for cue in entry["cues"]}:
                logger.warning(
                    "transcript %r is also shown at %s; links to the cues both show go to "
                    "the page first in name order, give one a different :name: or show "
                    "distinct excerpts", name, entry["location"],
                    location=location, type="transcript", subtype="duplicate",
                )
                break
        per_doc[docname] = Entry(anchor=anchor, cues=sorted(cues), location=location)

    def note_reference(self, docname: str, name: str) -> None:
        """Record that *docname* links into transcript *name*."""
        self.refs.setdefault(docname, set()).add(name)

    def clear_doc(self, docname: str) -> None:
        for name, per_doc in list(self.transcripts.items()):
            if docname in per_doc:
                self._touch(name)
                del per_doc[docname]
                if not per_doc:
                    del self.transcripts[name]
        self.refs.pop(docname, None)
        chapter_refs.clear_doc(self, docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for name, per_doc in otherdata["transcripts"].items():
            for docname, entry in per_doc.items():
                if docname in docnames:
                    self._touch(name)
                    self.transcripts.setdefault(name, {})[docname] = entry
        for docname, names in otherdata["refs"].items():
            if docname in docnames:
                self.refs.setdefault(docname, set()).update(names)
        for name, digest in otherdata["previous"].items():
            self.previous.setdefault(name, digest)
        chapter_refs.merge(self, docnames, otherdata)

    def changed_referrers(self) -> list[str]:
        """Documents linking into a transcript whose cues moved in this build.

        Called once per build (``env-get-updated``); forgets what it compared.
        """
        changed = {name for name, old in self.previous.items() if self.digest(name) != old}
        self.previous.clear()
        return sorted(doc for doc, names in self.refs.items() if names & changed)

    # -- resolving -------------------------------------------------------

    def cues(self, name: str) -> list[Cue]:
        """Every cue registered for *name*, by start; a cue shown on several pages once."""
        if name not in self._merged:
            seen: set[str] = set()
            merged: list[Cue] = []
            for docname, entry in sorted(self.transcripts.get(name, {}).items()):
                for start, end, anchor in entry["cues"]:
                    if anchor not in seen:
                        seen.add(anchor)
                        merged.append(Cue(start=start, end=end, anchor=anchor, docname=docname))
            merged.sort(key=lambda cue: cue["start"])
            self._merged[name] = merged
        return self._merged[name]

    def find(self, name: str, moment: Moment) -> Cue | None:
        """The cue of *name* that *moment* names (:func:`pick`), or ``None`` outside it."""
        cues = self.cues(name)
        if not cues:
            return None
        index = pick([cue["start"] for cue in cues], moment)
        if index < 0 or moment.ms > max(cue["end"] for cue in cues):
            return None
        return cues[index]

    def resolve_xref(  # noqa: PLR0917  (Sphinx's signature)
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        chapter = chapter_refs.split_chapter(target)
        if chapter is not None:
            found = chapter_refs.resolve(self, *chapter, node)
            if found is None:
                return None
            docname, anchor, title = found
            if title and not node.get("refexplicit"):
                contnode = nodes.inline(title, title, classes=contnode["classes"])
            return _refnode(builder, fromdocname, docname, anchor, contnode)
        try:
            name, moment = split_target(target)
        except SpecError:
            return None  # reported when the role was read
        per_doc = self.transcripts.get(name)
        if not per_doc:
            return None  # intersphinx may know it; else warn-missing-reference
        if moment is not None:
            cue = self.find(name, moment)
            if cue is not None:
                return _refnode(builder, fromdocname, cue["docname"], cue["anchor"], contnode)
            cues = self.cues(name)
            logger.warning(
                "%s is outside transcript %r, which runs from %s to %s; the link goes to "
                "its start", time_text(moment), name,
                format_clock(cues[0]["start"]) if cues else "-",
                format_clock(max(cue["end"] for cue in cues)) if cues else "-",
                location=node, type="transcript", subtype="ref",
            )
        docname = min(per_doc)
        return _refnode(builder, fromdocname, docname, per_doc[docname]["anchor"], contnode)

    def resolve_any_xref(  # noqa: PLR0917  (Sphinx's signature)
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        try:
            name, _moment = split_target(target.partition("#")[0])
        except SpecError:
            return []
        if name not in self.transcripts:
            return []
        found = self.resolve_xref(env, fromdocname, builder, "ref", target, node, contnode)
        return [] if found is None else [("transcript:ref", found)]

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        if self._objects is None:
            self._objects = list(self._list_objects())
        return iter(self._objects)

    def _list_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for name, per_doc in sorted(self.transcripts.items()):
            docname = min(per_doc)
            yield name, name, "transcript", docname, per_doc[docname]["anchor"], 1
            named: set[str] = set()
            for cue in self.cues(name):
                clock = format_clock(cue["start"])
                full = f"{name}@{clock}"
                if full in named:
                    full = f"{name}@{format_vtt(cue['start'])}"
                    if full in named:
                        continue
                named.add(full)
                yield full, f"{name} {clock}", "cue", cue["docname"], cue["anchor"], -1
        yield from chapter_refs.objects(self)


def warn_missing(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    """``warn-missing-reference``: an unknown transcript, as a ``transcript.ref`` warning."""
    if domain is None or domain.name != "transcript":
        return None
    target = node["reftarget"]
    name, chapter, _ = target.partition("#")
    name = name.rpartition("@")[0] or name
    also = " (or, for another project's, check the chapter in its objects.inv)" if chapter else ""
    logger.warning(
        "unknown transcript %r in reference %r; give the transcript directive ':name: %s'%s",
        name, target, name, also, location=node, type="transcript", subtype="ref",
    )
    return True


def referrers_to_update(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    """``env-get-updated``: pages whose links into a transcript must be resolved again."""
    domain = env.get_domain("transcript")
    assert isinstance(domain, TranscriptDomain)
    return domain.changed_referrers()
