"""Chapters as sections, in real Sphinx builds of tests/roots/test-transcript-chapters.

The project has one episode whose chapters file (Podcasting 2.0 JSON, one
chapter ``"toc": false``) is found beside the transcript, the same
transcript with a WebVTT chapters file and a video description given with
``:chapters:``, an excerpt and ``:chapters: none``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.util.inventory import InventoryFile

from sphinxcontrib_transcript.chapters import Chapter
from sphinxcontrib_transcript.model import Cue, Transcript
from sphinxcontrib_transcript.sphinxext.chapters import in_excerpt, place, slug
from sphinxcontrib_transcript.sphinxext.render import MergePolicy, plan

from .sphinx_util import build_once, cue_ids, read, transcript_sections, warnings

EPISODE_CHAPTERS = [("ep-ch-introduction", "Introduction"),
                    ("ep-ch-keystone-pipelines", "Keystone pipelines"),
                    ("ep-ch-questions-answers", "Questions &amp; answers")]


@pytest.fixture(scope="module")
def html(build_root):
    return build_root("transcript-chapters")


def chapter_sections(page: str) -> list[tuple[str, str]]:
    """``(id, heading text)`` of each chapter section, in page order."""
    return re.findall(r'<section class="transcript-chapter" id="([^"]+)">\s*<h\d>'
                      r'(?:<a class="toc-backref"[^>]*>)?([^<]+)', page)


def test_the_build_is_clean(html):
    assert warnings(html) == ""


def test_each_chapter_is_a_section_inside_the_one_transcript(html):
    page = read(html, "episode.html")
    assert chapter_sections(page) == EPISODE_CHAPTERS
    # One transcript holds every cue and every chapter (the player follows one).
    (start,) = [m.start() for m in re.finditer(r"<section [^>]*data-transcript", page)]
    chapters = [m.start() for m in re.finditer('class="transcript-chapter"', page)]
    assert all(position > start for position in chapters)
    assert page.count("<audio") == 1
    assert len(cue_ids(page)) == 12
    # The chapter's heading is one level below the page title, with a permalink.
    assert re.search(r'<h2><a class="toc-backref"[^>]*>Keystone pipelines</a>'
                     r'<a class="headerlink" href="#ep-ch-keystone-pipelines"', page)


def test_a_toc_false_chapter_is_a_marker_not_a_section(html):
    page = read(html, "episode.html")
    assert '<p class="transcript-chapter-marker rubric" id="ep-ch-sponsor">Sponsor</p>' in page
    assert "ep-ch-sponsor" not in dict(chapter_sections(page))
    # Inside the chapter it falls in, just before the paragraph it starts.
    keystone = page.index('id="ep-ch-keystone-pipelines"')
    marker = page.index('id="ep-ch-sponsor"')
    assert keystone < marker < page.index('id="ep-t-00-00-40"') < \
        page.index('id="ep-ch-questions-answers"')


def test_paragraphs_never_straddle_a_chapter_start(html):
    page = read(html, "episode.html")
    # Ann speaks on from 00:16 to 00:20 without a pause: the chapter at 00:20
    # starts a paragraph (without chapters the two cues share one).
    for paragraph in re.findall(r'<p class="transcript-paragraph">.*?</p>', page):
        ids = cue_ids(paragraph)
        assert not ("ep-t-00-00-16" in ids and "ep-t-00-00-20" in ids), paragraph
    plain = read(html, "excerpt.html").split('id="without-chapters"')[1]
    assert re.search(r'id="ep-none-t-00-00-16"[^>]*>Let us begin\.</span> <span '
                     r'class="transcript-cue" id="ep-none-t-00-00-20"', plain)


def test_chapters_are_in_the_local_contents_and_the_sidebar(html):
    page = read(html, "episode.html")
    contents = page[page.index('<nav class="contents local"'):page.index("</nav>")]
    assert re.findall(r'href="#([^"]+)"', contents) == [i for i, _ in EPISODE_CHAPTERS]
    index = read(html, "index.html")  # the toctree lists the page's sections
    for anchor, title in EPISODE_CHAPTERS:
        assert f'href="episode.html#{anchor}">{title}</a>' in index
    sidebar = page[page.index('class="sphinxsidebar"'):]
    assert 'href="#ep-ch-keystone-pipelines">Keystone pipelines</a>' in sidebar
    assert "Sponsor" not in contents and "Sponsor" not in sidebar


def test_the_search_index_lands_on_the_chapter(html):
    text = read(html, "searchindex.js")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    episode = index["docnames"].index("episode")
    assert [episode, "ep-ch-keystone-pipelines"] in index["alltitles"]["Keystone pipelines"]
    assert index["alltitles"]["Questions & answers"] == [[episode, "ep-ch-questions-answers"]]
    assert "Sponsor" not in index["alltitles"]  # a marker is not a title
    assert "keyston" in index["titleterms"] or "keystone" in index["titleterms"]


def test_chapters_from_webvtt_and_a_video_description(html):
    page = read(html, "sources.html")
    assert chapter_sections(page) == [
        ("ep-vtt-ch-welcome", "Welcome"), ("ep-vtt-ch-identity", "Identity"),
        ("ep-vtt-ch-mail-bag", "Mail bag"),
        ("ep-txt-ch-hello", "Hello"), ("ep-txt-ch-keystone", "Keystone"),
        ("ep-txt-ch-questions", "Questions")]
    # The directive sits in a level-2 section: its chapters are level 3.
    assert len(re.findall(r'<section class="transcript-chapter"[^>]*>\s*<h3>', page)) == 6
    # The prose of the description is not a chapter.
    assert "OpenStack" not in "".join(title for _, title in chapter_sections(page))


def test_an_excerpt_shows_only_its_chapters_and_none_turns_discovery_off(html):
    page = read(html, "excerpt.html")
    assert chapter_sections(page) == [("ep-part-ch-keystone-pipelines", "Keystone pipelines")]
    assert 'id="ep-part-ch-sponsor"' in page
    assert "ep-part-ch-introduction" not in page and "ep-part-ch-questions" not in page
    # The excerpt starts at 00:18, before its first chapter: that cue stays
    # outside every chapter, and the chapter's first cue follows its heading.
    assert page.index('id="ep-part-t-00-00-16"') < page.index('id="ep-part-ch-keystone')
    assert page.index('id="ep-part-t-00-00-20"') > page.index('id="ep-part-ch-keystone')
    assert "ep-none-ch-" not in page


def test_objects_inv_has_transcript_chapter_objects(html):
    with open(Path(html.outdir) / "objects.inv", "rb") as stream:
        inventory = InventoryFile.load(stream, "https://ex.org/", lambda base, uri: base + uri)
    chapters = inventory["transcript:chapter"]
    item = chapters["ep#keystone-pipelines"]
    uri = getattr(item, "uri", None) or item[2]
    name = getattr(item, "display_name", None) or item[3]
    assert (uri, name) == ("https://ex.org/episode.html#ep-ch-keystone-pipelines",
                           "Keystone pipelines")
    assert set(chapters) == {
        "ep#introduction", "ep#keystone-pipelines", "ep#sponsor", "ep#questions-answers",
        "ep-vtt#welcome", "ep-vtt#identity", "ep-vtt#mail-bag",
        "ep-txt#hello", "ep-txt#keystone", "ep-txt#questions",
        "ep-part#keystone-pipelines", "ep-part#sponsor"}


def test_the_role_links_a_chapter_by_slug_or_title(html):
    page = read(html, "index.html")
    links = re.findall(r'<a class="reference internal" href="([^"]+)"><span class="xref '
                       r'transcript">([^<]+)</span>', page)
    assert links == [("episode.html#ep-ch-keystone-pipelines", "Keystone pipelines"),
                     ("episode.html#ep-ch-questions-answers", "Questions &amp; answers"),
                     ("episode.html#ep-ch-sponsor", "the sponsor")]


PROBLEMS = """Problems
========

