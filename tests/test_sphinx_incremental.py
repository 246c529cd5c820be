"""Incremental and parallel builds: changed transcripts and media rebuild what depends on them."""

from __future__ import annotations

import os
import re
import shutil

from .conftest import TESTS
from .sphinx_util import build_once, cue_ids, warnings


def build(srcdir, parallel=0, freshenv=False, outdir=None):
    app = build_once(srcdir, parallel=parallel, freshenv=freshenv, builddir=outdir)
    return app


def written(app) -> list[str]:
    """The documents the build wrote (from its status output)."""
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    return sorted(set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status)))


def bump(path, text=None, data=None):
    """Rewrite *path* and move its mtime forward, so Sphinx sees a change."""
    if text is not None:
        path.write_text(text, encoding="utf-8")
    if data is not None:
        path.write_bytes(data)
    later = path.stat().st_mtime + 5
    os.utime(path, (later, later))


def test_a_changed_transcript_rebuilds_its_page_and_the_pages_linking_to_it(tmp_path, rootdir):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-transcript-basic", srcdir)
    first = build(srcdir, freshenv=True)
    assert written(first) == ["episode", "index", "notes", "plain"]
    html = (first.outdir / "notes.html").read_text(encoding="utf-8")
    assert 'href="episode.html#ep-t-00-00-06"><span class="xref transcript">his thanks' in html

    # Nothing changed: nothing is written again, and the anchors are the same.
    again = build(srcdir)
    assert written(again) == []

    # Bob's "Thanks, Ann." moves from 00:00:06.500 to 00:00:05.000.
    vtt = srcdir / "media" / "talk.vtt"
    bump(vtt, text=vtt.read_text(encoding="utf-8").replace("00:00:06.500", "00:00:05.000"))
    changed = build(srcdir)
    # notes.rst shows an excerpt (so it is re-read) and links into episode.rst;
    # Sphinx itself rewrites index.rst, whose toctree holds the changed pages.
    assert written(changed) == ["episode", "index", "notes"]
    episode = (changed.outdir / "episode.html").read_text(encoding="utf-8")
    assert cue_ids(episode)[:3] == ["ep-t-00-00-01", "ep-t-00-00-04", "ep-t-00-00-05"]
    notes = (changed.outdir / "notes.html").read_text(encoding="utf-8")
    assert 'href="episode.html#ep-t-00-00-05"><span class="xref transcript">his thanks' in notes
    assert warnings(changed) == ""


def test_a_page_that_only_links_is_rewritten_when_the_anchors_move(tmp_path, rootdir):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-transcript-basic", srcdir)
    # Drop the excerpt: notes.rst now only links into the transcript.
    notes = srcdir / "notes.rst"
    notes.write_text(notes.read_text(encoding="utf-8").split("Excerpt")[0], encoding="utf-8")
    build(srcdir, freshenv=True)
    vtt = srcdir / "media" / "talk.vtt"
    bump(vtt, text=vtt.read_text(encoding="utf-8").replace("00:00:06.500", "00:00:05.000"))
    app = build(srcdir)
    # episode.rst is re-read; notes.rst is not, but its links are resolved again.
    assert "reading sources... [100%] episode" in re.sub(r"\x1b\[[0-9;]*m", "",
                                                         app.status.getvalue())
    assert written(app) == ["episode", "index", "notes"]
    html = (app.outdir / "notes.html").read_text(encoding="utf-8")
    assert 'href="episode.html#ep-t-00-00-05"><span class="xref transcript">his thanks' in html
    # A change that leaves the anchors where they were rewrites only the page itself.
    bump(vtt, text=vtt.read_text(encoding="utf-8").replace("Really.", "Really!"))
    assert written(build(srcdir)) == ["episode", "index"]


def test_changed_media_rebuilds_the_page_and_is_copied_again(tmp_path, rootdir):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-transcript-basic", srcdir)
    build(srcdir, freshenv=True)
    wav = srcdir / "media" / "talk.wav"
    bump(wav, data=wav.read_bytes() + b"\x80" * 100)
    app = build(srcdir)
    assert "episode" in written(app)
    (copied,) = (app.outdir / "_downloads").rglob("talk.wav")
    assert copied.read_bytes() == wav.read_bytes()


def many_pages(srcdir, pages=8):
    """A project big enough for Sphinx to read in parallel (more than five documents)."""
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    names = [f"page{n}" for n in range(pages)]
    (srcdir / "index.rst").write_text(
        "Pages\n=====\n\n.. toctree::\n\n" + "".join(f"   {n}\n" for n in names)
    )
    talk = (TESTS / "roots" / "test-transcript-basic" / "media" / "talk.vtt").read_bytes()
    (srcdir / "talk.vtt").write_bytes(talk)
    for number, name in enumerate(names):
        following = names[(number + 1) % pages]
        (srcdir / f"{name}.rst").write_text(
            f"{name}\n{'=' * len(name)}\n\n"
            f".. transcript:: talk.vtt\n   :name: t{number}\n   :start: {number % 3}\n\n"
            f"See :transcript:`t{(number + 1) % pages}@00:00:07` on {following} and "
            f":transcript:`the pause <t{(number + 2) % pages}@0:31>`.\n"
        )


def test_parallel_builds_give_the_same_output(tmp_path):
    srcdir = tmp_path / "src"
    many_pages(srcdir)
    serial = build(srcdir, freshenv=True, outdir=tmp_path / "serial")
    parallel = build(srcdir, parallel=2, freshenv=True, outdir=tmp_path / "parallel")
    # Documents were read in chunks by worker processes ("index .. page2").
    status = re.sub(r"\x1b\[[0-9;]*m", "", parallel.status.getvalue())
    assert re.search(r"reading sources\.\.\. \[\s*\d+%\] \S+ \.\. \S+", status)
    assert warnings(serial) == warnings(parallel) == ""
    for page in [f"page{n}.html" for n in range(8)] + ["objects.inv"]:
        assert (serial.outdir / page).read_bytes() == (parallel.outdir / page).read_bytes(), page
    html = (parallel.outdir / "page7.html").read_text(encoding="utf-8")
    assert 'href="page0.html#t0-t-00-00-06"' in html
    assert 'href="page1.html#t1-t-00-00-30"' in html
