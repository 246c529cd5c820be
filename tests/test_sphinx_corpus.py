"""Episode 033 of Talk Python To Me, in both formats, as readable anchored paragraphs."""

from __future__ import annotations

import re
import shutil

import pytest

from sphinxcontrib_transcript.lint import lint_bytes
from sphinxcontrib_transcript.readers import load
from sphinxcontrib_transcript.sphinxext.render import assign_anchors

from .conftest import CORPUS
from .sphinx_util import read, transcript_sections, warnings

STEM = "033-openstack-cloud-computing-built-on-python"


def copy_episode(srcdir):
    for suffix in ("txt", "vtt"):
        shutil.copyfile(CORPUS / f"{STEM}.{suffix}", srcdir / f"033.{suffix}")


@pytest.fixture(scope="module")
def app(build_root):
    return build_root("transcript-corpus", setup=copy_episode, transcript_lint_level="warning")


@pytest.fixture(scope="module")
def sections(app):
    txt, vtt = transcript_sections(read(app, "index.html"))
    return {"txt": txt, "vtt": vtt}


@pytest.mark.parametrize("suffix", ["txt", "vtt"])
def test_every_cue_has_its_anchor(sections, suffix):
    transcript = load(CORPUS / f"{STEM}.{suffix}")
    expected = assign_anchors(transcript.cues, f"ep33{suffix}")
    found = re.findall(r'class="transcript-cue" id="([^"]+)"', sections[suffix])
    assert found == expected
    assert len(found) == len(transcript.cues) == {"txt": 812, "vtt": 1261}[suffix]


@pytest.mark.parametrize("suffix", ["txt", "vtt"])
def test_paragraphs_are_readable_and_each_has_its_timestamp(sections, suffix):
    paragraphs = re.findall(r'<p class="transcript-paragraph">(.*?)</p>', sections[suffix], re.S)
    words = [len(re.sub(r"<[^>]+>", "", p).split()) for p in paragraphs]
    # Tens of cues make one paragraph: a few hundred paragraphs, not a caption list.
    assert 40 <= len(paragraphs) <= 200
    assert sum(words) / len(words) >= 60
    for paragraph in paragraphs:
        time, anchor = re.match(
            r'<span class="transcript-meta"><a class="transcript-time reference internal" '
            r'href="#(ep33\w+-t-[\d-]+)">([\d:]+)</a>', paragraph).group(1, 2)[::-1]
        # The paragraph's time links to its own first cue.
        first = re.search(r'<span class="transcript-cue" id="([^"]+)"', paragraph).group(1)
        assert anchor == first
        h, m, s = anchor.split("-t-")[1].split("-")[:3]
        assert time == f"{int(h) * 60 + int(m):02d}:{s}" or time == f"{int(h)}:{m}:{s}"


def test_the_two_formats_start_their_paragraphs_alike(sections):
    def starts(section):
        return re.findall(r'href="#ep33\w+-(t-[\d-]+)">', section)[:5]
    assert starts(sections["txt"])[:2] == starts(sections["vtt"])[:2] == [
        "t-00-00-00", "t-00-00-59",
    ]


def test_the_role_finds_the_cue_in_the_hour_long_episode(app):
    html = read(app, "index.html")
    # To the second, 00:01:34 is the cue shown as 1:34, which starts at 34.520 ...
    assert 'href="#ep33vtt-t-00-01-34"><span class="xref transcript">ep33vtt 00:01:34' in html
    # ... and to the millisecond, 00:01:34.000 is the cue 00:01:32.120 --> 00:01:34.520.
    assert 'href="#ep33vtt-t-00-01-32"><span class="xref transcript">just before' in html


def test_lint_warnings_are_the_linters_problems(app):
    reported = re.findall(r"(033\.(?:txt|vtt)):(\d+): WARNING: .* \[transcript\.([a-z-]+)\]",
                          warnings(app))
    expected = []
    for suffix in ("txt", "vtt"):
        data = (CORPUS / f"{STEM}.{suffix}").read_bytes()
        expected += [(f"033.{suffix}", str(p.line), p.rule)
                     for p in lint_bytes(data, f"033.{suffix}")]
    assert sorted(reported) == sorted(expected)
    # 6 zero-length cues in the .vtt, 4 repeats of the closing line in the .txt
    # (the .vtt's repeats are its zero-length cues: zero-duration reports them).
    assert len(expected) == 10
    assert len(warnings(app).splitlines()) == 10


def test_by_default_a_real_episode_reports_only_what_readers_get_wrong(build_root):
    """Its repeated lines and zero-length repeats are warnings: by default a build
    reports only the error, the one cue whose words no player ever shows."""
    app = build_root("transcript-corpus", setup=copy_episode)
    errors = [p for suffix in ("txt", "vtt")
              for p in lint_bytes((CORPUS / f"{STEM}.{suffix}").read_bytes(), f"033.{suffix}")
              if p.level == "error"]
    assert [(p.rule, p.line) for p in errors] == [("zero-duration", errors[0].line)]
    reported = warnings(app).splitlines()
    assert len(reported) == 1 and "[transcript.zero-duration]" in reported[0]
    assert f"033.vtt:{errors[0].line}:" in reported[0]
    assert 'id="ep33vtt-t-00-01-34"' in read(app, "index.html")
