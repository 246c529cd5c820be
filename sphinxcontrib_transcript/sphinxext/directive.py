"""The ``transcript`` directive: read a transcript file, lint it, lay it out.

.. code-block:: rst

    .. transcript:: episodes/033.vtt
       :name: ep33
       :media: episodes/033.mp3
       :speakers: SPEAKER_00=Michael; SPEAKER_01=Flavio

The directive is thin, like ``literalinclude``: it resolves and confines the
path, reads the bytes once, hands them to the reader and the linter, and
turns the :mod:`.render` plan into nodes.  It never breaks a build: every
problem becomes a warning at the directive's line (or, for problems in the
transcript itself, at the transcript's line) and the directive renders what
it can.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.utils import normalize_language_tag
from docutils.utils.smartquotes import smartchars
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..decoding import SNIFF_BYTES, is_binary
from ..readers import SUFFIXES, normalize_format
from . import chapters, conversions, media, problems
from .captions import captions_node
from .domain import TranscriptDomain
from .media import confined
from .render import MergePolicy, Plan, SpecError, parse_speakers, parse_time, plan
from .safety import valid_language
from .tree import TIMESTAMPS, Look, transcript_node
from .words import words_choice

if TYPE_CHECKING:
    from ..model import Format, Transcript

logger = logging.getLogger(__name__)


class DirectiveError(Exception):
    """A problem with the directive itself: reported at its line, nothing rendered."""


@dataclass(frozen=True, slots=True)
class Settings:
    """The directive's options, checked, with the ``transcript_*`` defaults filled in."""

    name: str
    fmt: Format | None
    encoding: str | None
    policy: MergePolicy
    speakers: dict[str, str]
    start: int | None
    end: int | None
    timestamps: str
    language: str