Unknown: :transcript:`ep#nowhere`.  Unknown transcript: :transcript:`nope#intro`.

.. transcript:: talk.vtt
   :name: ep
   :chapters: broken.json
   :chapters-level: 2

.. transcript:: talk.vtt
   :name: other
   :chapters: missing.json

.. transcript:: talk.vtt
   :name: bad-level
   :chapters-level: deep

* .. transcript:: talk.vtt
     :name: in-a-list
"""


@pytest.fixture(scope="module")
def problems(tmp_path_factory, rootdir):
    srcdir = tmp_path_factory.mktemp("chapter-problems")
    root = rootdir / "test-transcript-chapters"
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    (srcdir / "index.rst").write_text(PROBLEMS, encoding="utf-8")
    for name in ("talk.vtt", "talk.chapters.json"):
        (srcdir / name).write_bytes((root / name).read_bytes())
    (srcdir / "broken.json").write_text(
        '{"version": "1.2.0", "chapters": [\n  {"startTime": 0, "title": "Intro"},\n'
        '  {"startTime": "soon", "title": "Later"}\n]}\n')
    return build_once(srcdir)


def test_problems_become_typed_warnings_and_nothing_breaks(problems):
    lines = warnings(problems).splitlines()
    joined = "\n".join(lines)
    assert re.search(r"broken\.json:3: WARNING: error: .*startTime.*"
                     r"\[transcript\.chapter-schema\]", joined), joined
    assert re.search(r"index\.rst:\d+: WARNING: :chapters-level: 2 cannot be built.*"
                     r"\[transcript\.chapters\]", joined)
    assert re.search(r"index\.rst:11: WARNING: cannot read chapters 'missing\.json' \(No "
                     r"such file or directory\); the transcript is shown without chapters.*"
                     r"\[transcript\.chapters\]", joined)
    assert re.search(r"'deep' is not a :chapters-level:; write 1 .*\[transcript\.directive\]",
                     joined)
    assert len(re.findall(r"index\.rst:19: WARNING: the chapters of this transcript are shown "
                          r"as headings without sections: sections cannot go inside list_item; "
                          r"put the transcript directly in a section \[transcript\.chapters\]",
                          joined)) == 1
    assert re.search(r"transcript 'ep' has no chapter 'nowhere' \(its chapters: 'intro' "
                     r"\(Intro\)\); the link goes to its start.*\[transcript\.ref\]", joined)
    assert re.search(r"unknown transcript 'nope' in reference 'nope#intro'.*"
                     r"\[transcript\.ref\]", joined)
    page = read(problems, "index.html")
    # The good chapter of the broken file is still a section; the list's are markers.
    assert 'id="ep-ch-intro"' in page
    assert '<p class="transcript-chapter-marker rubric" id="in-a-list-ch-keystone-pipelines">' \
        in page
    assert '<section class="transcript-chapter" id="in-a-list-ch' not in page
    # ... inside the transcript, with every cue.
    in_list = re.search(r"<li>.*?</li>", page, re.S)[0]
    (transcript,) = transcript_sections(in_list)
    assert len(cue_ids(transcript)) == 12
    assert transcript.count("transcript-chapter-marker") == 4


def test_lint_level_and_suppress_warnings_apply_to_chapter_files(tmp_path, rootdir):
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n'
                                    'transcript_lint = False\n')
    (srcdir / "index.rst").write_text("T\n=\n\n.. transcript:: talk.vtt\n   :chapters: b.json\n")
    (srcdir / "talk.vtt").write_bytes((rootdir / "test-transcript-chapters/talk.vtt").read_bytes())
    (srcdir / "b.json").write_text('{"version": "1.2.0", "chapters": [{"startTime": "x"}]}')
    assert "chapter-schema" not in warnings(build_once(srcdir))


# -- the pieces, without Sphinx ----------------------------------------------


def test_slugs_are_stable_and_distinct():
    chapters = [Chapter(0, "Intro"), Chapter(1000, "Intro"), Chapter(2000, "¿…?"),
                Chapter(3000, "2024 review"), Chapter(4000, "Intro")]
    placed = place(chapters, "ep", {"ep-ch-intro-2": object()})
    assert [p.anchor for p in placed] == [
        "ep-ch-intro", "ep-ch-intro-3", "ep-ch-3", "ep-ch-2024-review", "ep-ch-intro-4"]
    assert [p.anchor for p in place(chapters[:1], "", {})] == ["ch-intro"]
    assert slug("Keystone: pipelines & tokens!") == "keystone-pipelines-tokens"


def test_in_excerpt_sorts_and_keeps_only_chapters_starting_inside():
    chapters = [Chapter(5000, "b"), Chapter(0, "a"), Chapter(9000, "c")]
    assert [c.title for c in in_excerpt(chapters, None, None)] == ["a", "b", "c"]
    assert [c.title for c in in_excerpt(chapters, 1000, 9000)] == ["b"]


def test_plan_breaks_paragraphs_at_chapter_starts():
    cues = [Cue(i * 1000, i * 1000 + 900, f"w{i}.", f"w{i}.", "Ann") for i in range(6)]
    transcript = Transcript("vtt", cues)
    policy = MergePolicy.parse("speaker")
    starts = lambda p: [[c.cue.start_ms for c in para.cues] for para in p.paragraphs]  # noqa: E731
    assert starts(plan(transcript, policy)) == [[0, 1000, 2000, 3000, 4000, 5000]]
    assert starts(plan(transcript, policy, breaks=[2500, 4000])) == \
        [[0, 1000, 2000], [3000], [4000, 5000]]
    # A break before the first cue or after the last changes nothing.
    assert starts(plan(transcript, policy, breaks=[0, 9000])) == starts(plan(transcript, policy))


def test_the_doctree_has_real_sections_after_the_transcript(html):
    """As read (before HTML's regrouping): the sections follow the container."""
    env = html.env
    doctree = env.get_doctree("episode")
    section = doctree.next_node(nodes.section)
    kinds = [type(child).__name__ for child in section.children]
    assert kinds[-4:] == ["transcript", "section", "section", "section"], kinds


LINTED = """{"version": "1.2.0", "chapters": [
  {"startTime": 0, "title": "Intro"},
  {"startTime": 60, "title": "Questions"},
  {"startTime": 20, "title": "Keystone", "endTime": 70},
  {"startTime": 65, "title": "Intro"},
  {"startTime": 300, "title": "Encore"}
]}
"""


@pytest.fixture(scope="module")
def linted(tmp_path_factory, rootdir):
    srcdir = tmp_path_factory.mktemp("chapter-lint")
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n'
                                    'transcript_lint_level = "warning"\n'
                                    'suppress_warnings = ["transcript.chapter-overlap"]\n')
    (srcdir / "index.rst").write_text("T\n=\n\n.. transcript:: talk.vtt\n   :name: ep\n"
                                      "   :chapters: linted.json\n")
    (srcdir / "talk.vtt").write_bytes((rootdir / "test-transcript-chapters/talk.vtt").read_bytes())
    (srcdir / "linted.json").write_text(LINTED)
    return build_once(srcdir)


def test_chapter_lint_findings_are_typed_warnings_at_the_chapter_files_lines(linted):
    found = {}
    for line in warnings(linted).splitlines():
        match = re.search(r"linted\.json:(\d+): WARNING: .*\[transcript\.([a-z-]+)\]$", line)
        assert match, line
        found.setdefault(match[2], []).append(int(match[1]))
    # Out of order (line 4 starts before line 3), after the transcript's end
    # (line 6), a title used twice (line 5); the overlap is suppressed.
    assert found == {"chapter-order": [4], "chapter-after-end": [6],
                     "chapter-duplicate-title": [5]}, found


def test_chapters_out_of_order_are_shown_in_time_order(linted):
    page = read(linted, "index.html")
    assert chapter_sections(page) == [
        ("ep-ch-intro", "Intro"), ("ep-ch-keystone", "Keystone"),
        ("ep-ch-questions", "Questions"), ("ep-ch-intro-2", "Intro"),
        ("ep-ch-encore", "Encore")]
    # The chapter after the last cue is there, empty.
    assert re.search(r'id="ep-ch-encore">\s*<h2>[^\n]*</h2>\s*</section>', page)
