"""``transcript-convert``: formats by suffix or ``--to``, refusals and exit statuses.

Run in-process through :func:`main` (stdout and stderr captured), and once as
the installed console script and as ``python -m sphinxcontrib_transcript
convert`` in a fresh interpreter.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sphinxcontrib_transcript import load, loads
from sphinxcontrib_transcript.convert import main

from .conftest import CORPUS
from .youtube import rolling_vtt, words

CLEAN_VTT = CORPUS / "000_tptm_introducing_the_show.vtt"
BACKWARDS_TXT = CORPUS / "484-from-react-to-a-django-htmx-based-stack.txt"
SCRIPT = Path(sys.executable).with_name("transcript-convert")


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(("suffix", "fmt"), [(".srt", "srt"), (".txt", "txt"),
                                             (".json", "json"), (".vtt", "vtt")])
def test_the_output_suffix_chooses_the_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str, fmt: str
) -> None:
    out = tmp_path / f"episode{suffix}"
    assert run(capsys, CLEAN_VTT, out) == (0, "", "")
    converted = load(out)
    assert converted.format == fmt and converted.diagnostics == []
    original = load(CLEAN_VTT)
    assert [c.plain_text.split() for c in converted.cues] == [
        c.plain_text.split() for c in original.cues
    ]


def test_to_overrides_the_suffix_and_dash_is_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--to", "srt", CLEAN_VTT, "-")
    assert (status, err) == (0, "")
    assert out.startswith("1\n00:00:00,001 --> 00:00:06,440\nTalk Python To Me")
    assert len(loads(out, format="srt").cues) == len(load(CLEAN_VTT).cues)


def test_dash_is_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import io

    stdin = io.TextIOWrapper(io.BytesIO(b"00:00:01 Ann: Hello there.\n"))
    monkeypatch.setattr(sys, "stdin", stdin)
    out = tmp_path / "out.vtt"
    assert run(capsys, "-", out) == (0, "", "")
    assert out.read_text() == "WEBVTT\n\n00:00:01.000 --> 00:00:06.000\n<v Ann>Hello there.\n"


def test_refuses_to_overwrite_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "episode.srt"
    out.write_text("keep me\n")
    out.chmod(0o640)
    status, stdout, err = run(capsys, CLEAN_VTT, out)
    assert (status, stdout) == (1, "")
    assert err == f"transcript-convert: {out}: exists; give --force to replace it\n"
    assert out.read_text() == "keep me\n"
    assert run(capsys, "--force", CLEAN_VTT, out) == (0, "", "")
    assert load(out).format == "srt"
    # Replaced atomically, keeping the file's permissions, nothing left beside it.
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["episode.srt"]


def test_errors_in_the_input_stop_it_unless_lenient(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "episode.vtt"
    status, stdout, err = run(capsys, BACKWARDS_TXT, out)
    assert (status, stdout) == (1, "")
    lines = err.splitlines()
    assert lines[0].startswith(f"{BACKWARDS_TXT}:681:1: error [cue-order] cue starts at 00:28:23")
    assert lines[1].startswith(f"{BACKWARDS_TXT}:1487:1: error [cue-order]")
    assert lines[2] == (
        f"transcript-convert: {BACKWARDS_TXT}: 2 error(s) in the input, nothing written; fix "
        "them (transcript-lint --fix may) or convert anyway with --lenient"
    )
    assert not out.exists()
    status, _, err = run(capsys, "--lenient", BACKWARDS_TXT, out)
    assert status == 0
    assert err.count("[cue-order]") == 2
    assert len(load(out).cues) == len(load(BACKWARDS_TXT).cues)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a.vtt", "out.docx"], "transcripts cannot be written as '.docx'"),
        (["a.vtt", "-"], "say which format to write with --to ('-' has no suffix)"),
        (["--to", "mp3", "a.vtt", "b"], "transcripts cannot be written as 'mp3'"),
        (["--from", "doc", "a.vtt", "b.srt"], "unknown transcript format 'doc'"),
        (["a.vtt"], "the following arguments are required: OUT"),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    status, out, err = run(capsys, *args)
    assert (status, out) == (2, "")
    assert err.startswith("transcript-convert: error: ")
    assert message in err
    assert err.endswith("(see transcript-convert --help)\n")


def test_files_that_cannot_be_read_or_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, tmp_path / "missing.vtt", tmp_path / "out.srt")
    assert status == 1
    assert err == (
        f"transcript-convert: {tmp_path / 'missing.vtt'}: cannot read it (No such file or "
        "directory)\n"
    )
    assert run(capsys, "--force", "--to", "srt", CLEAN_VTT, tmp_path)[2] == (
        f"transcript-convert: {tmp_path}: is a directory; give a file name\n"
    )
    link = tmp_path / "link.srt"
    link.symlink_to(tmp_path / "elsewhere.srt")
    status, _, err = run(capsys, "--force", CLEAN_VTT, link)
    assert status == 1
    assert "is a symbolic link" in err
    assert not (tmp_path / "elsewhere.srt").exists()
    # No directory to make the temporary file in: said, and nothing left behind.
    status, _, err = run(capsys, CLEAN_VTT, tmp_path / "no-such-dir" / "out.srt")
    assert (status, err) == (
        1, f"transcript-convert: {tmp_path / 'no-such-dir' / 'out.srt'}: cannot write in "
        f"{tmp_path / 'no-such-dir'} (No such file or directory)\n",
    )


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.srt"
    out.write_bytes(b"old")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    assert run(capsys, "--force", CLEAN_VTT, out)[0] == 130
    assert out.read_bytes() == b"old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.srt"]


def test_text_a_format_cannot_hold_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "tags.vtt"
    source.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\nuse &lt;br&gt; here\n")
    status, _, err = run(capsys, source, tmp_path / "tags.srt")
    assert status == 1
    assert "1 word(s) would not read back" in err
    assert not (tmp_path / "tags.srt").exists()


def test_rolling_captions_are_derolled(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    timed = words()
    source = tmp_path / "auto.en.vtt"
    source.write_text(rolling_vtt(timed))
    assert run(capsys, source, tmp_path / "auto.txt") == (0, "", "")
    text = load(tmp_path / "auto.txt")
    assert [w for c in text.cues for w in c.plain_text.split()] == [w for w, _, _ in timed]
    assert run(capsys, "--keep-rolling", source, tmp_path / "raw.txt") == (0, "", "")
    assert len(load(tmp_path / "raw.txt").cues) == len(load(source).cues)


def test_console_script_and_python_m(tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    done = subprocess.run([str(SCRIPT), str(CLEAN_VTT), str(out)], capture_output=True,
                          text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert load(out).format == "json"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "sphinxcontrib_transcript", "convert",
         str(CLEAN_VTT), str(out)], capture_output=True, text=True, check=False,
    )
    assert done.returncode == 1
    assert f"{out}: exists; give --force to replace it" in done.stderr
    imported = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    assert "sphinxcontrib_transcript.convert" in imported
    assert not {name for name in imported if name.split(".")[0] in ("sphinx", "docutils")}
    # With no subcommand it is transcript-lint, as before.
    done = subprocess.run([sys.executable, "-m", "sphinxcontrib_transcript", str(BACKWARDS_TXT)],
                          capture_output=True, text=True, check=False, cwd=os.getcwd())
    assert done.returncode == 1
    assert "[cue-order]" in done.stdout


def test_a_broken_configuration_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".transcript-lint.toml").write_text("select = [\n")
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, CLEAN_VTT, tmp_path / "a.srt")
    assert (status, out) == (2, "")
    assert err.startswith("transcript-convert: error: ") and ".transcript-lint.toml" in err
    assert "bug" not in err
    assert not (tmp_path / "a.srt").exists()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from sphinxcontrib_transcript import __version__

    assert run(capsys, "--version") == (0, f"transcript-convert {__version__}\n", "")
