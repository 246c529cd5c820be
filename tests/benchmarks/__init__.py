"""The benchmark harness: our readers, linter, hook and Sphinx directive side by side with peers.

Run from the repository root, with the ``bench`` extra installed
(``pip install -e '.[bench]'``: webvtt-py, pysubs2, srt)::

    python -m tests.benchmarks                       # generated corpus of 100 episodes
    python -m tests.benchmarks --size 509            # as many as talk-python-transcripts has
    python -m tests.benchmarks --corpus DIR          # a real corpus (.vtt and .txt files)
    python -m tests.benchmarks --only read,lint      # some sections only
    python -m tests.benchmarks --output docs/benchmarks.rst   # also write the results page

Every section prints our time, each peer's time and the ratio, measured in
one run with the contenders interleaved (these machines are shared and noisy),
and says whether the target of issue 6 is met.  A section whose piece of the
project is missing says "not available yet" with the reason and the others
still run.  Not part of the test suite: ``tests/conftest.py`` ignores this
directory.
"""
