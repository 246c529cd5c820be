"""Every problem is a typed warning at the right place; none stops the build.

tests/roots/test-transcript-warnings holds one mistake per directive; the
warnings are compared line by line (location and type), wording aside from
the parts users act on.
"""

from __future__ import annotations

import os
import re

import pytest
from sphinx.errors import SphinxWarning

from .sphinx_util import build_once, read, warnings


def outside(srcdir):
    """Files outside the source directory, and a symlink inside that points out."""
    (srcdir.parent / "outside.vtt").write_text(
        "WEBVTT\n\n00:01.000 --> 00:02.000\nsecret outside words\n", encoding="utf-8"
    )
    os.symlink("../../outside.vtt", srcdir / "data" / "link.vtt")


def located(app) -> list[tuple[str, str, str]]:
    """``(file:line, start of message, [type.subtype])`` for each warning, sorted."""
    found = []
    for line in warnings(app).splitlines():
        match = re.match(r"(\S+?):(\d+): WARNING: (.*) \[(transcript\.[a-z-]+)\]$", line)
        assert match, line
        path, number, message, kind = match.groups()
        name = os.path.relpath(path, app.srcdir)
        found.append((f"{name}:{number}", message, kind))
    return sorted(found)


@pytest.fixture(scope="module")
def app(build_root):
    return build_root("transcript-warnings", setup=outside)


def test_the_build_finishes(app):
    assert app.statuscode == 0
    assert (app.outdir / "index.html").is_file()


@pytest.mark.parametrize(
    ("where", "says", "kind"),
    [
        ("refs.rst:7", "unknown transcript 'nope' in reference 'nope@00:00:01'; give the "
         "transcript directive ':name: nope'", "transcript.ref"),
        ("refs.rst:9", "01:00:00 is outside transcript 'ep', which runs from 00:00:01 to "
         "00:00:05; the link goes to its start", "transcript.ref"),
        ("refs.rst:11", "transcript reference 'ep@soon': 'soon' is not a time", "transcript.ref"),
        ("options.rst:4", "cannot understand 'sentences' in merge", "transcript.directive"),
        ("options.rst:7", "cannot understand 'SPEAKER_00 Ann' in speakers",
         "transcript.directive"),
        ("options.rst:10", "'later' is not a time", "transcript.directive"),
        ("options.rst:13", "the excerpt ends (00:00:02) before it starts (00:00:05)",
         "transcript.directive"),
        ("options.rst:17", "unknown transcript format 'application/pdf'", "transcript.directive"),
        ("options.rst:20", "'\"><script>' is not a language tag", "transcript.directive"),
        ("options.rst:23", "transcript 'data/clean.vtt' has no cues in the excerpt",
         "transcript.empty"),
        ("paths.rst:4", "transcript path '../outside.vtt' resolves outside the source directory",
         "transcript.directive"),
        ("paths.rst:6", "transcript path '/../../outside.vtt' resolves outside the source "
         "directory", "transcript.directive"),
        ("paths.rst:8", "transcript path 'data/link.vtt' resolves outside the source directory",
         "transcript.directive"),
        ("paths.rst:10", "cannot read transcript 'data/missing.vtt' (No such file or directory)",
         "transcript.directive"),
        ("media.rst:4", "media 'javascript:alert(1)' refused", "transcript.media"),
        ("media.rst:8", "media 'data:audio/wav;base64,UklGRg==' refused", "transcript.media"),
        ("media.rst:12", "media 'file:///etc/passwd' refused", "transcript.media"),
        ("media.rst:16", "media file 'data/missing.wav' not found", "transcript.media"),
        ("media.rst:20", "media '../outside.wav' resolves outside the source directory",
         "transcript.media"),
        ("dup.rst:6", "the cue anchors of transcript 'data/clean.vtt' clash with ids already "
         "on this page, so they start with 'transcript-2-'", "transcript.duplicate-id"),
    ],
)
def test_each_mistake_is_reported_at_its_directive_or_role(app, where, says, kind):
    matches = [(m, k) for w, m, k in located(app) if w == where]
    assert len(matches) == 1, matches
    message, found_kind = matches[0]
    assert message.startswith(says)
    assert found_kind == kind


def test_lint_problems_point_into_the_transcript_file(app):
    lint = [(w, k) for w, _, k in located(app) if w.startswith("data/")]
    assert lint == [
        ("data/broken.vtt:6", "transcript.cue-overlap"),
        ("data/broken.vtt:9", "transcript.bad-timestamp"),
    ]


def test_no_other_warnings(app):
    # 20 directive and role mistakes, two lint problems, nothing else.
    assert len(located(app)) == 22


def test_refused_files_never_reach_the_output(app):
    for page in ("paths.html", "media.html"):
        html = read(app, page)
        assert "secret outside words" not in html
        assert "javascript:" not in html and "data:audio" not in html and "file://" not in html
        assert "<audio" not in html
    assert not list((app.outdir / "_downloads").rglob("*.wav"))


def test_unknown_and_outside_references_still_render(app):
    html = read(app, "refs.html")
    assert '<span class="xref transcript">nope 00:00:01</span>' in html
    assert '<a class="reference internal" href="#ep"><span class="xref transcript">ep 01:00:00' \
        in html


