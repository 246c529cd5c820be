"""The ``real`` section: lint time per MB and peak memory on long files of real content.

The scaling section repeats one clean episode; a real repository also holds
long files (a conference day, a podcast's whole year in one file) made of
episodes as people wrote them, defects kept, and past 99 hours their hours
take three digits.  :func:`corpus.end_to_end` makes such files of 1, 7 and
50 MB from the real episodes, and this section lints each in a fresh process
(start-up not counted): the time per MB must stay within 1.5x from the
smallest to the largest, and the linter's peak memory over a tiny file's
under 5x the largest file's size.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import corpus as corpus_module
from .timing import ChildResult, Unavailable, run_child, timed_call

if TYPE_CHECKING:
    from .run import Results

SIZES_MB = (1, 7, 50)
_LINT_SETUP = "from sphinxcontrib_transcript.cli import main"


def _best(command: list[str], scratch: Path, repeat: int) -> ChildResult:
    runs = []
    for _ in range(repeat):
        result = run_child(command, scratch, timeout=900)
        if result.inner is None:
            raise Unavailable(f"no time reported: {result.stderr.strip()[-200:]}")
        runs.append(result)
    return min(runs, key=lambda result: result.inner or 0.0)


def section_real(repeat: int, scratch: Path, results: Results) -> None:
    from .run import Row

    inputs = scratch / "real"
    inputs.mkdir(exist_ok=True)
    print(f"real: real episodes end to end, {', '.join(map(str, SIZES_MB))} MB; lint in a "
          f"fresh process, best of {repeat}, start-up not counted")
    command = timed_call("main(sys.argv[1:])", _LINT_SETUP)
    tiny = inputs / "tiny.vtt"
    tiny.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n", encoding="utf-8")
    floor = _best([*command, str(tiny)], scratch, 1)
    per_mb: dict[int, float] = {}
    largest: tuple[Path, ChildResult] | None = None
    for mb in SIZES_MB:
        path = inputs / f"end-to-end-{mb}mb.vtt"
        path.write_text(corpus_module.end_to_end(mb * 1_000_000), encoding="utf-8", newline="\n")
        measured = _best([*command, str(path)], scratch, repeat if mb < 50 else 1)
        size = path.stat().st_size
        per_mb[mb] = (measured.inner or 0.0) / (size / 1e6)
        largest = (path, measured)
        results.add(Row("real", f"lint {size / 1e6:.1f} MB of real episodes, per MB",
                        per_mb[mb], unit="s"))
    low, high = min(per_mb.values()), max(per_mb.values())
    spread = high / low
    results.add(Row(
        "real", f"lint time per MB, {SIZES_MB[0]} to {SIZES_MB[-1]} MB", high, "fastest MB",
        low, spread, f"{spread:.2f}x between the slowest and fastest size", "<= 1.5x",
        spread <= 1.5,
    ))
    assert largest is not None
    path, measured = largest
    size = path.stat().st_size
    grown = measured.max_rss - floor.max_rss
    results.add(Row(
        "real", f"lint {size / 1e6:.0f} MB of real episodes: peak memory over a tiny file's",
        grown, "file size", size, grown / size,
        f"{grown / size:.1f}x the file size (peak RSS {measured.max_rss / 1e6:.0f} MB, "
        f"floor {floor.max_rss / 1e6:.0f} MB)", "< 5x", grown / size < 5, unit="B",
    ))
