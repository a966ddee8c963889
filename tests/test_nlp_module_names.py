"""Each module-level name in Dateline's modules is bound once.

quotes.py holds hundreds of rules and word sets; a second ``_SENTENCE_END = …`` near its end once
silently replaced the first for every rule above it. Python allows it and ruff's redefinition check
covers only functions and imports, so the whole package is checked here.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import dateline

PACKAGE = Path(dateline.__file__).parent


def _bound_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.append(node.target.id)
    return names


def test_no_module_level_name_is_bound_twice():
    twice = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        counts = Counter(_bound_names(ast.parse(path.read_text(encoding="utf-8"))))
        if repeated := sorted(name for name, n in counts.items() if n > 1):
            twice[str(path.relative_to(PACKAGE))] = repeated
    assert not twice
