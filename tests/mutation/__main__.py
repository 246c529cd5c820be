"""``python -m tests.mutation MODULE...``: score the tests of each module.

A module is named by its path inside ``sphinxcontrib_transcript/``
(``timecode.py``, ``lint/rules/cue_order.py``) or from the project root.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .runner import mutate

ROOT = Path(__file__).resolve().parents[2]

PACKAGE = "sphinxcontrib_transcript"
# The tests that exercise each module: fast, targeted files (the whole suite
# would take minutes per mutant).  A module not listed needs --tests.
_TIMING_RULES = ["tests/test_timing_rules.py", "tests/rules/test_cue_order.py",
                 "tests/rules/test_zero_duration.py", "tests/rules/test_end_before_start.py",
                 "tests/rules/test_cue_overlap.py"]
TESTS = {
    "timecode.py": ["tests/test_timecode.py", "tests/test_writers.py",
                    "tests/test_sphinx_render.py"],
    "lint/rules/cue_order.py": ["tests/rules/test_cue_order.py", "tests/test_timing_rules.py",
                                "tests/test_repairs.py"],
    "lint/rules/zero_duration.py": ["tests/rules/test_zero_duration.py",
                                    "tests/test_timing_rules.py", "tests/test_repairs.py"],
    "lint/rules/end_before_start.py": ["tests/rules/test_end_before_start.py",
                                       "tests/test_timing_rules.py"],
    "lint/rules/_timing.py": ["tests/test_timing_helpers.py", *_TIMING_RULES, *(
        f"tests/test_fast_paths.py::test_{name}" for name in (
            "the_readers_timing_facts_are_true", "timing_facts_across_windows",
            "timing_facts_and_look_ups_on_any_times",
            "a_time_column_makes_every_time_after_many_look_ups",
            "timing_rules_find_the_same_with_and_without_the_readers_facts",
            "in_sequence_is_the_timing_rules_shortcut",
            "in_sequence_is_unknown_when_a_cue_has_no_end",
        )
    )],
    "readers/srt.py": ["tests/test_reader_srt.py", "tests/test_reader_srt_messages.py",
                       "tests/rules/test_srt_index.py", "tests/rules/test_bad_timestamp.py",
                       "tests/rules/test_bad_timing_line.py",
                       "tests/rules/test_missing_blank_line.py",
                       "tests/rules/test_blank_in_payload.py", "tests/rules/test_untimed_line.py",
                       "tests/rules/test_leading_junk.py", *(
                           f"tests/test_fast_paths.py::test_srt_fast_path_{name}" for name in (
                               "reads_each_kind_of_text",
                               "leaves_anything_to_report_to_the_line_reader",
                               "matches_the_line_by_line_reader_on_the_corpus",
                               "agrees_with_the_line_by_line_reader",
                           )
                       )],
    "readers/json.py": ["tests/test_reader_json_slow_path.py", "tests/test_reader_json.py",
                        "tests/rules/test_json_schema.py"],
}
# The SRT reader's messages moved out of srt.py; the same tests reach them.
TESTS["readers/_srt_messages.py"] = TESTS["readers/srt.py"]


def resolve(name: str) -> tuple[Path, str, str]:
    """``(file, dotted name, key in TESTS)`` of a module named on the command line.

    A file outside the package is imported by its name, from its directory.
    """
    key = name.removeprefix(f"{PACKAGE}/")
    inside = ROOT / PACKAGE / key
    if inside.is_file() and inside.resolve().is_relative_to(ROOT / PACKAGE):
        return inside, f"{PACKAGE}." + key.removesuffix(".py").replace("/", "."), key
    path = Path(name).resolve()
    sys.path.insert(0, str(path.parent))
    return path, path.stem, key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.mutation", description=__doc__)
    parser.add_argument("modules", nargs="+", metavar="MODULE")
    parser.add_argument("--tests", nargs="+", metavar="TEST",
                        help="pytest arguments to run instead of the module's mapped tests")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (default 1)")
    parser.add_argument("--fail-under", type=float, default=0.0, metavar="PERCENT",
                        help="exit 1 if a module scores below this")
    args = parser.parse_args(argv)
    failed = False
    for name in args.modules:
        path, module, key = resolve(name)
        if not path.is_file():
            parser.error(f"no module {name}")
        mapped = TESTS.get(key, [])
        tests = args.tests or [t for t in mapped if (ROOT / t.partition("::")[0]).exists()]
        if not tests:
            parser.error(f"no tests mapped to {key}; name them with --tests")
        result = mutate(module, tests, args.jobs, lambda line: print(line, file=sys.stderr))
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(result.report(str(shown)), flush=True)
        failed |= result.score < args.fail_under
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
