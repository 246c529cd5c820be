"""The share control's HTML side: on unless turned off, and its script in place.

The control itself is made by ``transcript-share.js`` in the browser
(``tests/test_browser_share.py``); the build only marks a player box whose
transcript does not want it (``data-share="off"``) and adds the script.
"""

from __future__ import annotations

import re

import pytest

from .sphinx_util import read, warnings
from .test_sphinx_player import build


def box_tag(app) -> str:
    return re.search(r'<div class="transcript-media[^>]*>', read(app, "index.html"))[0]


@pytest.mark.parametrize(("conf", "options", "shared"), [
    ("", "", True),
    ("transcript_share = False\n", "", False),
    ("transcript_share = False\n", "   :share: yes\n", True),
    ("", "   :share: no\n", False),
])
def test_the_control_is_on_unless_turned_off(tmp_path, conf, options, shared):
    app = build(tmp_path, conf, options)
    assert warnings(app) == ""
    assert ('data-share="off"' not in box_tag(app)) is shared


def test_a_wrong_share_value_says_what_to_write(tmp_path):
    app = build(tmp_path, "", "   :share: maybe\n")
    found = warnings(app)
    assert 'invalid option value: (option: "share"; value: \'maybe\')' in found
    assert '"maybe" unknown; choose from "yes", or "no"' in found


def test_the_script_comes_before_the_player_script_with_its_labels(tmp_path):
    html = read(build(tmp_path, "", ""), "index.html")
    scripts = re.findall(r'<script [^>]*src="_static/(transcript[\w-]*\.js)', html)
    # It listens for the transcripts transcript.js binds: it must run first.
    assert scripts.index("transcript-share.js") < scripts.index("transcript.js")
    assert sorted(scripts) == ["transcript-dock.js", "transcript-players.js",
                               "transcript-share.js", "transcript-words.js", "transcript.js"]
    tag = re.search(r'<script [^>]*transcript-share\.js[^>]*>', html)[0]
    assert 'data-button-name="Copy link to this moment"' in tag
    assert 'data-copied-message="Link copied"' in tag
