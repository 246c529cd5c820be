"""Presets: named sets of rule settings taken from published subtitle guides.

A preset switches on the style and delivery rules (off by default) with the
numbers of one guide; configuration can still change any of them.  Each
entry is ``{rule ID: {"enabled": True, option: value, ...}}``, the same shape
as a ``[tool.transcript-lint.rules.<rule>]`` table.

``netflix``
    Netflix's English timed-text style guide: 42 characters per line, two
    lines, 20 characters per second, 833 ms (five sixths of a second) to
    7 s on screen, two frames (83 ms at 23.976 fps) between subtitles.  These
    are also the rules' own defaults, written out here so the preset says
    what it means.
``podcast``
    Podcasting 2.0's transcript guidance (``podcast:transcript``): WebVTT
    lines of at most 65 characters, SRT lines of at most 32, two lines per
    cue.  It sets no timing limits: podcast transcripts follow speech, not
    a subtitle editor's timing.
``subtitle-edit``
    Subtitle Edit's defaults: 43 characters per line, two lines, 25
    characters per second, 1 s to 8 s on screen, 24 ms between subtitles.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import Any

#: Preset name -> rule ID -> settings (``enabled`` and option values).
PRESETS: dict[str, dict[str, dict[str, Any]]] = {
    "netflix": {
        "line-too-long": {"enabled": True, "max": 42},
        "too-many-lines": {"enabled": True, "max": 2},
        "reading-speed": {"enabled": True, "max-cps": 20.0},
        "min-duration": {"enabled": True, "min-ms": 833},
        "max-duration": {"enabled": True, "max-ms": 7000},
        "min-gap": {"enabled": True, "min-ms": 83},
    },
    "podcast": {
        "line-too-long": {"enabled": True, "max": 65, "srt-max": 32},
        "too-many-lines": {"enabled": True, "max": 2},
    },
    "subtitle-edit": {
        "line-too-long": {"enabled": True, "max": 43},
        "too-many-lines": {"enabled": True, "max": 2},
        "reading-speed": {"enabled": True, "max-cps": 25.0},
        "min-duration": {"enabled": True, "min-ms": 1000},
        "max-duration": {"enabled": True, "max-ms": 8000},
        "min-gap": {"enabled": True, "min-ms": 24},
    },
}
