"""A small mutation-testing driver: how many deliberate bugs do the tests catch?

``python -m tests.mutation MODULE... [--tests TEST...] [--jobs N]`` changes
one thing at a time in each module (see :mod:`tests.mutation.mutants`), runs
the tests that exercise it (``TESTS`` in ``__main__``, or ``--tests``) and
reports the score and every surviving mutant's place.  A developer tool, not
part of the default test run; ``tests/test_mutation_driver.py`` checks the
driver itself.
"""
