""":mod:`sphinxcontrib_transcript.rolling` on any cues: what de-rolling promises."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinxcontrib_transcript import loads
from sphinxcontrib_transcript.markup import scan_timestamp
from sphinxcontrib_transcript.model import Cue
from sphinxcontrib_transcript.rolling import deroll, first_rolling
from sphinxcontrib_transcript.timecode import format_vtt

from .youtube import rolling_vtt, words

_LINES = st.sampled_from(["a b", "c d e", "f", " ", "", "g h"])


@st.composite
def stamped_line(draw: st.DrawFn) -> str:
    base = draw(_LINES)
    if draw(st.booleans()):
        base += f"<{format_vtt(draw(st.integers(0, 20_000)))}><c> x</c>"
    return base


@st.composite
def any_cues(draw: st.DrawFn) -> list[Cue]:
    """Cues in any order and timing, with lines that repeat a lot (as rolling ones do)."""
    cues = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, 20_000))
        end = draw(st.none() | st.integers(0, 25_000))
        text = "\n".join(draw(st.lists(stamped_line(), min_size=1, max_size=3)))
        cues.append(Cue(start, end, text, text))
    return cues


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_cues())
def test_deroll_never_overlaps_never_lasts_no_time_and_invents_nothing(cues: list[Cue]) -> None:
    result = deroll(cues)
    for cue in result:
        assert cue.end_ms is not None and cue.start_ms < cue.end_ms
        for match in re.finditer(r"<([\d:.]+)>", cue.text):
            ms, _, _ = scan_timestamp(match[1])
            assert ms is not None and cue.start_ms < ms < cue.end_ms
    for before, after in pairwise(result):
        assert before.end_ms == after.start_ms
    said = Counter(w for cue in cues for w in re.sub(r"<[^>]*>", "", cue.text).split())
    kept = Counter(w for cue in result for w in cue.plain_text.split())
    assert not kept - said


def test_rolling_is_found_in_yt_dlp_layout_and_its_srt_conversion() -> None:
    rolling = loads(rolling_vtt(words()), format="vtt")
    assert first_rolling(rolling.cues) == 0
    stripped = [cue._replace(text=cue.plain_text.strip()) for cue in rolling.cues]
    assert first_rolling(stripped) == 0


def test_a_refrain_is_not_rolling() -> None:
    cues = [Cue(n * 1000, n * 1000 + 900, "la la la", "la la la") for n in range(6)]
    assert first_rolling(cues) is None
    assert len(deroll(cues)) == 1  # what de-rolling would do, which is why it is not done
