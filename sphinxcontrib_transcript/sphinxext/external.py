"""Links into other projects' transcripts (intersphinx), beyond exact names.

Intersphinx matches a target to an inventory name exactly.  A moment
(``ep33@00:12:34.5``) names the cue it falls in, and a chapter may be named
by its title (``ep33#Keystone pipelines``): both are found here, from the
``transcript:cue`` and ``transcript:chapter`` objects of the inventories,
on ``missing-reference`` after intersphinx has had its try.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from docutils import nodes

from .chapter_refs import split_chapter
from .chapters import slug
from .moments import pick, split_target
from .render import SpecError, parse_time

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def _uri(item: object) -> str:
    # Sphinx >= 8.2 has item objects; older ones, (project, version, uri, text).
    return str(getattr(item, "uri", None) or item[2])  # type: ignore[index]


# Cue starts of transcripts in other projects (intersphinx), per build.
_external: WeakKeyDictionary[BuildEnvironment, dict[str, list[tuple[int, str]]]] = (
    WeakKeyDictionary()
)


def _external_cues(env: BuildEnvironment, name: str) -> list[tuple[int, str]]:
    """``(start ms, URI)`` of the cues of *name* in the intersphinx inventories, sorted."""
    cache = _external.setdefault(env, {})
    if name not in cache:
        inventory = getattr(env, "intersphinx_inventory", None) or {}
        found = []
        for full, item in inventory.get("transcript:cue", {}).items():
            owner, _, when = full.rpartition("@")
            if owner != name:
                continue
            try:
                start = parse_time(when)
            except SpecError:
                continue
            found.append((start, _uri(item)))
        cache[name] = sorted(found)
    return cache[name]


def resolve_external(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Element
) -> nodes.reference | None:
    """``missing-reference``, after intersphinx: a moment inside a cue of another project.

    Intersphinx matches names exactly (``ep33@00:12:34`` when a cue starts
    in that second); this finds the cue for any moment, by the same rule as
    inside the project (:func:`pick`), from the cue names in the inventories.
    """
    if node.get("refdomain") != "transcript":
        return None
    chapter = split_chapter(node["reftarget"])
    if chapter is not None:
        return _chapter_by_title(env, *chapter, node, contnode)
    try:
        name, moment = split_target(node["reftarget"])
    except SpecError:
        return None
    if moment is None:
        return None
    cues = _external_cues(env, name)
    index = pick([start for start, _ in cues], moment)
    if index < 0:
        return None
    reference = nodes.reference("", "", internal=False, refuri=cues[index][1])
    reference += contnode
    return reference


def _chapter_by_title(
    env: BuildEnvironment, name: str, title: str, node: pending_xref, contnode: Element
) -> nodes.reference | None:
    """A chapter of another project named by its title: its slug, looked up."""
    inventory = getattr(env, "intersphinx_inventory", None) or {}
    item = inventory.get("transcript:chapter", {}).get(f"{name}#{slug(title)}")
    if item is None:
        return None
    project = getattr(item, "project_name", None) or item[0]
    version = getattr(item, "project_version", None) or item[1]
    reference = nodes.reference("", "", internal=False, refuri=_uri(item),
                                reftitle=f"(in {project} v{version})" if version else
                                f"(in {project})")
    text = str(getattr(item, "display_name", None) or item[3])
    if node.get("refexplicit") or text == "-":
        reference += contnode
    else:
        reference += nodes.inline(text, text, classes=contnode["classes"])
    return reference
