"""A Sphinx extension local to these docs: the reference, generated from the code.

Not part of the package; ``docs/conf.py`` loads it from ``docs/_ext``.  It
exists so that the reference cannot drift from the code:

* at ``builder-inited``, one stub page per lint rule in ``docs/rules/``
  (written only when missing or different, stale ones removed, as
  autosummary does), each holding a ``transcript-rule`` directive;
* ``transcript-rule`` renders a rule's page from its module (``LEVEL``,
  ``ENABLED``, ``FORMATS``, ``OPTIONS``, ``FIX``, the docstring, the presets
  that change it) and runs ``transcript-lint`` on its failing and passing
  examples, showing the real output;
* ``transcript-rule-index``: the catalog tables, in the registry's order;
* ``transcript-presets``: what each preset sets, from :data:`PRESETS`;
* ``transcript-cli``: ``transcript-lint``'s options, from its argparse parser;
* ``transcript-confval``: a ``confval`` whose type and default are read from
  what the extension registers with Sphinx;
* ``transcript-lint-run``: runs ``transcript-lint`` during the build on files
  written in the directive (or files of the docs) and shows its output, bare
  or the way pre-commit frames it; a different exit status than the page
  says is a warning;
* ``transcript-sphinx-run``: builds a one-page project around a transcript
  with ``sphinx-build`` and shows what it prints (lint on build);
* a transform that links every inline literal naming a rule (````cue-order````)
  to that rule's page;
* a check, once everything is read, that every option of the ``transcript``
  directive and every ``transcript_`` config value is documented, and that
  nothing documented is unknown to the code.

Every mismatch is a Sphinx warning, so ``sphinx-build -W`` fails on it.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import io
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import sphinxcontrib_transcript
from sphinxcontrib_transcript import cli
from sphinxcontrib_transcript.lint import rules as lint_rules
from sphinxcontrib_transcript.lint.presets import PRESETS

logger = logging.getLogger(__name__)

PACKAGE = Path(sphinxcontrib_transcript.__file__).parent
#: Where the rule stubs go, relative to the source directory.
RULES_DIR = "rules"
STUB_MARK = ".. Written by docs/_ext/transcript_docs.py from the rule's module: do not edit."
FORMAT_NAMES = {
    "vtt": "WebVTT", "srt": "SRT", "txt": "timestamped text", "json": "Podcasting 2.0 JSON",
    "chapters": ":ref:`chapter files <chapter-files>` (JSON, WebVTT, a YouTube list)",
}
FIX_TEXT = {
    "safe": ":ref:`safe <fixes>`, applied by ``--fix``",
    "unsafe": ":ref:`unsafe <fixes>`, applied by ``--unsafe-fixes`` only",
    None: "none",
}
# An option name in argparse help text, to be shown as a literal.
_FLAG = re.compile(r"(?<![\w`-])(--?[a-z][a-z-]*)")


def indent(text: str, prefix: str = "   ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


def toml_value(value: Any) -> str:
    """*value* written as TOML (the option values rules take)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def preset_changes(rule_id: str) -> list[tuple[str, dict[str, Any]]]:
    """``(preset, settings)`` for each preset that sets *rule_id*."""
    return [(name, table[rule_id]) for name, table in PRESETS.items() if rule_id in table]


def preset_text(settings: dict[str, Any]) -> str:
    parts = []
    for key, value in settings.items():
        if key == "enabled":
            parts.insert(0, "on" if value else "off")
        else:
            parts.append(f"``{key} = {toml_value(value)}``")
    return ", ".join(parts)


# -- running transcript-lint ------------------------------------------------------------


def run_cli(args: list[str], cwd: str) -> tuple[int, str]:
    """Run ``transcript-lint ARGS`` in this process, in *cwd*: exit status and output.

    stdout and stderr go to one buffer, in the order written, as on a
    terminal (the CLI flushes stdout before writing to stderr).
    """
    buffer = io.StringIO()
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
            status = cli.main(args)
    finally:
        os.chdir(previous)
    return status, buffer.getvalue()


