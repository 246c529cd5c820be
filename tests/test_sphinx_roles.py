"""The ``:transcript:`` role lands on the cue shown with the time it names.

A time written to the second (``talk@00:00:10``) means that whole second:
the cue shown as 00:10 (anchored ``talk-t-00-00-10``), even when it starts
at 00:10.200; a time with a fraction keeps millisecond precision.  Each test
builds a real Sphinx project.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .sphinx_util import build_once, read, warnings

VTT = """WEBVTT

00:00:01.000 --> 00:00:09.600
One.

00:00:09.600 --> 00:00:10.200
Two, shown as 00:09.

00:00:10.200 --> 00:00:10.700
Three, shown as 00:10.

00:00:10.700 --> 00:00:12.000
Four, the second cue of second 10.

00:00:12.000 --> 00:00:14.000
Five.
"""

# (role target, the anchor it must land on)
LINKS = [
    ("talk@00:00:10", "talk-t-00-00-10"),  # the cue shown as 00:10, not 00:09's
    ("talk@0:10", "talk-t-00-00-10"),
    ("talk@10", "talk-t-00-00-10"),
    ("talk@00:00:09", "talk-t-00-00-09"),
    ("talk@00:00:11", "talk-t-00-00-10-2"),  # no cue starts then: the one playing
    ("talk@00:00:13", "talk-t-00-00-12"),
    ("talk@00:00:10.5", "talk-t-00-00-10"),  # to the millisecond
    ("talk@00:00:10.800", "talk-t-00-00-10-2"),
    ("talk@00:00:10.000", "talk-t-00-00-09"),  # 10.000 exactly: 00:09's cue still plays
    ("talk@9.7", "talk-t-00-00-09"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    srcdir: Path = tmp_path_factory.mktemp("roles")
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    (srcdir / "talk.vtt").write_text(VTT, encoding="utf-8")
    links = "\n".join(f"* :transcript:`link {i} <{target}>`" for i, (target, _) in
                      enumerate(LINKS))
    (srcdir / "index.rst").write_text(
        "Talk\n====\n\n.. toctree::\n\n   links\n\n.. transcript:: talk.vtt\n   :name: talk\n"
        "   :timestamps: all\n", encoding="utf-8")
    (srcdir / "links.rst").write_text(f"Links\n=====\n\n{links}\n", encoding="utf-8")
    return build_once(srcdir)


def test_the_project_builds_without_warnings(built):
    assert warnings(built) == ""


@pytest.mark.parametrize(("index", "target", "anchor"),
                         [(i, target, anchor) for i, (target, anchor) in enumerate(LINKS)])
def test_role_lands_on_the_cue_of_its_time(built, index, target, anchor):
    html = read(built, "links.html")
    found = re.search(rf'href="index\.html#([^"]+)"><span class="xref transcript">link {index}<',
                      html)
    assert found is not None, html
    assert found[1] == anchor, target


def test_the_landing_cue_shows_the_linked_time(built):
    """What a reader sees next to the cue is the time the whole-second link names."""
    page = read(built, "index.html")
    for target, anchor in LINKS:
        when = target.rpartition("@")[2]
        if "." in when or ":" not in when or anchor.endswith("-2"):
            continue
        seconds = int(when.rpartition(":")[2])
        if anchor.endswith(f"-{seconds:02d}"):
            assert f'href="#{anchor}">00:{seconds:02d}</a>' in page, target


def test_a_moment_past_the_end_warns_with_its_precision(tmp_path):
    (tmp_path / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    (tmp_path / "talk.vtt").write_text(VTT, encoding="utf-8")
    (tmp_path / "index.rst").write_text(
        "Talk\n====\n\n.. transcript:: talk.vtt\n   :name: talk\n\n"
        ":transcript:`talk@00:00:20.250` and :transcript:`talk@00:00:21`\n", encoding="utf-8")
    app = build_once(tmp_path)
    text = warnings(app)
    assert "00:00:20.250 is outside transcript 'talk', which runs from 00:00:01 to 00:00:14" \
        in text
    assert "00:00:21 is outside transcript 'talk'" in text
