"""Coverage-guided fuzzing of the readers, the linter and the fixes (atheris).

``python -m tests.fuzz --seconds 600 [--target vtt|srt|txt|json|sniff|lint|fix]``
runs the fuzzer (see :mod:`tests.fuzz.__main__`); :mod:`tests.fuzz.targets`
holds what each target checks, :mod:`tests.fuzz.seeds` the seed corpus made
from ``tests/data`` and the mutations, :mod:`tests.fuzz.harness` the atheris
entry point.  ``tests/test_fuzz.py`` runs a short fixed-seed pass.
"""