@contextlib.contextmanager
def scratch(files: dict[str, bytes]) -> Iterator[str]:
    """A temporary directory holding *files* and an empty ``.transcript-lint.toml``
    (so the run uses the rules' defaults, whatever lies above ``/tmp``)."""
    with tempfile.TemporaryDirectory(prefix="transcript-docs-") as directory:
        Path(directory, ".transcript-lint.toml").write_bytes(b"")
        for name, data in files.items():
            Path(directory, name).write_bytes(data)
        yield directory


def console(command: str, output: str, status: int, *, show_status: bool) -> str:
    """A ``console`` code block: the command, its output and, if asked, its status."""
    lines = [f"$ {command}", *output.rstrip("\n").splitlines()]
    if show_status:
        lines += ["$ echo $?", str(status)]
    return ".. code-block:: console\n\n" + indent("\n".join(lines)) + "\n"


def pre_commit_frame(hook: dict[str, str], status: int, output: str) -> str:
    """*output* framed as pre-commit prints a hook's result (79 columns)."""
    verdict = "Passed" if status == 0 else "Failed"
    head = hook["name"] + "." * (79 - len(hook["name"]) - len(verdict)) + verdict
    if status == 0:
        return head + "\n"
    return f"{head}\n- hook id: {hook['id']}\n- exit code: {status}\n\n{output}"


def read_hooks(path: Path) -> dict[str, dict[str, str]]:
    """The hooks of ``.pre-commit-hooks.yaml``: id -> {id, name, entry}.

    The file is a flat list of mappings with scalar values; reading the few
    keys needed takes a regular expression, not a YAML library.
    """
    hooks: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(- |  )(id|name|entry):\s*(.+?)\s*$", line)
        if not match:
            continue
        if match[1] == "- ":
            current = {}
        current[match[2]] = match[3].strip("'\"")
        if match[2] == "id":
            hooks[match[3]] = current
    return hooks


# -- rule stubs -------------------------------------------------------------------------


def stub_text(rule_id: str) -> str:
    return (
        f"{STUB_MARK}\n\n.. _rule-{rule_id}:\n\n{rule_id}\n{'=' * len(rule_id)}\n\n"
        f".. transcript-rule:: {rule_id}\n"
    )


def write_rule_stubs(app: Sphinx) -> None:
    """One ``rules/<id>.rst`` per rule; stale generated stubs are removed."""
    directory = Path(app.srcdir, RULES_DIR)
    directory.mkdir(exist_ok=True)
    for rule_id in lint_rules.RULES:
        path = directory / f"{rule_id}.rst"
        text = stub_text(rule_id)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for path in directory.glob("*.rst"):
        if path.stem not in lint_rules.RULES and path.read_text(
            encoding="utf-8"
        ).startswith(STUB_MARK):
            path.unlink()


# -- directives -------------------------------------------------------------------------


class _Generated(SphinxDirective):
    """A directive that writes reST and parses it in place."""

    def parse(self, text: str) -> list[nodes.Node]:
        return self.parse_text_to_nodes(text, offset=self.lineno)

    def warn(self, message: str) -> None:
        logger.warning(message, location=self.get_location(), type="transcript-docs")

    def depend_on(self, *paths: Path) -> None:
        for path in paths:
            self.env.note_dependency(str(path))


