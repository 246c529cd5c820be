"""From cues to paragraphs: the layout decisions, with no docutils in sight.

A transcript file is a list of short cues: caption lines, text lines or, for
word-level Podcasting 2.0 JSON, single words.  Readers want paragraphs.
:func:`plan` decides, for a whole transcript, which cue starts a paragraph,
who speaks, what each cue's stable anchor is and which cues an excerpt shows;
the directive turns the result into nodes.

Anchors are computed over the *whole* file, before an excerpt is cut out of
it, so an excerpt's anchors are the same as the full transcript's.

.. doctest::

    >>> from sphinxcontrib_transcript.model import Cue, Transcript
    >>> t = Transcript("txt", [Cue(0, None, "Hi.", "Hi.", "Ann"),
    ...                        Cue(2000, None, "Yes?", "Yes?"),
    ...                        Cue(2000, None, "Bye.", "Bye.", "Bob")])
    >>> p = plan(t, MergePolicy.parse("speaker"))
    >>> [(para.speaker, [c.anchor for c in para.cues]) for para in p.paragraphs]
    [('Ann', ['t-00-00-00', 't-00-00-02']), ('Bob', ['t-00-00-02-2'])]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Cue, Transcript
from ..timecode import MS_PER_HOUR, hms, parse_clock

#: What a speaker sounds like in text, for transcripts without end times:
#: about 15 characters a second (150 words a minute).
CHARS_PER_SECOND = 15

# A paragraph may end after a cue whose text ends a sentence.
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")
# Text that attaches to the previous word without a space (word-level JSON
# gives punctuation as its own segment).
_ATTACHES_LEFT = frozenset(",.;:!?%)]}”’…")
#: Merge defaults: a pause of 4 s starts a paragraph; 600 characters (about
#: 100 words) is a long one.
DEFAULT_GAP_MS = 4000
DEFAULT_CHARS = 600
_SECONDS = re.compile(r"\d+(?:\.\d{1,3})?")


class SpecError(ValueError):
    """A directive option or config value that cannot be understood."""


@dataclass(frozen=True, slots=True)
class MergePolicy:
    """How consecutive cues become paragraphs.

    Written as the ``:merge:`` option: ``none`` (one paragraph per cue), or
    ``speaker`` followed by optional settings, comma separated:
    ``gap=SECONDS`` (a pause at least this long starts a paragraph) and
    ``chars=N`` (once a paragraph is this long, it ends at the next sentence
    end; at twice this length it ends at the next cue).  A change of speaker
    always starts a paragraph.

    >>> MergePolicy.parse("speaker, gap=2.5, chars=300")
    MergePolicy(merge=True, gap_ms=2500, chars=300)
    >>> MergePolicy.parse("none").merge
    False
    """

    merge: bool = True
    gap_ms: int = DEFAULT_GAP_MS
    chars: int = DEFAULT_CHARS

    @classmethod
    def parse(cls, spec: str) -> MergePolicy:
        """Read a policy from its written form.

        :raises SpecError: naming the part that is wrong and what is accepted.
        """
        merge, gap_ms, chars = True, DEFAULT_GAP_MS, DEFAULT_CHARS
        for raw in re.split(r"[,\s]+", spec.strip()):
            item = raw.strip().lower()
            if not item or item == "speaker":
                continue
            if item == "none":
                merge = False
                continue
            key, sep, value = item.partition("=")
            if sep and key == "gap" and _SECONDS.fullmatch(value):
                gap_ms = round(float(value) * 1000)
            elif sep and key == "chars" and value.isdigit() and int(value) > 0:
                chars = int(value)
            else:
                raise SpecError(
                    f"cannot understand {raw!r} in merge {spec!r}; write 'none', or "
                    "'speaker' with optional 'gap=SECONDS' and 'chars=N' (e.g. "
                    "'speaker, gap=4, chars=600')"
                )
        return cls(merge, gap_ms, chars)


@dataclass(slots=True)
class PlacedCue:
    """One cue with everything the renderer needs to know about it.

    :param cue: the cue as read.
    :param anchor: its stable id (unique within the transcript).
    :param speaker: who speaks, carried over from earlier cues and renamed
        through ``:speakers:``; ``None`` when unknown.
    :param end_ms: its end: as written, else the next cue's start, else an
        estimate from the length of its text.
    :param text: the text to show, for formats without markup.
    :param joiner: what goes between the previous cue of the paragraph and
        this one: ``" "`` or ``""``.
    """

    cue: Cue
    anchor: str
    speaker: str | None
    end_ms: int
    text: str
    joiner: str = " "


@dataclass(slots=True)
class Paragraph:
    """Consecutive cues shown as one paragraph."""

    speaker: str | None
    cues: list[PlacedCue] = field(default_factory=list)

    @property
    def start_ms(self) -> int:
        return self.cues[0].cue.start_ms


@dataclass(slots=True)
class Plan:
    """The layout of one transcript (or excerpt).

    :param cues: every cue of the file in file order, placed (for the domain:
        links may point at cues an excerpt does not show).
    :param paragraphs: the paragraphs to show.
    :param hours: whether times need an hour field (the file reaches an hour).
    """

    cues: list[PlacedCue]
    paragraphs: list[Paragraph]
    hours: bool
    shown: list[PlacedCue] = field(default_factory=list)

    def __post_init__(self) -> None:
        # The cues the paragraphs hold, in order.
        self.shown = [cue for paragraph in self.paragraphs for cue in paragraph.cues]


def parse_time(text: str) -> int:
    """Read an option time, ``HH:MM:SS``, ``MM:SS`` (fractions allowed) or seconds.

    >>> parse_time("01:02:03.5"), parse_time("62.25"), parse_time("2:05")
    (3723500, 62250, 125000)

    :raises SpecError: for anything else.
    """
    value = text.strip()
    if _SECONDS.fullmatch(value):
        return round(float(value) * 1000)
    ms = parse_clock(value)
    if ms is None:
        raise SpecError(
            f"{text!r} is not a time; write HH:MM:SS, MM:SS or a number of seconds"
        )
    return ms


_SPEAKERS_FORM = (
    "write ID=Name pairs separated by ';' or one per line, e.g. "
    "'SPEAKER_00=Ann Lee; SPEAKER_01=Lee, Bob'"
)


def parse_speakers(spec: str) -> dict[str, str]:
    """Read ``:speakers:``: ``ID=Name`` pairs separated by ``;`` or new lines.

    A name may hold commas and spaces; every pair needs exactly one ``=``, so
    that two pairs run together are an error, never a name.

    >>> parse_speakers("SPEAKER_00=Ann Lee; SPEAKER_01 = Lee, Bob")
    {'SPEAKER_00': 'Ann Lee', 'SPEAKER_01': 'Lee, Bob'}

    :raises SpecError: for a pair without ``=``, with an empty side, with two
        ``=``, or an ID given twice.
    """
    mapping: dict[str, str] = {}
    for raw in re.split(r"[;\n]", spec):
        pair = raw.strip()
        if not pair:
            continue
        key, sep, value = (part.strip() for part in pair.partition("="))
        if not sep or not key or not value:
            raise SpecError(f"cannot understand {pair!r} in speakers; {_SPEAKERS_FORM}")
        if "=" in value:
            raise SpecError(
                f"{pair!r} in speakers holds two '='; separate the pairs with ';' or put "
                "one per line"
            )
        if key in mapping:
            raise SpecError(f"speaker {key!r} is given twice in speakers; give it once")
        mapping[key] = value
    return mapping


def display_time(ms: int, hours: bool) -> str:
    """A shown timestamp: ``MM:SS``, or ``H:MM:SS`` in a transcript that reaches an hour.

    >>> display_time(754_000, False), display_time(754_000, True)
    ('12:34', '0:12:34')
    """
    h, m, s, _ = hms(ms)
    return f"{h}:{m:02d}:{s:02d}" if hours else f"{h * 60 + m:02d}:{s:02d}"


def assign_anchors(cues: Sequence[Cue], prefix: str = "") -> list[str]:
    """Stable ids for *cues*, in file order: ``t-HH-MM-SS``, then ``-2``, ``-3``."""
    # The one place anchors are made; inline, as this runs for every cue.
    head = f"{prefix}-t-" if prefix else "t-"
    seen: dict[int, int] = {}
    anchors = []
    for cue in cues:
        second = cue.start_ms // 1000
        count = seen.get(second, 0) + 1
        seen[second] = count
        minutes, s = divmod(second, 60)
        h, m = divmod(minutes, 60)
        base = f"{head}{h:02d}-{m:02d}-{s:02d}"
        anchors.append(base if count == 1 else f"{base}-{count}")
    return anchors


def _estimated_end(cue: Cue) -> int:
    seconds = max(1, len(cue.plain_text) // CHARS_PER_SECOND)
    return cue.start_ms + seconds * 1000


def _joiner(text: str) -> str:
    return "" if not text or text[0] in _ATTACHES_LEFT else " "


def _starts_paragraph(
    placed: PlacedCue, previous: PlacedCue, length: int, policy: MergePolicy
) -> bool:
    if not policy.merge or placed.speaker != previous.speaker:
        return True
    # Podcasting 2.0 JSON ends a segment body with "\n" to mark a break.
    if previous.cue.text.endswith("\n"):
        return True
    # Without an end time, speech is taken to end when its text is spoken.
    spoken = previous.cue.end_ms
    if spoken is None:
        spoken = min(previous.end_ms, _estimated_end(previous.cue))
    if placed.cue.start_ms - spoken >= policy.gap_ms:
        return True
    if length >= 2 * policy.chars:
        return True
    return length >= policy.chars and _SENTENCE_END.search(previous.text) is not None


def _crosses(cuts: Sequence[int], before: int, after: int) -> bool:
    """Whether a cut lies in ``(before, after]``: the cue at *after* starts a paragraph."""
    index = bisect_right(cuts, before)
    return index < len(cuts) and cuts[index] <= after


def plan(
    transcript: Transcript,
    policy: MergePolicy,
    *,
    prefix: str = "",
    speakers: Mapping[str, str] | None = None,
    start_ms: int | None = None,
    end_ms: int | None = None,
    breaks: Sequence[int] = (),
) -> Plan:
    """Lay out *transcript*: anchors, speakers, ends, and paragraphs.

    :param policy: how cues merge into paragraphs.
    :param prefix: the transcript's name, prefixed to every anchor.
    :param speakers: display names for speaker ids.
    :param start_ms: show only cues starting at or after this time.
    :param end_ms: show only cues starting before this time.
    :param breaks: times (ms) where a paragraph must start, such as chapter
        starts: no paragraph holds cues from both sides of one.
    """
    cues = transcript.cues
    names = speakers or {}
    anchors = assign_anchors(cues, prefix)
    placed: list[PlacedCue] = []
    speaker: str | None = None
    for index, cue in enumerate(cues):
        # A cue without a speaker continues the previous speaker's turn: the
        # Podcasting 2.0 convention writes <v Name> only when the voice changes.
        if cue.speaker:
            speaker = names.get(cue.speaker, cue.speaker)
        end = cue.end_ms
        if end is None:
            following = cues[index + 1].start_ms if index + 1 < len(cues) else -1
            end = following if following > cue.start_ms else _estimated_end(cue)
        text = " ".join(cue.plain_text.split())
        placed.append(PlacedCue(cue, anchors[index], speaker, end, text, _joiner(text)))
    shown = [
        item
        for item in placed
        if (start_ms is None or item.cue.start_ms >= start_ms)
        and (end_ms is None or item.cue.start_ms < end_ms)
    ]
    paragraphs: list[Paragraph] = []
    length = 0
    cuts = sorted(breaks)
    for item in shown:
        previous = paragraphs[-1].cues[-1] if paragraphs else None
        if previous is not None and not _starts_paragraph(item, previous, length, policy) and (
            not cuts or not _crosses(cuts, previous.cue.start_ms, item.cue.start_ms)
        ):
            paragraphs[-1].cues.append(item)
            length += len(item.text) + 1
            continue
        item.joiner = ""  # nothing goes before the first cue of a paragraph
        paragraphs.append(Paragraph(item.speaker, [item]))
        length = len(item.text)
    hours = max((item.end_ms for item in placed), default=0) >= MS_PER_HOUR
    return Plan(placed, paragraphs, hours)
