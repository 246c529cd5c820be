"""``--format junit``: problems as JUnit XML, for CI systems that show test reports.

One ``<testsuite>`` per file linted, named by its path; in it one
``<testcase>`` per problem (``path:line:col [rule]``) holding a
``<failure>`` whose ``type`` is the level (``error`` or ``warning``) and whose
text is the problem line; a file without problems gets one passing test case,
so a report lists every file checked.  Imported only when this format is
asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree

from .problems import Problem


def junit(problems: Sequence[Problem], files: Sequence[str] = ()) -> str:
    """The JUnit XML report of *problems* over *files* (a file with problems need
    not be in *files*)."""
    by_file: dict[str, list[Problem]] = {path: [] for path in files}
    for problem in problems:
        by_file.setdefault(problem.path, []).append(problem)
    root = ElementTree.Element("testsuites", {
        "name": "transcript-lint",
        "tests": str(sum(max(len(found), 1) for found in by_file.values())),
        "failures": str(len(problems)),
        "errors": "0",
    })
    for path, found in by_file.items():
        suite = ElementTree.SubElement(root, "testsuite", {
            "name": path, "tests": str(max(len(found), 1)), "failures": str(len(found)),
            "errors": "0", "skipped": "0",
        })
        if not found:
            ElementTree.SubElement(
                suite, "testcase", {"classname": path, "name": "transcript-lint"})
        for problem in found:
            case = ElementTree.SubElement(suite, "testcase", {
                "classname": path,
                "name": f"{problem.path}:{problem.line}:{problem.column} [{problem.rule}]",
                "file": path, "line": str(problem.line),
            })
            failure = ElementTree.SubElement(case, "failure", {
                "message": problem.message, "type": problem.level,
            })
            failure.text = str(problem)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(
        root, encoding="unicode")