class RuleDirective(_Generated):
    """``.. transcript-rule:: ID``: the body of a rule's page."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        rule_id = self.arguments[0]
        try:
            module = lint_rules.RULES[rule_id]
        except KeyError:
            self.warn(f"no lint rule {rule_id!r}")
            return []
        self.depend_on(Path(module.__file__ or ""), PACKAGE / "lint" / "presets.py")
        doc = inspect.cleandoc(module.__doc__ or "")
        body, _, _ = doc.partition(".. rubric:: Examples")
        for name in module.OPTIONS:
            if f"``{name}``" not in body:
                self.warn(f"{rule_id}: option {name!r} is not described in the docstring")
        parts = [self.facts(module), body.rstrip(), self.configuration(module),
                 ".. rubric:: Examples", *self.examples(module)]
        return self.parse("\n\n".join(parts) + "\n")

    @staticmethod
    def facts(module: ModuleType) -> str:
        rule_id = module.ID
        changes = preset_changes(rule_id)
        if module.ENABLED:
            enabled = "yes"
        else:
            enabled = (
                f"no: switch it on with ``--extend-select {rule_id}`` or "
                f"``extend-select = [\"{rule_id}\"]``"
            )
            if changes:
                enabled += ", or a preset below"
        formats = ", ".join(FORMAT_NAMES[f] for f in ("vtt", "srt", "txt", "json", "chapters")
                            if f in module.FORMATS)
        rows = [
            ("Level", f"``{module.LEVEL}``"),
            ("On by default", enabled),
            ("Formats", formats),
            ("Fix", FIX_TEXT[module.FIX]),
        ]
        if changes:
            rows.append(("Presets", "; ".join(
                f":ref:`{name} <presets>`: {preset_text(settings)}" for name, settings in changes
            )))
        rows.append(("In Sphinx", f"build warnings of type ``transcript.{rule_id}``"))
        return "\n".join(f":{name}: {value}" for name, value in rows)

    @staticmethod
    def configuration(module: ModuleType) -> str:
        lines = [f"[tool.transcript-lint.rules.{module.ID}]",
                 f"enabled = {toml_value(module.ENABLED)}",
                 f'level = "{module.LEVEL}"']
        lines += [f"{name} = {toml_value(option.default)}"
                  for name, option in module.OPTIONS.items()]
        return (
            ".. rubric:: Configuration\n\nThe defaults, as they would be written in "
            "``pyproject.toml``:\n\n.. code-block:: toml\n\n" + indent("\n".join(lines))
        )

    def examples(self, module: ModuleType) -> list[str]:
        rule_id = module.ID
        try:
            found = lint_rules.examples(module)
        except ValueError as exc:
            self.warn(str(exc))
            return []
        out = []
        for kind in ("failing", "passing"):
            files = [example for example in found if example.kind == kind]
            if not files:
                continue
            out.append(f"**{kind.capitalize()}**")
            for example in files:
                out.append(
                    f".. code-block:: text\n   :caption: {example.name}\n\n"
                    + indent(example.source.rstrip("\n"))
                )
            if any("\\" in example.source for example in files):
                out.append(
                    "Bytes a page cannot show are written as Python escapes: ``\\r`` is a "
                    "carriage return, ``\\uXXXX`` a character, ``\\xNN`` a raw byte, and "
                    "``\\`` at the end of a line means the line has no line break."
                )
            names = [example.name for example in files]
            args = ["--select", rule_id, *names]
            with scratch({example.name: example.data for example in files}) as directory:
                status, output = run_cli(args, directory)
            reported = f"[{rule_id}]" in output
            if kind == "failing" and not reported:
                self.warn(f"{rule_id}: the failing example is not reported:\n{output}")
            if kind == "passing" and output:
                self.warn(f"{rule_id}: the passing example is not clean:\n{output}")
            out.append(console(shlex.join(["transcript-lint", *args]), output, status,
                               show_status=kind == "passing"))
        return out


class RuleIndexDirective(_Generated):
    """``.. transcript-rule-index::``: one table per rule group, and the toctree."""

    def run(self) -> list[nodes.Node]:
        self.depend_on(PACKAGE / "lint" / "rules" / "__init__.py")
        from sphinxcontrib_transcript.lint.ruledocs import summary_line

        parts = []
        for group, modules in lint_rules.GROUPS.items():
            rows = []
            for module in modules:
                rows.append([
                    f":ref:`{module.ID} <rule-{module.ID}>`",
                    f"``{module.LEVEL}``",
                    "on" if module.ENABLED else "off",
                    module.FIX or "--",
                    summary_line(module).replace("|", "\\|"),
                ])
            table = "\n".join(
                "   * - " + "\n     - ".join(row) for row in
                [["Rule", "Level", "Default", "Fix", "What it finds"], *rows]
            )
            parts.append(
                f".. rubric:: {group}\n\n.. list-table::\n   :header-rows: 1\n"
                f"   :widths: 22 10 9 9 50\n   :class: transcript-rules\n\n{table}"
            )
        entries = "\n".join(f"   {rule_id}" for rule_id in lint_rules.RULES)
        parts.append(f".. toctree::\n   :hidden:\n\n{entries}")
        return self.parse("\n\n".join(parts) + "\n")


class PresetsDirective(_Generated):
    """``.. transcript-presets::``: every preset's settings, rule by rule."""

    def run(self) -> list[nodes.Node]:
        self.depend_on(PACKAGE / "lint" / "presets.py")
        rules = sorted({rule for table in PRESETS.values() for rule in table},
                       key=list(lint_rules.RULES).index)
        header = ["Rule", *[f"``{name}``" for name in PRESETS]]
        rows = [header]
        for rule in rules:
            rows.append([f":ref:`{rule} <rule-{rule}>`"] + [
                preset_text(PRESETS[name][rule]) if rule in PRESETS[name] else "--"
                for name in PRESETS
            ])
        table = "\n".join("   * - " + "\n     - ".join(row) for row in rows)
        return self.parse(f".. list-table::\n   :header-rows: 1\n\n{table}\n")


