"""The mutants of a module: one small change each, made with :mod:`ast`.

Each mutant replaces one expression or statement of the source by a changed
copy of its own text (so the rest of the file, comments included, stays
byte for byte), which says exactly where it is when it survives.  The
changes are the classic ones: a comparison to its boundary twin or its
negation (``<`` to ``<=``, ``==`` to ``!=``, ``in`` to ``not in``), an
arithmetic operator to its inverse, ``and`` to ``or``, ``not`` and unary
minus removed, a number plus one, ``True`` and ``False`` swapped, a string
made different (``"XX" + ...``), a returned value replaced by ``None``.

Not mutated: docstrings, annotations, ``TYPE_CHECKING`` blocks, the inside of
f-strings (the whole f-string is), and any statement whose first line says
``pragma: no cover`` or ``pragma: no mutate`` (with what it holds).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

_COMPARE = {
    ast.Lt: ("<", "<="), ast.LtE: ("<=", "<"), ast.Gt: (">", ">="), ast.GtE: (">=", ">"),
    ast.Eq: ("==", "!="), ast.NotEq: ("!=", "=="), ast.In: ("in", "not in"),
    ast.NotIn: ("not in", "in"), ast.Is: ("is", "is not"), ast.IsNot: ("is not", "is"),
}
_ARITHMETIC = {
    ast.Add: ("+", "-"), ast.Sub: ("-", "+"), ast.Mult: ("*", "/"), ast.Div: ("/", "*"),
    ast.FloorDiv: ("//", "*"), ast.Mod: ("%", "//"), ast.Pow: ("**", "*"),
    ast.LShift: ("<<", ">>"), ast.RShift: (">>", "<<"), ast.BitAnd: ("&", "|"),
    ast.BitOr: ("|", "&"), ast.BitXor: ("^", "&"),
}
_PRAGMAS = ("pragma: no cover", "pragma: no mutate")


@dataclass(frozen=True)
class Mutant:
    """One change: bytes ``start:end`` of the source become *replacement*."""

    line: int
    column: int
    kind: str
    start: int
    end: int
    replacement: bytes
    # Whether the change runs when the module is imported (outside any function
    # body): such a mutant needs a fresh interpreter, as other modules may have
    # read the value at import time.
    import_time: bool = False

    def apply(self, source: bytes) -> bytes:
        return source[: self.start] + self.replacement + source[self.end :]

    def describe(self, source: bytes) -> str:
        old = source[self.start : self.end].decode()
        new = self.replacement.decode()
        return f"{self.line}:{self.column + 1}: {self.kind}: {_one_line(old)} -> {_one_line(new)}"


def _one_line(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Finder:
    def __init__(self, source: bytes) -> None:
        self.source = source
        self.lines = source.split(b"\n")
        self.offsets = [0]
        for line in self.lines:
            self.offsets.append(self.offsets[-1] + len(line) + 1)
        self.found: list[Mutant] = []
        self.depth = 0  # function bodies entered

    def span(self, node: ast.AST) -> tuple[int, int]:
        # ast columns are UTF-8 byte offsets, as the source here is bytes.
        start = self.offsets[node.lineno - 1] + node.col_offset  # type: ignore[attr-defined]
        end = self.offsets[node.end_lineno - 1] + node.end_col_offset  # type: ignore[attr-defined]
        return start, end

    def text(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.source[start:end].decode()

    def add(self, node: ast.AST, kind: str, replacement: str) -> None:
        start, end = self.span(node)
        self.found.append(Mutant(
            node.lineno, node.col_offset, kind, start, end,  # type: ignore[attr-defined]
            replacement.encode(), import_time=self.depth == 0,
        ))

    def skipped(self, node: ast.AST) -> bool:
        if not isinstance(node, ast.stmt):
            return False
        return any(p in self.lines[node.lineno - 1].decode() for p in _PRAGMAS)

    def visit(self, node: ast.AST) -> None:
        if self.skipped(node):
            return
        self.mutate(node)
        if isinstance(node, ast.JoinedStr):
            return  # positions inside f-strings are unreliable before 3.12
        for name, value in ast.iter_fields(node):
            if name in ("annotation", "returns", "type_comment"):
                continue
            if isinstance(node, ast.If) and name == "body" and _type_checking(node.test):
                continue
            inside = name == "body" and isinstance(
                node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
            )
            self.depth += inside
            children = value if isinstance(value, list) else [value]
            body = name == "body" and isinstance(
                node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
            )
            for index, child in enumerate(children):
                if not isinstance(child, ast.AST):
                    continue
                if body and index == 0 and _is_docstring(child):
                    continue
                if isinstance(child, ast.Assign) and _assigns_type_checking(child):
                    continue
                self.visit(child)
            self.depth -= inside

    def mutate(self, node: ast.AST) -> None:
        if isinstance(node, ast.Compare):
            parts = [self.text(node.left)] + [self.text(c) for c in node.comparators]
            for i, op in enumerate(node.ops):
                old, new = _COMPARE[type(op)]
                ops = [_COMPARE[type(o)][0] for o in node.ops]
                ops[i] = new
                text = f"({parts[0]})" + "".join(
                    f" {o} ({p})" for o, p in zip(ops, parts[1:], strict=True)
                )
                self.add(node, f"{old} -> {new}", f"({text})")
        elif isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
            old, new = _ARITHMETIC[type(node.op)]
            self.add(node, f"{old} -> {new}",
                     f"(({self.text(node.left)}) {new} ({self.text(node.right)}))")
        elif isinstance(node, ast.AugAssign) and type(node.op) in _ARITHMETIC:
            old, new = _ARITHMETIC[type(node.op)]
            self.add(node, f"{old}= -> {new}=",
                     f"{self.text(node.target)} {new}= ({self.text(node.value)})")
        elif isinstance(node, ast.BoolOp):
            old, new = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
            text = f" {new} ".join(f"({self.text(v)})" for v in node.values)
            self.add(node, f"{old} -> {new}", f"({text})")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
            name = "not" if isinstance(node.op, ast.Not) else "unary -"
            self.add(node, f"{name} removed", f"({self.text(node.operand)})")
        elif isinstance(node, ast.Constant):
            self.constant(node)
        elif isinstance(node, ast.JoinedStr):
            self.add(node, "string changed", f'("XX" + {self.text(node)})')
        elif isinstance(node, ast.Return) and node.value is not None and not (
            isinstance(node.value, ast.Constant) and node.value.value is None
        ):
            self.add(node, "return None", "return None")

    def constant(self, node: ast.Constant) -> None:
        value = node.value
        if isinstance(value, bool):
            self.add(node, f"{value} -> {not value}", str(not value))
        elif isinstance(value, (int, float)):
            self.add(node, "number + 1", repr(value + 1))
        elif isinstance(value, str):
            self.add(node, "string changed", f'("XX" + {self.text(node)})')


def _is_docstring(node: ast.AST) -> bool:
    return (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str))


def _type_checking(test: ast.expr) -> bool:
    return isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"


def _assigns_type_checking(node: ast.Assign) -> bool:
    return any(isinstance(t, ast.Name) and t.id == "TYPE_CHECKING" for t in node.targets)


def mutants(source: bytes) -> Iterator[Mutant]:
    """Every mutant of *source*, in file order; each one still compiles."""
    finder = _Finder(source)
    finder.visit(ast.parse(source))
    for mutant in sorted(finder.found, key=lambda m: (m.start, m.end, m.kind)):
        compile(mutant.apply(source), "<mutant>", "exec")
        yield mutant
