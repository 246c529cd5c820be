"""The player's HTML: sticky or not (config value and option), the excerpt's bounds."""

from __future__ import annotations

import re

import pytest

from .sphinx_util import build_once, read, warnings

VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello.\n\n00:00:05.000 --> 00:00:08.000\nBye.\n"


def build(tmp_path, conf, options):
    (tmp_path / "conf.py").write_text(f'extensions = ["sphinxcontrib_transcript"]\n{conf}')
    (tmp_path / "talk.vtt").write_text(VTT, encoding="utf-8")
    (tmp_path / "a.wav").write_bytes(b"RIFF")
    (tmp_path / "index.rst").write_text(
        "T\n=\n\n.. transcript:: talk.vtt\n   :media: a.wav\n" + options
    )
    return build_once(tmp_path, freshenv=True)


def box_classes(app):
    return re.search(r'<div class="(transcript-media[^"]*)"', read(app, "index.html"))[1]


@pytest.mark.parametrize(("conf", "options", "expected"), [
    ("", "", "transcript-media transcript-sticky"),
    ("transcript_sticky_player = False\n", "", "transcript-media transcript-static"),
    ("transcript_sticky_player = False\n", "   :sticky-player: yes\n",
     "transcript-media transcript-sticky"),
    ("", "   :sticky-player: no\n", "transcript-media transcript-static"),
])
def test_the_player_is_sticky_unless_turned_off(tmp_path, conf, options, expected):
    app = build(tmp_path, conf, options)
    assert warnings(app) == ""
    assert box_classes(app) == expected


def test_a_wrong_sticky_player_value_says_what_to_write(tmp_path):
    app = build(tmp_path, "", "   :sticky-player: maybe\n")
    found = warnings(app)
    assert 'invalid option value: (option: "sticky-player"; value: \'maybe\')' in found
    assert '"maybe" unknown; choose from "yes", or "no"' in found


def test_an_excerpt_gives_the_player_its_bounds(tmp_path):
    app = build(tmp_path, "", "   :start: 00:01\n   :end: 6.5\n")
    html = read(app, "index.html")
    assert re.search(r'<div class="transcript-media transcript-sticky" data-end="6.5" '
                     r'data-start="1">', html)
    assert 'src="_downloads/' in html and '/a.wav#t=1,6.5"' in html


def test_an_excerpt_an_hour_in_keeps_its_milliseconds(tmp_path):
    """The fragment's times are exact: 3723.456, not a float's 3723.46."""
    app = build(tmp_path, "", "   :start: 1:02:03.456\n   :end: 1:02:05.5\n")
    html = read(app, "index.html")
    assert '/a.wav#t=3723.456,3725.5"' in html
    assert 'data-end="3725.5" data-start="3723.456"' in html