class CliDirective(_Generated):
    """``.. transcript-cli::``: usage and every option of ``transcript-lint`` (or of
    the command named as its argument, ``transcript-convert``)."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        program = self.arguments[0] if self.arguments else "transcript-lint"
        if program == "transcript-convert":
            from sphinxcontrib_transcript import convert

            self.depend_on(PACKAGE / "convert.py")
            parser = convert.build_parser()
        else:
            self.depend_on(PACKAGE / "cli.py")
            parser = cli.build_parser()
        parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=76)
        usage = parser.format_usage().strip()
        parts = [
            ".. code-block:: text\n\n" + indent(usage),
            parser.description or "",
            f".. program:: {program}",
        ]
        for action in parser._actions:  # argparse offers no public way to list them
            parts.append(self.option(action))
        # The epilog (exit status, configuration files) has sections of its own.
        return self.parse("\n\n".join(part for part in parts if part) + "\n")

    @staticmethod
    def option(action: argparse.Action) -> str:
        metavar = action.metavar
        if action.choices is not None:
            metavar = "{" + ",".join(map(str, action.choices)) + "}"
        elif metavar is None and action.nargs != 0:
            metavar = action.dest.upper()
        if action.option_strings:
            takes = action.nargs != 0
            signature = ", ".join(
                f"{flag} {metavar}" if takes else flag for flag in action.option_strings
            )
        else:
            signature = str(metavar)
        text = (action.help or "").replace("%(prog)s", cli.PROG)
        text = text[0].upper() + text[1:] + "." if text else ""
        text = _FLAG.sub(r"``\1``", text)
        if action.option_strings and action.nargs != 0:
            default = action.default
            if default not in (None, [], False) and "default" not in text:
                text += f" Default: ``{default}``."
            if isinstance(action, argparse._AppendAction):
                text += " May be given more than once."
        return f".. option:: {signature}\n\n" + indent(text)


class ConfvalDirective(_Generated):
    """``.. transcript-confval:: NAME``: a ``confval`` with type and default from the code."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        self.depend_on(PACKAGE / "sphinxext" / "__init__.py")
        name = self.arguments[0]
        registered = registered_extension().config
        if name not in registered:
            self.warn(f"{name!r} is not a config value the extension registers")
            return []
        default, types = registered[name]
        text = (
            f".. confval:: {name}\n   :type: {type_text(types)}\n"
            f"   :default: ``{default!r}``\n\n" + indent("\n".join(self.content))
        )
        return self.parse_text_to_nodes(text, offset=self.content_offset - 1)


