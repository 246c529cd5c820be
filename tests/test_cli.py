"""``transcript-lint``: options, output formats, exit statuses and bad inputs.

Most tests run :func:`main` in-process with a small fake rule catalog
(``tests/_fake_rules.py``) so the expected output is exact and independent of
the real rules' wording; the tests at the end run the real catalog on the
talk-python corpus.  We run as root, so a file made unreadable with
``chmod 000`` would still be read: unreadable files are simulated with a
dangling symbolic link and a FIFO instead.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
import types
from pathlib import Path

import pytest

from sphinxcontrib_transcript import __version__
from sphinxcontrib_transcript.cli import main
from sphinxcontrib_transcript.decoding import is_binary
from sphinxcontrib_transcript.model import FORMATS
from sphinxcontrib_transcript.readers import is_transcript

from . import _fake_rules

TXT = b"00:00:01 Hello\tworld\n\n00:00:05 SHOUT here\n"
CLEAN = b"00:00:01 Hello world\n\n00:00:05 quiet here\n"
SUMMARY = (
    "2 problems (1 error, 1 warning) in 1 file; 1 fixable with --fix; "
    "1 more with --unsafe-fixes\n"
)
TAB = "ep.txt:1:15: error [tab-char] tab character; use a space\n"
SHOUT = "ep.txt:3:10: warning [shout] shouting: 'SHOUT'\n"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, types.ModuleType]:
    monkeypatch.chdir(tmp_path)
    return _fake_rules.install(monkeypatch)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(name: str, data: bytes) -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# -- basics ---------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"transcript-lint {__version__}\n", "")


def test_help_returns_zero(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--help")
    assert status == 0
    assert out.startswith("usage: transcript-lint [-h] [--format {text,json,github,sarif,junit}]")
    assert "Exit status: 0 no error-level problem" in out
    assert err == ""


def test_main_reads_sys_argv_when_given_nothing(
    fake: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write("ep.txt", TXT)
    monkeypatch.setattr(sys, "argv", ["transcript-lint", "ep.txt", "--select", "tab-char"])
    assert main() == 1
    assert capsys.readouterr().out == TAB


def test_clean_file_prints_nothing(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    write("ep.txt", CLEAN)
    assert run(capsys, "ep.txt") == (0, "", "")


def test_text_output_and_summary(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    write("ep.txt", TXT)
    assert run(capsys, "ep.txt") == (1, TAB + SHOUT, SUMMARY)


def test_output_is_sorted_by_path_line_column(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    write("b.txt", b"00:00:01 a\tb\tc\n")
    write("a.txt", b"00:00:01 x\n\n00:00:02 a\tb\n")
    status, out, err = run(capsys, "b.txt", "a.txt", "--select", "tab-char")
    assert status == 1
    assert out == (
        "a.txt:3:11: error [tab-char] tab character; use a space\n"
        "b.txt:1:11: error [tab-char] tab character; use a space\n"
    )
    assert err == "2 problems (2 errors, 0 warnings) in 2 files; 2 fixable with --fix\n"


def test_warnings_alone_pass_unless_strict(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    write("ep.txt", b"00:00:01 SHOUT\n")
    line = "ep.txt:1:10: warning [shout] shouting: 'SHOUT'\n"
    summary = "1 problem (0 errors, 1 warning) in 1 file; 1 with --unsafe-fixes\n"
    assert run(capsys, "ep.txt") == (0, line, summary)
    assert run(capsys, "ep.txt", "--strict") == (1, line, summary)


def test_json_output(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    write("ep.txt", TXT)
    status, out, err = run(capsys, "--format", "json", "ep.txt")
    assert status == 1
    assert json.loads(out) == [
        {"path": "ep.txt", "line": 1, "column": 15, "rule": "tab-char", "level": "error",
         "message": "tab character; use a space", "fixable": True},
        {"path": "ep.txt", "line": 3, "column": 10, "rule": "shout", "level": "warning",
         "message": "shouting: 'SHOUT'", "fixable": True},
    ]
    assert err == SUMMARY


def test_json_output_when_clean_is_an_empty_array(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    write("ep.txt", CLEAN)
    assert run(capsys, "--format", "json", "ep.txt") == (0, "[]\n", "")


def test_github_output_escapes(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    write("dir,1/ep:1.txt", TXT)
    status, out, _ = run(capsys, "--format", "github", "dir,1/ep:1.txt")
    assert status == 1
    assert out == (
        "::error file=dir%2C1/ep%3A1.txt,line=1,col=15,title=tab-char::"
        "tab character; use a space\n"
        "::warning file=dir%2C1/ep%3A1.txt,line=3,col=10,title=shout::shouting: 'SHOUT'\n"
    )


# -- selection and configuration --------------------------------------------------


def test_select_ignore_extend_select(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    write("ep.txt", TXT)
    assert run(capsys, "ep.txt", "--select", "shout")[1] == SHOUT
    assert run(capsys, "ep.txt", "--ignore", "shout")[1] == TAB
    # Comma lists and repeated options both work.
    _status, out, _ = run(
        capsys, "ep.txt", "--select", "tab-char,shout", "--ignore", "shout",
        "--extend-select", "long-line", "--extend-select", "drop-cue",
    )
    assert out == TAB


def test_preset_option(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    write("ep.txt", TXT)
    _status, out, _ = run(capsys, "ep.txt", "--preset", "tight")
    assert out.splitlines() == [
        "ep.txt:1:11: error [long-line] line is 20 chars long (max 10)",
        TAB.rstrip(),
        SHOUT.rstrip(),
        "ep.txt:3:11: error [long-line] line is 19 chars long (max 10)",
    ]


def test_config_file_is_found_and_used(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    write("ep.txt", TXT)
    write("pyproject.toml", b'[tool.transcript-lint]\nignore = ["tab-char"]\n')
    assert run(capsys, "ep.txt")[1] == SHOUT


def test_explicit_config_option(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    write("ep.txt", TXT)
    write("conf/lint.toml", b'select = ["tab-char"]\n[rules.tab-char]\nlevel = "warning"\n')
    status, out, _ = run(capsys, "--config", "conf/lint.toml", "ep.txt")
    assert (status, out) == (0, TAB.replace("error", "warning"))


def test_per_file_ignores_through_the_cli(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    write("old/ep.txt", TXT)
    write("new/ep.txt", TXT)
    write(".transcript-lint.toml", b'[per-file-ignores]\n"old/*" = ["ALL"]\n')
    _status, out, _ = run(capsys, ".", "--select", "tab-char")
    assert out == "new/ep.txt:1:15: error [tab-char] tab character; use a space\n"


def test_exclude_applies_to_walks_and_named_files(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    write("tests/data/bad.txt", TXT)
    write("good.txt", CLEAN)
    write(".transcript-lint.toml", b'exclude = ["tests/data"]\n')
    assert run(capsys, ".") == (0, "", "")
    assert run(capsys, "tests/data/bad.txt", "--verbose") == (
        0, "",
        f"configuration: {Path.cwd() / '.transcript-lint.toml'}\n"
        "tests/data/bad.txt: skipped (excluded by the configuration)\n",
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--bogus"], "unrecognized arguments: --bogus (see transcript-lint --help)"),
        (["--format", "xml"],
         "argument --format: invalid choice: 'xml' (choose from 'text', 'json', 'github', "
         "'sarif', 'junit') "
         "(see transcript-lint --help)"),
        (["--jobs", "x"],
         "argument --jobs/-j: invalid int value: 'x' (see transcript-lint --help)"),
        (["--jobs", "-1"],
         "--jobs must be 0 (one per CPU) or more, not -1 (see transcript-lint --help)"),
        (["--select", "tab-chr", "ep.txt"],
         "--select: unknown rule 'tab-chr' (did you mean 'tab-char'?); "
         "`transcript-lint --list-rules` lists them"),
        (["--preset", "loose"], "--preset: unknown preset 'loose'; presets: tight, relaxed"),
        (["--explain", "shot"],
         "--explain: unknown rule 'shot' (did you mean 'shout'?); "
         "`transcript-lint --list-rules` lists them"),
        (["missing.vtt"], "missing.vtt: no such file or directory"),
        (["--config", "nope.toml"],
         "{cwd}/nope.toml: config file not found; check the --config path"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    fake: object, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    write("ep.txt", TXT)
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err == f"transcript-lint: error: {message.format(cwd=Path.cwd())}\n"


def test_bad_config_file_exits_2(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    write("ep.txt", TXT)
    write(".transcript-lint.toml", b"[rules.long-line]\nmax = 'ten'\n")
    assert run(capsys, "ep.txt") == (
        2, "",
        f"transcript-lint: error: {Path.cwd() / '.transcript-lint.toml'}: rules.long-line: "
        "max must be an integer, not a string ('ten')\n",
    )


def test_list_rules(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = run(capsys, "--list-rules")
    assert status == 0
    assert out == (
        "rule       level    enabled  fix     summary\n"
        "tab-char   error    on       safe    A tab character.\n"
        "long-line  warning  off      -       A line longer than max characters.\n"
        "shout      warning  on       unsafe  Fake shout.\n"
        "drop-cue   error    off      unsafe  Fake drop-cue.\n"
        "safe-liar  error    off      safe    Fake safe-liar.\n"
        "boom       error    off      -       Fake boom.\n"
        "vtt-only   error    off      -       Fake vtt-only.\n"
    )


def test_list_rules_shows_the_effective_configuration(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(capsys, "--list-rules", "--preset", "tight", "--format", "json")[1]
    records = {record["rule"]: record for record in json.loads(out)}
    assert records["long-line"] == {
        "rule": "long-line", "level": "error", "enabled": True, "fix": None,
        "formats": sorted(FORMATS),
            "summary": "A line longer than max characters.",
    }


def test_explain(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--explain", "tab-char") == (0, (
        "tab-char (error, on by default; fix: safe; formats: "
        f"{', '.join(sorted(FORMATS))})\n"
        "\n"
        "A tab character.\n"
        "\n"
        "Options\n"
        "-------\n"
        "\n"
        "None.\n"
        "\n"
        "Failing::\n"
        "\n"
        "    00:00:01\tHi\n"
    ), "")
    _status, out, _ = run(capsys, "--explain", "long-line")
    assert out.endswith(
        "Options (set in [tool.transcript-lint.rules.long-line]):\n"
        "  max (int, default 20): longest line allowed\n"
        "  unit (str, default 'chars'; one of 'chars', 'words'): what is counted\n"
        "  ratio (float, default 1.5): a float option\n"
        "  strict-mode (bool, default False): a bool option\n"
    )


# -- fixes ------------------------------------------------------------------------


def test_fix_writes_safe_fixes_and_reports_the_rest(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("ep.txt", TXT)
    status, out, err = run(capsys, "--fix", "ep.txt")
    assert path.read_bytes() == b"00:00:01 Hello world\n\n00:00:05 SHOUT here\n"
    assert (status, out) == (0, SHOUT)
    assert err == (
        "ep.txt: fixed (tab-char)\n"
        "1 problem (0 errors, 1 warning) in 1 file; 1 with --unsafe-fixes\n"
    )
    # Fixing again changes nothing.
    assert run(capsys, "--fix", "ep.txt") == (
        0, SHOUT, "1 problem (0 errors, 1 warning) in 1 file; 1 with --unsafe-fixes\n"
    )


def test_unsafe_fixes_imply_fix(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("ep.txt", TXT)
    assert run(capsys, "--unsafe-fixes", "ep.txt") == (0, "", "ep.txt: fixed (tab-char, shout)\n")
    assert path.read_bytes() == b"00:00:01 Hello world\n\n00:00:05 shout here\n"


def test_fix_keeps_permissions(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("ep.txt", TXT)
    path.chmod(0o604)
    run(capsys, "--fix", "ep.txt")
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


def test_refused_fix_is_reported(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("ep.txt", b"00:00:01 DROP me\n\n00:00:05 last\n")
    status, out, err = run(capsys, "--unsafe-fixes", "--select", "drop-cue", "ep.txt")
    assert path.read_bytes() == b"00:00:01 DROP me\n\n00:00:05 last\n"
    assert status == 1
    assert out == "ep.txt:1:10: error [drop-cue] DROP marker\n"
    assert err.splitlines()[0] == (
        "ep.txt: fix for [drop-cue] not applied: it would drop 1 cue(s) with text"
    )


def test_fix_on_read_only_file(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("ep.txt", TXT)
    path.chmod(0o444)
    status, out, _err = run(capsys, "--fix", "--select", "tab-char", "ep.txt")
    assert path.read_bytes() == TXT
    assert status == 1
    assert out == (
        "ep.txt:1:1: error [io-error] not fixed: it is read-only; make it writable "
        "(chmod u+w) to fix it\n" + TAB
    )


def test_fix_on_symlink_leaves_the_link(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    write("real.txt", TXT)
    Path("link.txt").symlink_to("real.txt")
    _status, out, _ = run(capsys, "--fix", "--select", "tab-char", "link.txt")
    assert Path("link.txt").is_symlink()
    assert Path("real.txt").read_bytes() == TXT
    assert out.splitlines()[0] == (
        "link.txt:1:1: error [io-error] not fixed: it is a symbolic link (to real.txt); "
        "not replaced by a file: run the fix on the file it points to"
    )


def test_diff_shows_the_fix_and_writes_nothing(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("ep.txt", TXT)
    status, out, err = run(capsys, "--diff", "ep.txt")
    assert path.read_bytes() == TXT
    assert status == 1
    assert out == (
        "--- ep.txt\n"
        "+++ ep.txt\n"
        "@@ -1,3 +1,3 @@\n"
        "-00:00:01 Hello\tworld\n"
        "+00:00:01 Hello world\n"
        " \n"
        " 00:00:05 SHOUT here\n"
    )
    assert err == "1 file would be fixed\n"


def test_diff_marks_a_missing_final_newline(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    write("ep.txt", b"00:00:01 a\tb")
    out = run(capsys, "--diff", "ep.txt")[1]
    assert out.endswith(
        "-00:00:01 a\tb\n\\ No newline at end of file\n"
        "+00:00:01 a b\n\\ No newline at end of file\n"
    )


def test_diff_with_nothing_to_fix_exits_0(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    write("ep.txt", b"00:00:01 SHOUT\n")
    assert run(capsys, "--diff", "ep.txt") == (0, "", "")
    assert run(capsys, "--diff", "--unsafe-fixes", "ep.txt")[0] == 1


# -- finding files --------------------------------------------------------------


def test_directories_are_walked_for_transcripts(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    tab = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\tb\n"
    write("show/ep1.vtt", tab)
    write("show/ep1.srt", b"1\n00:00:01,000 --> 00:00:02,000\na\tb\n")
    write("show/ep1.txt", b"00:00:01 a\tb\n")
    write("show/seg.json", b'{"version": "1.0.0",\t"segments": [{"startTime": 1, "body": "a"}]}\n')
    write("show/Upper.VTT", tab)
    write("show/call.md", b"# Call\n\n[00:19] **Ann**: a\tb\n")
    write("show/yt.sbv", b"0:00:01.000,0:00:02.000\na\tb\n")
    write("show/feed.html", b"<cite>Ann:</cite><time>0:01</time><p>a\tb</p>\n")
    write("show/tt.xml", b'<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin="1s">a\tb</p>'
          b"</body></tt>\n")
    write("show/whisper.json", b'{"text": "ab",\t"segments": [{"start": 0, "end": 1, '
          b'"text": "ab"}]}\n')
    # Not transcripts, or places never walked into:
    write("show/README.txt", b"Notes\twith a tab.\nNo times here.\n")
    write("show/README.md", b"# Notes\n\nMeet at 10:30\tsharp.\n")
    write("show/page.html", b"<p>Posted <time>2024-01-01</time>\ta</p>\n")
    write("show/pom.xml", b"<project>\ta</project>\n")
    write("show/package.json", b'{"name": "x", "x": "a\tb"}\n')
    write("show/notes.rst", tab)
    write("show/.git/x.vtt", tab)
    write("show/.hidden/x.vtt", tab)
    write("show/node_modules/x.vtt", tab)
    write("show/venv/pyvenv.cfg", b"home = /usr\n")
    write("show/venv/x.vtt", tab)
    Path("elsewhere").mkdir()
    write("elsewhere/x.vtt", tab)
    Path("show/linked").symlink_to(Path("elsewhere").resolve())
    status, out, _err = run(capsys, "show", "--select", "tab-char")
    assert [line.split(":")[0] for line in out.splitlines()] == [
        "show/Upper.VTT", "show/call.md", "show/ep1.srt", "show/ep1.txt", "show/ep1.vtt",
        "show/feed.html", "show/seg.json", "show/tt.xml", "show/whisper.json", "show/yt.sbv",
    ]
    assert status == 1


def test_verbose_lists_every_file_skipped_and_why(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    write("show/README.md", b"# Notes\n\nNo times here.\n")
    write("show/data.json", b'{"name": "x"}\n')
    write("show/.cache/x.vtt", b"WEBVTT\n")
    write("show/ep.txt", b"Intro without a time.\n\nMore prose.\n\n00:00:05 At last a time.\n")
    status, _out, err = run(capsys, "-v", "show")
    assert "show/README.md: not a transcript, not linted (no line starts with a timestamp)" in err
    assert 'show/data.json: not a transcript, not linted (JSON without a "segments"' in err
    assert f"show{os.sep}.cache{os.sep}: skipped (a hidden directory)" in err
    # One timed line among untimed ones is a transcript: linted, not skipped.
    assert "ep.txt" not in err
    assert status == 1


def test_a_named_file_that_is_no_transcript_gets_one_line(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    write("notes.txt", b"".join(b"Line %d of prose.\n" % n for n in range(300)))
    status, out, err = run(capsys, "notes.txt")
    assert (status, out) == (0, "")
    assert err.splitlines() == [
        "notes.txt: not a transcript, not linted (no line starts with a timestamp)",
    ]


def test_current_directory_is_the_default(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    write("sub/ep.txt", TXT)
    assert run(capsys, "--select", "tab-char")[1] == (
        "sub/ep.txt:1:15: error [tab-char] tab character; use a space\n"
    )


def test_named_files_that_are_not_transcripts_are_skipped(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    write("README.txt", b"Notes\twith a tab.\n")
    write("package.json", b'{"name": "x"}\n')
    write("other.rst", b"00:00:01 a\tb\n")
    named = ("README.txt", "package.json", "other.rst")
    status, out, err = run(capsys, *named, "--select", "tab-char")
    # Named files of other suffixes are read when their content is a transcript.
    assert (status, out) == (1, "other.rst:1:11: error [tab-char] tab character; use a space\n")
    # The others get one line each, not a problem per untimed line.
    assert err.splitlines()[:2] == [
        "README.txt: not a transcript, not linted (no line starts with a timestamp)",
        'package.json: not a transcript, not linted (JSON without a "segments" array '
        "(neither Podcasting 2.0 nor Whisper))",
    ]


def test_directory_without_transcripts(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    write("docs/index.rst", b"Title\n")
    assert run(capsys, "docs") == (
        0, "", "transcript-lint: warning: no transcript files found in docs\n"
    )


def test_a_file_named_twice_is_linted_once(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    write("ep.txt", TXT)
    assert run(capsys, "ep.txt", "./ep.txt", ".", "--select", "tab-char")[1] == TAB


# -- bad inputs -------------------------------------------------------------------


def test_dangling_symlink_is_unreadable(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    Path("gone.vtt").symlink_to("nowhere.vtt")
    write("ok.txt", TXT)
    status, out, err = run(capsys, "gone.vtt", "ok.txt", "--select", "tab-char")
    assert status == 1
    assert out == (
        "gone.vtt:1:1: error [io-error] cannot read the file: it is a symbolic link to "
        "'nowhere.vtt', which does not exist\n"
        "ok.txt:1:15: error [tab-char] tab character; use a space\n"
    )
    assert err == "2 problems (2 errors, 0 warnings) in 2 files; 1 fixable with --fix\n"


def test_dangling_symlink_in_a_walk_is_reported(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("d").mkdir()
    Path("d/gone.srt").symlink_to("nowhere.srt")
    assert run(capsys, "d")[1] == (
        "d/gone.srt:1:1: error [io-error] cannot read the file: it is a symbolic link to "
        "'nowhere.srt', which does not exist\n"
    )


def test_fifo_is_not_read(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo("pipe.vtt")
    assert run(capsys, "pipe.vtt") == (
        1,
        "pipe.vtt:1:1: error [io-error] not a regular file (a FIFO, socket or device); "
        "not read\n",
        "1 problem (1 error, 0 warnings) in 1 file\n",
    )


def test_binary_file(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    write("movie.vtt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    status, out, _ = run(capsys, "movie.vtt")
    assert status == 1
    assert out == (
        "movie.vtt:1:1: error [io-error] binary content, not text (NUL or control bytes in "
        "its first 8 KB); if it is UTF-16 without a byte order mark, re-save it as UTF-8\n"
    )


def test_non_utf8_file_names_the_probable_encoding(
    fake: object, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "00:00:01 Le café était très animé ce matin-là, où José et Hélène répétaient.\n\n"
        "00:00:04 Ça a été une journée déjà très chargée, dit-elle à l'élève.\n"
    )
    write("ep.txt", text.encode("cp1252"))
    status, out, _ = run(capsys, "ep.txt")
    assert status == 1
    # The decoder's diagnostic, shown even by the fake catalog (it has no such rule).
    match = re.fullmatch(
        r"ep\.txt:1:16: error \[invalid-utf8\] not valid utf-8 \(byte e9 at byte offset 15\); "
        r"it looks like ([\w-]+); re-save it as UTF-8 "
        r"\(transcript-lint --unsafe-fixes transcodes it\)\n",
        out,
    )
    assert match is not None, out
    assert codecs.lookup(match[1]).name.startswith("cp125")  # a Windows code page


def test_crash_in_one_file_does_not_stop_the_others(
    fake: dict[str, types.ModuleType], capsys: pytest.CaptureFixture[str]
) -> None:
    write("a.txt", TXT)
    write("b.txt", TXT)
    status, out, err = run(capsys, "a.txt", "b.txt", "--select", "boom,tab-char")
    assert status == 1
    assert out == (
        "a.txt:1:1: error [internal-error] crashed in rule boom (RuntimeError: kaput); this is "
        "a bug in transcript-lint: please report it with the file attached\n"
        "a.txt:1:15: error [tab-char] tab character; use a space\n"
        "b.txt:1:1: error [internal-error] crashed in rule boom (RuntimeError: kaput); this is "
        "a bug in transcript-lint: please report it with the file attached\n"
        "b.txt:1:15: error [tab-char] tab character; use a space\n"
    )
    assert "Traceback" not in err


def test_unexpected_crash_outside_rules_is_one_line(
    fake: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sphinxcontrib_transcript import cli

    def broken(*args: object, **kwargs: object) -> None:
        raise MemoryError("out of memory")

    write("ep.txt", TXT)
    monkeypatch.setattr(cli, "_process", broken)
    status, out, _err = run(capsys, "ep.txt")
    assert status == 1
    assert out == (
        "ep.txt:1:1: error [internal-error] crashed in linting the file (MemoryError: out of "
        "memory); this is a bug in transcript-lint: please report it with the file attached\n"
    )
    monkeypatch.setattr(cli, "_collect", broken)
    assert run(capsys, "ep.txt") == (
        2, "",
        "transcript-lint: error: internal error (MemoryError: out of memory); this is a bug "
        "in transcript-lint: please report it\n",
    )


def test_fifty_megabyte_file(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    line = ("word " * 190 + "end").encode()
    cues = [b"00:%02d:%02d " % divmod(i % 3600, 60) + line + b"\n\n" for i in range(55_000)]
    cues[-1] = b"00:59:59 SHOUT\n"
    data = b"".join(cues)
    assert len(data) > 50_000_000
    write("big.txt", data)
    status, out, _err = run(capsys, "big.txt", "--select", "tab-char,shout")
    assert status == 0
    assert out == "big.txt:109999:10: warning [shout] shouting: 'SHOUT'\n"


def test_fifty_megabyte_webvtt_with_every_default_rule(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    words = " ".join(f"w{n}" for n in range(120))
    count = 110_000
    def stamp(ms: int) -> str:
        hours, minutes, seconds = ms // 3_600_000, ms // 60_000 % 60, ms // 1000 % 60
        return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{ms % 1000:03d}"

    starts = [i * 2000 for i in range(count)]
    # One defect near the end: the last cue starts before the one above it ends.
    starts[-1] = starts[-2] + 500
    cues = [b"WEBVTT\n\n"] + [
        f"{stamp(start)} --> {stamp(start + 900)}\nCue {i}: {words}\n\n".encode()
        for i, start in enumerate(starts)
    ]
    data = b"".join(cues).rstrip(b"\n") + b"\n"
    assert len(data) > 50_000_000
    write("big.vtt", data)
    status, out, _ = run(capsys, "--format", "json", "big.vtt")
    problems = json.loads(out)
    last_timing_line = 2 + (count - 1) * 3 + 1
    assert [(p["line"], p["rule"]) for p in problems] == [(last_timing_line, "cue-overlap")]
    assert status == 1


# -- jobs ---------------------------------------------------------------------------


def test_jobs_give_the_same_output(fake: object, capsys: pytest.CaptureFixture[str]) -> None:
    # Worker processes are forked, so they see the fake catalog too.
    for number in range(6):
        write(f"ep{number}.txt", TXT)
    serial = run(capsys, ".")
    assert run(capsys, ".", "--jobs", "2") == serial
    assert run(capsys, ".", "-j", "0") == serial
    assert serial[0] == 1
    assert len(serial[1].splitlines()) == 12


# -- content sniffing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "suffix", "expected"),
    [
        (b"00:00:01 Hello\n\n00:00:05 World\n", ".txt", True),
        (b"[00:01] Hello\n", ".txt", True),
        (b"WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", ".txt", True),
        (b"1\n00:00:01,000 --> 00:00:02,000\nHi\n", ".txt", True),
        # A web page capture with WEBVTT far down is still a transcript.
        (b"1\n2\n3\n" * 5000 + b"WEBVTT\n", ".txt", True),
        (b"Meeting notes\nAgenda at 10:30 sharp\n", ".txt", False),
        (b"", ".txt", False),
        (b'{"version": "1.0.0", "segments": []}', ".json", True),
        (b'\xef\xbb\xbf {"segments": []}', ".json", True),
        (b'{"name": "x", "version": "1.0"}', ".json", False),
        (b'["segments"]', ".json", False),
    ],
)
def test_is_transcript(data: bytes, suffix: str, expected: bool) -> None:
    assert is_transcript(data, suffix) is expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WEBVTT\n\n00:01.000 --> 00:02.000\nHel\x00lo\n", False),  # a stray NUL is text
        (b"\xff\xfeW\x00E\x00B\x00", False),  # UTF-16 with its BOM
        (b"W\x00E\x00B\x00V\x00\x00\x00", True),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", True),
        (bytes(range(1, 8)) * 10, True),
    ],
)
def test_is_binary(head: bytes, expected: bool) -> None:
    assert is_binary(head) is expected


# -- the real catalog on the corpus --------------------------------------------------

KNOWN_DEFECTS = [
    ("001_nicola_iarocci_talk_python_to_me.vtt", "zero-duration", [1050, 1332]),
    ("214-Python-3-8-and-beyond.vtt", "cue-overlap", [1338, 3225]),
    # The known-defects list names the later cue of a pair; cue-order names the
    # cue moved out of place (681 was pasted above 683-691).
    ("484-from-react-to-a-django-htmx-based-stack.txt", "cue-order", [681, 1487]),
    ("history-5142ba53c3c9-out-of-order.vtt", "cue-order", [2571, 3439, 5583]),
    ("history-5142ba53c3c9-out-of-order.vtt", "cue-overlap", [3255]),
    ("history-5142ba53c3c9-out-of-order.vtt", "zero-duration", [3235]),
    ("history-0d5416e8be69-untimed-line.txt", "untimed-line", [124]),
]


@pytest.fixture
def outside(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Run from an empty directory: no project configuration applies."""
    monkeypatch.chdir(tmp_path)


