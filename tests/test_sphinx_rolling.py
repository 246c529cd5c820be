"""YouTube's rolling captions in the directive: each line once unless ``:rolling: keep``;
``:download: vtt srt txt json`` offers conversions made at build time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sphinxcontrib_transcript import load, loads
from sphinxcontrib_transcript.readers import normalize_format

from .sphinx_util import read, transcript_sections, warnings
from .youtube import caption_lines, rolling_vtt, words


def _write_rolling(srcdir: Path) -> None:
    (srcdir / "auto.en.vtt").write_text(rolling_vtt(words()), encoding="utf-8")


@pytest.fixture(scope="module")
def app(build_root):
    return build_root("transcript-rolling", setup=_write_rolling)


@pytest.fixture(scope="module")
def sections(app) -> dict[str, str]:
    found = transcript_sections(read(app, "index.html"))
    return {re.search(r' id="([^"]+)"', s).group(1): s for s in found}


def paragraphs(section: str) -> list[str]:
    found = re.findall(r'<p class="transcript-paragraph">(.*?)</p>', section, re.S)
    texts = [re.sub(r"<[^>]+>", "", p).replace("¶", "") for p in found]
    return [re.sub(r"^\d+:\d\d ", "", " ".join(t.split())) for t in texts]


def test_the_one_warning_is_the_wrong_choice(app) -> None:
    [warning] = warnings(app).splitlines()
    assert warning.endswith(
        "bad.rst:4: WARNING: 'maybe' is not a :rolling: choice; write one of deroll, keep "
        "[transcript.directive]"
    )


def test_each_line_renders_once(sections) -> None:
    lines = [" ".join(word for word, _, _ in line) for line in caption_lines(words())]
    assert paragraphs(sections["derolled"]) == lines
    spoken = " ".join(paragraphs(sections["derolled"])).split()
    assert spoken == [word for word, _, _ in words()]


def test_rolling_keep_renders_the_cues_as_they_are(sections) -> None:
    shown = paragraphs(sections["raw"])
    assert len(shown) == 2 * len(caption_lines(words()))
    assert shown[1] == shown[2].split(" everyone.")[0]  # the hold, then the carried line


def _links(section: str) -> list[tuple[str, str]]:
    download = re.search(r'<p class="transcript-download">(.*?)</p>', section, re.S)
    assert download is not None
    return re.findall(r'<a [^>]*href="(_downloads/[^"]+)"[^>]*>([^<]+)</a>', download.group(1))


def test_downloads_in_other_formats_are_converted_at_build_time(app, sections) -> None:
    links = _links(sections["derolled"])
    assert [shown for _, shown in links] == ["auto.en.vtt", "auto.en.srt", "auto.en.txt",
                                            "auto.en.json"]
    outdir = Path(app.outdir)
    source = outdir / links[0][0]
    assert source.read_bytes() == (Path(app.srcdir) / "auto.en.vtt").read_bytes()
    expected = [word for word, _, _ in words()]
    for href, shown in links[1:]:
        fmt = normalize_format(Path(shown).suffix)
        converted = loads((outdir / href).read_bytes(), format=fmt)
        assert converted.diagnostics == []
        assert [w for cue in converted.cues for w in cue.plain_text.split()] == expected


def test_a_kept_rolling_file_downloads_kept(app, sections) -> None:
    [(href, shown)] = _links(sections["raw"])
    assert shown == "auto.en.srt"
    converted = loads((Path(app.outdir) / href).read_bytes(), format="srt")
    assert len(converted.cues) == len(load(Path(app.srcdir) / "auto.en.vtt").cues)


def test_other_download_text_is_still_a_link_text(sections) -> None:
    assert "Get the captions" in sections["text"]


def test_latex_renders_each_line_once_and_names_the_downloads(build_root) -> None:
    app = build_root("transcript-rolling", builder="latex", setup=_write_rolling)
    [warning] = warnings(app).splitlines()
    assert "'maybe' is not a :rolling: choice" in warning
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    # The de-rolled transcript says "Welcome back" once, the raw one three times.
    assert tex.count("Welcome back") == 1 + 3 + 1
    assert "auto.en.srt" in tex