class LintRunDirective(_Generated):
    """``.. transcript-lint-run:: transcript-lint ARGS``: run it, show the output.

    The content, if any, is written to the file named by ``:file:`` in a
    scratch directory (and shown, unless ``:hide-file:``); otherwise the
    command runs in ``:cwd:``, a directory of the docs.  ``:status:`` is the
    exit status the page expects; ``:pre-commit: HOOK`` frames the output as
    the pre-commit framework prints hook HOOK's result, under the command
    given by ``:prompt:`` (``git commit``).
    """

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "file": directives.unchanged_required,
        "hide-file": directives.flag,
        "cwd": directives.unchanged_required,
        "status": directives.nonnegative_int,
        "pre-commit": directives.unchanged_required,
        "prompt": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        self.depend_on(*sorted(PACKAGE.glob("lint/**/*.py")), PACKAGE / "cli.py")
        command = self.arguments[0]
        words = shlex.split(command)
        if words[:1] != ["transcript-lint"]:
            self.warn(f"the command must start with transcript-lint: {command!r}")
            return []
        parts = []
        name = self.options.get("file")
        if self.content:
            if not name:
                self.warn("a transcript-lint-run with content needs :file:")
                return []
            data = ("\n".join(self.content) + "\n").encode("utf-8")
            if "hide-file" not in self.options:
                parts.append(f".. code-block:: text\n   :caption: {name}\n\n"
                             + indent("\n".join(self.content)))
            with scratch({name: data}) as directory:
                status, output = run_cli(words[1:], directory)
        else:
            cwd = Path(self.env.srcdir, self.options.get("cwd", "."))
            status, output = run_cli(words[1:], str(cwd))
        expected = self.options.get("status")
        if expected is not None and status != expected:
            self.warn(f"{command!r} exited with {status}, the page says {expected}:\n{output}")
        hook_id = self.options.get("pre-commit")
        if hook_id:
            hooks_file = Path(self.env.srcdir).parent / ".pre-commit-hooks.yaml"
            self.depend_on(hooks_file)
            hooks = read_hooks(hooks_file)
            if hook_id not in hooks:
                self.warn(f"no hook {hook_id!r} in {hooks_file}")
                return []
            framed = pre_commit_frame(hooks[hook_id], status, output)
            prompt = self.options.get("prompt", "git commit")
            parts.append(console(prompt, framed, status, show_status=False))
        else:
            parts.append(console(command, output, status, show_status=expected is not None))
        return self.parse("\n\n".join(parts) + "\n")


class SphinxRunDirective(_Generated):
    """``.. transcript-sphinx-run::``: build a one-page project that renders the file
    in the content (named by ``:file:``) and show what ``sphinx-build`` prints.

    The project is ``docs/conf.py`` (``extensions = ["sphinxcontrib_transcript"]``)
    and ``docs/index.rst`` (a ``transcript`` directive) in a scratch directory;
    ``sphinx-build`` runs there in a fresh process, and the scratch directory's
    path is cut from its output so the paths read as relative ones.
    """

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "file": directives.unchanged_required,
        "status": directives.nonnegative_int,
    }
    COMMAND = ("sphinx-build", "-W", "--keep-going", "-q", "-b", "html", "docs",
               "docs/_build/html")

    def run(self) -> list[nodes.Node]:
        self.depend_on(*sorted(PACKAGE.glob("sphinxext/*.py")))
        name = self.options.get("file", "episode.vtt")
        files = {
            "docs/conf.py": b'extensions = ["sphinxcontrib_transcript"]\n',
            "docs/index.rst": f"Episode\n=======\n\n.. transcript:: {name}\n".encode(),
            f"docs/{name}": ("\n".join(self.content) + "\n").encode("utf-8"),
        }
        with tempfile.TemporaryDirectory(prefix="transcript-docs-") as directory:
            for path, data in files.items():
                Path(directory, path).parent.mkdir(parents=True, exist_ok=True)
                Path(directory, path).write_bytes(data)
            result = subprocess.run(
                [sys.executable, "-m", "sphinx", *self.COMMAND[1:]],
                cwd=directory, capture_output=True, text=True, check=False, timeout=300,
                env={**os.environ, "NO_COLOR": "1"},
            )
            output = (result.stdout + result.stderr).replace(directory + os.sep, "")
        expected = self.options.get("status")
        if expected is not None and result.returncode != expected:
            self.warn(f"sphinx-build exited with {result.returncode}, the page says "
                      f"{expected}:\n{output}")
        return self.parse(console(shlex.join(self.COMMAND), output, result.returncode,
                                  show_status=True))


# -- what the extension registers ----------------------------------------------------------