def test_duplicate_transcripts_get_distinct_stable_anchors(app):
    html = read(app, "dup.html")
    assert re.findall(r'class="transcript-cue" id="([^"]+)"', html) == [
        "t-00-00-01", "t-00-00-03", "transcript-2-t-00-00-01", "transcript-2-t-00-00-03",
    ]


def test_suppress_warnings_silences_one_rule(build_root):
    app = build_root("transcript-warnings", setup=outside,
                     suppress_warnings=["transcript.cue-overlap", "transcript.media"])
    kinds = {kind for _, _, kind in located(app)}
    assert "transcript.cue-overlap" not in kinds and "transcript.media" not in kinds
    assert "transcript.bad-timestamp" in kinds


def test_lint_can_be_switched_off_or_limited_to_errors(build_root):
    off = build_root("transcript-warnings", setup=outside, transcript_lint=False)
    assert not [w for w, _, _ in located(off) if w.startswith("data/")]
    ignored = build_root("transcript-warnings", setup=outside,
                         transcript_lint_ignore=["bad-timestamp"])
    assert [w for w, _, _ in located(ignored) if w.startswith("data/")] == ["data/broken.vtt:6"]


def test_a_bad_lint_configuration_is_one_warning(build_root):
    app = build_root("transcript-warnings", setup=outside,
                     transcript_lint_config={"bogus-key": 1})
    config = [line for line in warnings(app).splitlines() if "[transcript.config]" in line]
    assert len(config) == 1
    assert "bogus-key" in config[0]
    assert "transcripts are linted with the default rules" in config[0]


def test_warnings_as_errors_fail_on_a_broken_transcript(tmp_path, rootdir):
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    (srcdir / "index.rst").write_text("Broken\n======\n\n.. transcript:: broken.vtt\n")
    broken = (rootdir / "test-transcript-warnings" / "data" / "broken.vtt").read_bytes()
    (srcdir / "broken.vtt").write_bytes(broken)
    try:
        app = build_once(srcdir, warningiserror=True)
    except SphinxWarning as exc:  # Sphinx 7.4 stops at the first warning
        assert "[transcript.cue-overlap]" in str(exc) or "[transcript.bad-timestamp]" in str(exc)
    else:
        assert app.statuscode == 1
        assert "[transcript.cue-overlap]" in warnings(app)
    # Without the broken transcript, the same build passes.
    (srcdir / "broken.vtt").write_bytes(b"WEBVTT\n\n00:01.000 --> 00:02.000\nFine.\n")
    clean = build_once(srcdir, warningiserror=True, freshenv=True)
    assert clean.statuscode == 0
    assert warnings(clean) == ""


def test_file_insertion_disabled_is_respected(build_root):
    app = build_root("transcript-noinsert")
    assert "file insertion disabled" in warnings(app)
    assert "secret words" not in read(app, "index.html")


def build_project(tmp_path, transcript: bytes, **confoverrides):
    """A one-page project showing *transcript*; returns the finished app."""
    srcdir = tmp_path / "src"
    srcdir.mkdir(exist_ok=True)
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    (srcdir / "index.rst").write_text("Page\n====\n\n.. transcript:: talk.vtt\n")
    (srcdir / "talk.vtt").write_bytes(transcript)
    app = build_once(srcdir, freshenv=True, confoverrides=confoverrides)
    return app


# Line 4 ends in a space (trailing-whitespace, a warning); line 6 overlaps (an error).
UNTIDY = b"WEBVTT\n\n00:01.000 --> 00:04.000\nFirst. \n\n00:03.000 --> 00:05.000\nSecond.\n"


def kinds(app) -> list[str]:
    return re.findall(r"talk\.vtt:(\d+): WARNING: .* \[transcript\.([a-z-]+)\]", warnings(app))


def test_only_errors_are_reported_unless_warnings_are_asked_for(tmp_path):
    assert kinds(build_project(tmp_path, UNTIDY)) == [("6", "cue-overlap")]
    assert kinds(build_project(tmp_path, UNTIDY, transcript_lint_level="error")) == [
        ("6", "cue-overlap"),
    ]
    assert kinds(build_project(tmp_path, UNTIDY, transcript_lint_level="warning")) == [
        ("4", "trailing-whitespace"), ("6", "cue-overlap"),
    ]


def test_lint_configuration_from_conf_py(tmp_path):
    table = {"rules": {"cue-overlap": {"level": "warning"}}, "ignore": ["trailing-whitespace"]}
    assert kinds(build_project(tmp_path, UNTIDY, transcript_lint_config=table,
                               transcript_lint_level="warning")) == [("6", "cue-overlap")]
    assert kinds(build_project(tmp_path, UNTIDY, transcript_lint_config=table)) == []
    assert kinds(build_project(tmp_path, UNTIDY, transcript_lint_select=["cue-overlap"])) == [
        ("6", "cue-overlap"),
    ]


def test_lint_configuration_file_beside_conf_py(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / ".transcript-lint.toml").write_text('ignore = ["cue-overlap"]\n')
    assert kinds(build_project(tmp_path, UNTIDY, transcript_lint_level="warning")) == [
        ("4", "trailing-whitespace"),
    ]
