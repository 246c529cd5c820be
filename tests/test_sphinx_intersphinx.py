"""Links into another project's transcripts through intersphinx (a local inventory file)."""

from __future__ import annotations

from .sphinx_util import build_once, warnings


def test_intersphinx_links_to_the_cue_containing_a_moment(build_root, tmp_path):
    other = build_root("transcript-basic")
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx.ext.intersphinx", "sphinxcontrib_transcript"]\n'
        f"intersphinx_mapping = {{'basic': ('https://basic.example/', "
        f"{str(other.outdir / 'objects.inv')!r})}}\n"
    )
    (srcdir / "index.rst").write_text(
        "Elsewhere\n=========\n\n"
        "Exact: :transcript:`ep@00:00:01`. Inside a cue: :transcript:`ep@00:00:07.250`.\n"
        "The transcript: :transcript:`ep`. Unknown: :transcript:`nope@00:00:01`.\n"
        "To the second, no cue starting then: :transcript:`a <ep@00:00:31>`.\n"
    )
    app = build_once(srcdir, freshenv=True)
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'href="https://basic.example/episode.html#ep-t-00-00-01"' in html
    assert 'href="https://basic.example/episode.html#ep-t-00-00-06"' in html
    assert 'href="https://basic.example/episode.html#ep"' in html
    assert 'href="https://basic.example/episode.html#ep-t-00-00-30"><span class="xref ' \
        'transcript">a</span>' in html
    (warning,) = warnings(app).splitlines()
    assert "unknown transcript 'nope'" in warning and warning.endswith("[transcript.ref]")
