"""Hypothesis strategies for transcripts, and the test profiles.

Strategies are plain functions returning strategies (the cdown/srt style).
Cue text is built so that each format can hold it: lines with a visible
character, no line breaks inside a line, and none of ``<>&-`` (so no line can
be a timing line, an arrow or markup by accident; markup has its own
strategy).  Arbitrary text and bytes are for the "never raises" properties.

Profiles: ``base`` (200 examples, the default) and ``release`` (2000), chosen
with the ``HYPOTHESIS_PROFILE`` environment variable.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from sphinxcontrib_transcript.model import Cue

settings.register_profile(
    "base", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "release", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "base"))

#: Under 100 hours, so every format writes two-digit hours.
MAX_MS = 100 * 3600 * 1000 - 1

_TEXT_CHARACTERS = st.characters(
    codec="utf-8",
    categories=["L", "M", "N", "P", "S", "Zs"],
    exclude_characters="<>&-\u2013\u2014{}",
)


def times() -> st.SearchStrategy[int]:
    return st.integers(0, MAX_MS)


def text_lines() -> st.SearchStrategy[str]:
    """One line of cue text: a visible character somewhere, surrounding spaces allowed."""
    return st.text(_TEXT_CHARACTERS, min_size=1, max_size=40).filter(lambda s: s.strip() != "")


def payloads(max_lines: int = 3) -> st.SearchStrategy[str]:
    return st.lists(text_lines(), min_size=0, max_size=max_lines).map("\n".join)


@st.composite
def marked_up_payloads(draw: st.DrawFn) -> str:
    """A payload with WebVTT/SRT markup and character references in it."""
    parts = []
    for word in draw(st.lists(text_lines(), min_size=1, max_size=4)):
        shape = draw(st.sampled_from(["{}", "<i>{}</i>", "<b>{}</b>", "<u>{}</u>", "&amp;{}"]))
        parts.append(shape.format(word))
    return draw(st.sampled_from([" ", "\n"])).join(parts)


def names() -> st.SearchStrategy[str]:
    """Speaker names every reader recognises: one to four capitalised words."""
    word = st.builds(
        lambda first, rest: first + rest,
        st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÖŁŽ"),
        st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzéüß.'"), max_size=8),
    )
    return st.lists(word, min_size=1, max_size=4).map(" ".join)


def identifiers() -> st.SearchStrategy[str]:
    """WebVTT cue identifiers the writer keeps (it leaves out those that read as a
    NOTE, STYLE or REGION line)."""
    return st.text(
        st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-é"),
        max_size=12,
    ).filter(lambda name: name not in ("NOTE", "STYLE", "REGION"))


def vtt_settings() -> st.SearchStrategy[str]:
    setting = st.sampled_from(
        ["align:start", "align:end", "line:0", "line:-1", "position:10%", "size:50%",
         "vertical:rl", "line:90%,end"]
    )
    return st.lists(setting, max_size=3, unique=True).map(" ".join)


@st.composite
def cues(
    draw: st.DrawFn,
    *,
    payload: st.SearchStrategy[str] | None = None,
    ends: bool = True,
    identifier: bool = False,
    settings: bool = False,
    speaker: st.SearchStrategy[str | None] | None = None,
) -> Cue:
    start = draw(times())
    end = draw(times()) if ends else None
    return Cue(
        start,
        end,
        draw(payload if payload is not None else payloads()),
        speaker=draw(speaker) if speaker is not None else None,
        identifier=draw(identifiers()) if identifier else "",
        settings=draw(vtt_settings()) if settings else "",
    )


def cue_lists(**options: object) -> st.SearchStrategy[list[Cue]]:
    return st.lists(cues(**options), max_size=12)  # type: ignore[arg-type]


def arbitrary_text() -> st.SearchStrategy[str]:
    """Any text, weighted towards the characters transcript syntax is made of."""
    syntax = st.sampled_from(
        ["\n", "\r", "\r\n", " ", "\t", "-->", "->", ":", ",", ".", "0", "1", "5", "9",
         "00:00:01,000", "00:01.500", "WEBVTT", "NOTE", "<v A>", "<i>", "</i>", "&amp;",
         "{", "}", "[", "]", '"', "startTime", "segments", "\x00", "\ufeff"]
    )
    return st.lists(st.one_of(syntax, st.text(max_size=5)), max_size=60).map("".join)
