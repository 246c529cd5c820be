"""The atheris entry point: one target, libFuzzer's options after it.

Run by :mod:`tests.fuzz` (``python -m tests.fuzz``), which prepares the seed
corpus and the options; by hand::

    python -m tests.fuzz.harness TARGET [LIBFUZZER OPTION ...] [CORPUS DIR ...]

for instance ``python -m tests.fuzz.harness vtt -seed=1 -runs=2000 build/fuzz/vtt/corpus``.
The package is imported under :func:`atheris.instrument_imports`, so the
fuzzer is guided by the coverage of its code (not of the harness or the
standard library).  A failing input is saved by libFuzzer (``crash-<sha1>``
under ``-artifact_prefix``) and the exception is printed with its traceback.
"""

from __future__ import annotations

import os
import sys

#: How much slower the instrumented package runs than the plain one; the
#: time budget of each input is multiplied by this (``TRANSCRIPT_FUZZ_SCALE``).
INSTRUMENTED_SCALE = 4.0


def main(argv: list[str]) -> None:
    import atheris

    if len(argv) < 2:
        raise SystemExit("usage: python -m tests.fuzz.harness TARGET [LIBFUZZER OPTIONS]")
    name = argv[1]
    with atheris.instrument_imports(include=["sphinxcontrib_transcript"]):
        import sphinxcontrib_transcript.lint
        import sphinxcontrib_transcript.readers
        import sphinxcontrib_transcript.writers  # noqa: F401

    from . import targets

    if name not in targets.TARGETS:
        raise SystemExit(f"unknown target {name!r}; choose from {', '.join(targets.TARGETS)}")
    scale = float(os.environ.get("TRANSCRIPT_FUZZ_SCALE", INSTRUMENTED_SCALE))
    check = targets.timed(targets.target(name), scale)
    # Warm up outside the clock: the first file with non-ASCII text imports
    # ftfy, the first undecodable one charset-normalizer (0.1-0.3 s each).
    for warm in (b"WEBVTT\n\n00:01.000 --> 00:02.000\nAl\xc3\x83\xc2\xa1n caf\xe9\n",
                 b"\x00" + "00:00:01 é\n".encode("cp1252")):
        targets.target(name)(warm)

    def one_input(data: bytes) -> None:
        check(data)

    atheris.Setup([argv[0], *argv[2:]], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