class TranscriptDirective(SphinxDirective):
    """``.. transcript:: PATH``: render a transcript file with anchored timestamps."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "format": directives.unchanged_required,
        # Checked in settings(), not by docutils, so that a bad value is one
        # [transcript.directive] warning that says what to write.
        "encoding": directives.unchanged_required,
        "name": directives.unchanged_required,
        "media": directives.unchanged_required,
        "start": directives.unchanged_required,
        "end": directives.unchanged_required,
        "speakers": directives.unchanged_required,
        "merge": directives.unchanged_required,
        "timestamps": directives.unchanged_required,
        "download": directives.unchanged,
        "rolling": directives.unchanged_required,
        "language": directives.unchanged_required,
        "class": directives.class_option,
        "sticky-player": lambda value: directives.choice(value, ("yes", "no")),
        "share": lambda value: directives.choice(value, ("yes", "no")),
        "chapters": directives.unchanged_required,
        "chapters-level": directives.unchanged_required,
        "words": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        try:
            return self._run()
        except (DirectiveError, SpecError, ValueError, OSError) as exc:
            message = str(exc)
        except Exception as exc:  # a bug must not stop the build or show a traceback
            message = (
                f"the transcript could not be rendered ({type(exc).__name__}: {exc}); this is "
                "a bug in sphinxcontrib-transcript: please report it with the file attached"
            )
        logger.warning(
            "%s", message, location=self.get_location(), type="transcript", subtype="directive"
        )
        return []

    def settings(self, path: str) -> Settings:
        """Check the options; :raises DirectiveError: or :class:`SpecError` naming the fix."""
        options, config = self.options, self.config
        fmt = options.get("format")
        start = parse_time(options["start"]) if "start" in options else None
        end = parse_time(options["end"]) if "end" in options else None
        if start is not None and end is not None and end <= start:
            raise DirectiveError(
                f"the excerpt ends ({options['end']}) before it starts "
                f"({options['start']}); give an :end: later than :start:"
            )
        encoding = options.get("encoding", config.transcript_encoding)
        if encoding is not None:
            try:
                codecs.lookup(encoding)
            except LookupError:
                raise DirectiveError(
                    f"unknown encoding {encoding!r}; name one Python knows, such as 'utf-8' "
                    "or 'cp1252'"
                ) from None
        timestamps = options.get("timestamps", config.transcript_timestamps).strip().lower()
        if timestamps not in TIMESTAMPS:
            raise DirectiveError(
                f"{timestamps!r} is not a :timestamps: choice; write one of "
                f"{', '.join(TIMESTAMPS)}"
            )
        language = options.get("language", config.transcript_language) or ""
        if language and not valid_language(language):
            raise DirectiveError(
                f"{language!r} is not a language tag; write one such as 'en' or 'pt-BR'"
            )
        return Settings(
            name=" ".join(options.get("name", "").split()),
            fmt=normalize_format(fmt) if fmt else SUFFIXES.get(Path(path).suffix.lower()),
            encoding=encoding,
            policy=MergePolicy.parse(options.get("merge", config.transcript_merge)),
            speakers=parse_speakers(options.get("speakers", "")),
            start=start,
            end=end,
            timestamps=timestamps,
            language=language,
        )

    def _run(self) -> list[nodes.Node]:
        if not self.state.document.settings.file_insertion_enabled:
            raise DirectiveError("file insertion disabled: the transcript is not included")
        argument = self.arguments[0].strip()
        rel, path = self.env.relfn2path(argument, self.env.docname)
        if not confined(path, self.env.srcdir):
            raise DirectiveError(
                f"transcript path {argument!r} resolves outside the source directory "
                f"({path}); keep transcripts inside the documentation sources"
            )
        self.env.note_dependency(rel)
        settings = self.settings(path)
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise DirectiveError(
                f"cannot read transcript {argument!r} ({exc.strerror or exc}); check the "
                "path, which is relative to this document (or to the source directory "
                "when it starts with '/')"
            ) from None
        if is_binary(data[:SNIFF_BYTES]):
            # What transcript-lint says of such a file, once, rather than a
            # warning for every NUL and control byte of a picture or a zip.
            raise DirectiveError(
                f"transcript {argument!r} is binary content, not text (NUL or control bytes "
                "in its first 8 KB); give the path of a transcript file (one in UTF-16 needs "
                "a byte order mark)"
            )
        rolling = conversions.rolling_choice(self.options.get("rolling"))
        transcript = problems.read_and_lint(data, path, settings.fmt, settings.encoding, self.env)
        self.check_speakers(transcript, settings.speakers)
        chapters.parse_level(self.options.get("chapters-level"), self.get_location())
        found = chapters.load(self, (path, transcript))
        shown = chapters.in_excerpt(found, settings.start, settings.end)
        transcript = conversions.as_shown(transcript, rolling)
        layout = self.layout(transcript, settings, argument, [c.start_ms for c in shown])
        timed = words_choice(self.options.get("words", self.config.transcript_words))
        container = transcript_node(
            layout, Look(settings.timestamps, transcript.format == "vtt", timed)
        )
        ids = self.state.document.ids
        for placed in layout.shown:
            ids[placed.anchor] = container
        container["label"] = f"Transcript: {settings.name or Path(argument).name}"
        container["classes"].extend(self.options.get("class", []))
        if settings.language and has_smart_quotes(settings.language):
            container["classes"].append(f"language-{settings.language}")
        elif settings.language:
            # docutils would warn "No smart quotes defined" for a language-
            # class: the tag goes to HTML as an attribute (the text keeps its
            # quotes as written, as transcript text always does).
            container["lang"] = settings.language
            container["support_smartquotes"] = False
        self.set_source_info(container)
        if "media" in self.options:
            player = media.media_node(self, self.options["media"], settings.start, settings.end)
            if player is not None:
                if player.get("kind") == "video":
                    player.insert(0, captions_node(transcript, data, path, settings.language))
                container.insert(0, player)
                media.configure_player(self, container, player)
        formats = conversions.download_formats(self.options.get("download") or "")
        if formats:
            container += conversions.downloads_node(self.env, rel, argument, data, transcript,
                                                    formats=formats, rolling=rolling)
        elif "download" in self.options or self.config.transcript_download:
            container += media.download_node(rel, Path(argument).name,
                                             self.options.get("download") or "")
        targets = self.register(settings.name, layout) if settings.name else []
        prefix = anchor_prefix(layout, settings.name)
        return [*targets, container,
                *chapters.attach(self, container, shown, prefix, settings.name)]

    def check_speakers(self, transcript: Transcript, speakers: dict[str, str]) -> None:
        """Warn about each ``:speakers:`` ID the file never uses, naming those it has."""
        used = sorted({cue.speaker for cue in transcript.cues if cue.speaker})
        for key in speakers:
            if key in used:
                continue
            has = ("its speakers are " + ", ".join(repr(name) for name in used) if used
                   else "it names no speakers")
            logger.warning(
                "speaker %r in :speakers: is not in the transcript (%s); check the spelling",
                key, has, location=self.get_location(), type="transcript", subtype="directive",
            )

    def layout(
        self, transcript: Transcript, settings: Settings, argument: str, breaks: list[int]
    ) -> Plan:
        """Plan the paragraphs, with anchors that no other id on the page has; a
        paragraph starts at each of *breaks* (chapter starts)."""
        prefix = name_prefix(settings.name) if settings.name else ""

        def make(prefix: str) -> Plan:
            return plan(transcript, settings.policy, prefix=prefix, speakers=settings.speakers,
                        start_ms=settings.start, end_ms=settings.end, breaks=breaks)

        layout = make(prefix)
        if not layout.paragraphs:
            excerpt = settings.start is not None or settings.end is not None
            logger.warning(
                "transcript %r has no cues%s; nothing is shown",
                argument, " in the excerpt" if excerpt else "",
                location=self.get_location(), type="transcript", subtype="empty",
            )
        taken = self.state.document.ids
        if not any(cue.anchor in taken for cue in layout.shown):
            return layout
        # Two transcripts on one page without distinct names would share ids:
        # the later one's start "transcript-2-" (document order decides, so
        # they are stable) and a warning suggests a name.
        base, number = prefix or "transcript", 2
        tails = [cue.anchor[len(prefix) + 1:] if prefix else cue.anchor for cue in layout.shown]
        while any(f"{base}-{number}-{tail}" in taken for tail in tails):
            number += 1
        logger.warning(
            "the cue anchors of transcript %r clash with ids already on this page, so they "
            "start with '%s-%d-'; give each transcript on a page its own :name:",
            argument, base, number,
            location=self.get_location(), type="transcript", subtype="duplicate-id",
        )
        return make(f"{base}-{number}")

    def register(self, name: str, layout: Plan) -> list[nodes.Node]:
        """Record a named transcript in the domain; returns its target, if it gets one."""
        prefix = anchor_prefix(layout, name)
        ids = self.state.document.ids
        domain = self.env.get_domain("transcript")
        assert isinstance(domain, TranscriptDomain)
        if prefix in ids:  # an id taken by a section, say: link to the first cue
            first = layout.shown[0].anchor if layout.shown else ""
            domain.note_transcript(name, first, layout, self.get_location())
            return []
        target = nodes.target("", "", ids=[prefix])
        ids[prefix] = target
        domain.note_transcript(name, prefix, layout, self.get_location())
        return [target]


def has_smart_quotes(language: str) -> bool:
    """Whether docutils knows the quotation marks of *language* (``cy`` and ``sw``: no).

    >>> has_smart_quotes("pt-BR"), has_smart_quotes("cy")
    (True, False)
    """
    return any(tag in smartchars.quotes for tag in normalize_language_tag(language))


def anchor_prefix(layout: Plan, name: str) -> str:
    """The prefix the cue anchors got (renamed on a clash), else the name's, else none."""
    prefix = layout.shown[0].anchor.rpartition("-t-")[0] if layout.shown else ""
    return prefix or (name_prefix(name) if name else "")


def name_prefix(name: str) -> str:
    """The id prefix for a transcript's ``:name:``, never empty.

    >>> name_prefix("Episode 33"), name_prefix("33"), name_prefix("€")
    ('episode-33', 'transcript-33', 'transcript')
    """
    return nodes.make_id(name) or nodes.make_id(f"transcript-{name}")
