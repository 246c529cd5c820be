"""The directive and the role from MyST Markdown (```{transcript}``` and {transcript}`...`)."""

from __future__ import annotations

import re

import pytest

from .sphinx_util import cue_ids, read, warnings


@pytest.fixture(scope="module")
def app(build_root):
    return build_root("transcript-myst")


def test_builds_without_warnings(app):
    assert warnings(app) == ""


def test_the_fence_renders_the_transcript_with_anchors_and_player(app):
    html = read(app, "episode.html")
    assert cue_ids(html) == [
        "ep-t-00-00-01", "ep-t-00-00-04", "ep-t-00-00-06", "ep-t-00-00-09", "ep-t-00-00-30",
    ]
    assert re.search(r'<audio class="transcript-player" [^>]*src="_downloads/[0-9a-f]+/talk\.wav"',
                     html)
    assert "<strong>Ann Lee</strong>:" in html
    assert 'src="_static/transcript.js' in html


def test_the_role_links_to_the_cue(app):
    html = read(app, "refs.html")
    assert 'href="episode.html#ep-t-00-00-06"><span class="xref transcript">ep 00:00:07</span>' \
        in html
    assert 'href="episode.html#ep-t-00-00-30"><span class="xref transcript">the pause</span>' \
        in html


def test_yaml_options_work_too(app):
    html = read(app, "refs.html")
    assert cue_ids(html) == ["t-00-00-06", "t-00-00-09"]
    assert html.count('class="transcript-time') == 2