@pytest.mark.usefixtures("outside")
@pytest.mark.parametrize(("name", "rule", "lines"), KNOWN_DEFECTS)
def test_corpus_defects_are_reported(
    corpus: Path, capsys: pytest.CaptureFixture[str], name: str, rule: str, lines: list[int]
) -> None:
    status, out, _ = run(capsys, "--format", "json", str(corpus / name))
    problems = json.loads(out)
    assert [p["line"] for p in problems if p["rule"] == rule] == lines
    assert status == (1 if any(p["level"] == "error" for p in problems) else 0)


@pytest.mark.parametrize(
    "name",
    ["000_tptm_introducing_the_show.vtt", "000_tptm_introducing_the_show.txt",
     "507-agentic-ai-workflows-with-langgraph.vtt",
     "507-agentic-ai-workflows-with-langgraph.txt"],
)
@pytest.mark.usefixtures("outside")
def test_clean_corpus_files_have_no_errors(
    corpus: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    status, out, _ = run(capsys, "--format", "json", str(corpus / name))
    assert [p for p in json.loads(out) if p["level"] == "error"] == []
    assert status == 0


@pytest.mark.usefixtures("outside")
def test_real_list_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    from sphinxcontrib_transcript.lint.rules import RULES

    status, out, _ = run(capsys, "--list-rules")
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()[1:]] == list(RULES)
    for rule_id in RULES:
        status, out, err = run(capsys, "--explain", rule_id)
        assert (status, err) == (0, "")
        assert out.startswith(f"{rule_id} ({RULES[rule_id].LEVEL}, ")
        assert ".. rubric::" not in out


@pytest.mark.parametrize(
    "argv", [[], ["a.vtt"], ["a.vtt", "dir", "b c.srt"], ["x-y.vtt", "+", "@list"]]
)
def test_paths_alone_are_read_as_argparse_reads_them(argv: list[str]) -> None:
    """A command line of nothing but paths skips argparse: it must come out the same."""
    from sphinxcontrib_transcript import cli

    fast = cli.parse_args(argv)
    assert "argparse" not in type(fast).__module__
    assert vars(fast) == vars(cli.build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [["-v", "a.vtt"], ["--", "-a.vtt"], ["a.vtt", "--fix"]])
def test_anything_with_a_dash_goes_to_argparse(argv: list[str]) -> None:
    from sphinxcontrib_transcript import cli

    assert type(cli.parse_args(argv)).__module__ == "argparse"