class Registered:
    """What :func:`setup_extension` registers, recorded by calling it on a stand-in app."""

    def __init__(self) -> None:
        self.config: dict[str, tuple[Any, Any]] = {}
        self.directives: dict[str, Any] = {}
        self.roles: dict[str, Any] = {}

    def add_config_value(self, name: str, default: Any, rebuild: Any,
                         types: Any = (), description: str = "") -> None:
        self.config[name] = (default, types)

    def add_directive(self, name: str, cls: Any, override: bool = False) -> None:
        self.directives[name] = cls

    def add_role(self, name: str, role: Any, override: bool = False) -> None:
        self.roles[name] = role

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None  # nodes, domains, events: not recorded


_registered: Registered | None = None


def registered_extension() -> Registered:
    global _registered  # noqa: PLW0603 - computed once per process
    if _registered is None:
        from sphinxcontrib_transcript.sphinxext import setup_extension

        recorder = Registered()
        setup_extension(recorder)  # type: ignore[arg-type]
        _registered = recorder
    return _registered


def type_text(types: Any) -> str:
    """A config value's accepted types, for a reader."""
    # sphinx.config.ENUM keeps its choices in ``candidates`` up to Sphinx 7.4,
    # ``_candidates`` from 8.0 on; it is not iterable in either.
    candidates = getattr(types, "_candidates", None) or getattr(types, "candidates", None)
    if candidates is not None:
        values = sorted(candidates, key=str)
        return ", ".join(f"``{value!r}``" for value in values[:-1]) + f" or ``{values[-1]!r}``"
    names = sorted(("None" if kind is type(None) else kind.__name__) for kind in types)
    if "None" in names:
        names.remove("None")
        names.append("None")
    return " or ".join(f"``{name}``" for name in names)


def check_documented(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about every registered option or config value without docs, and vice versa."""
    registered = registered_extension()
    documented_options = {
        name.split(":", 1)[1]
        for (kind, name) in env.get_domain("rst").objects
        if kind == "directive:option" and name.startswith("transcript:")
    }
    options = set(registered.directives["transcript"].option_spec)
    documented_confvals = {
        name for (kind, name) in env.get_domain("std").objects
        if kind == "confval" and name.startswith("transcript_")
    }
    confvals = set(registered.config)
    for missing in sorted(options - documented_options):
        logger.warning("the transcript directive's :%s: option is not documented", missing,
                       type="transcript-docs")
    for extra in sorted(documented_options - options):
        logger.warning("the docs describe a :%s: option the directive does not have", extra,
                       type="transcript-docs")
    for missing in sorted(confvals - documented_confvals):
        logger.warning("config value %s is not documented", missing, type="transcript-docs")
    for extra in sorted(documented_confvals - confvals):
        logger.warning("the docs describe config value %s, which is not registered", extra,
                       type="transcript-docs")
    rst_objects = env.get_domain("rst").objects
    for kind, name in (("directive", "transcript"), ("role", "transcript")):
        if (kind, name) not in rst_objects:
            logger.warning("the %s %r is not documented", kind, name, type="transcript-docs")


# -- linking rule IDs -----------------------------------------------------------------------


class LinkRuleIds(SphinxTransform):
    """Turn an inline literal that is exactly a rule ID into a link to its page."""

    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        own = self.env.docname
        for literal in list(self.document.findall(nodes.literal)):
            rule_id = literal.astext()
            if rule_id not in lint_rules.RULES or own == f"{RULES_DIR}/{rule_id}":
                continue
            if any(isinstance(parent, (nodes.reference, addnodes.pending_xref, nodes.title,
                                       addnodes.desc_signature, nodes.field_name))
                   for parent in _ancestors(literal)):
                continue
            xref = addnodes.pending_xref(
                "", refdomain="std", reftype="ref", reftarget=f"rule-{rule_id}",
                refexplicit=True, refwarn=True, refdoc=own,
            )
            literal.replace_self(xref)
            xref += literal


def _ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", write_rule_stubs)
    app.connect("env-check-consistency", check_documented)
    app.add_directive("transcript-rule", RuleDirective)
    app.add_directive("transcript-rule-index", RuleIndexDirective)
    app.add_directive("transcript-presets", PresetsDirective)
    app.add_directive("transcript-cli", CliDirective)
    app.add_directive("transcript-confval", ConfvalDirective)
    app.add_directive("transcript-lint-run", LintRunDirective)
    app.add_directive("transcript-sphinx-run", SphinxRunDirective)
    app.add_transform(LinkRuleIds)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

