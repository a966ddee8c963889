"""The CLI reference (docs/cli.md), generated from the Typer app so it cannot drift.

``python -m dateline.cli.reference > docs/cli.md``; a test fails when the file is stale.
"""

from __future__ import annotations

from typing import Any

import typer

from dateline.cli import app


# Typer vendors its own copy of click, so commands are recognised by shape, not by class.
def _walk(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    found = [(path, command)]
    if hasattr(command, "commands"):
        for name in sorted(command.commands):
            found += _walk(command.commands[name], [*path, name])
    return found


def render() -> str:
    root = typer.main.get_command(app)
    lines = ["# `dateline` command reference", "", "Generated from the code by `python -m dateline.cli.reference`.", ""]
    for path, command in _walk(root, ["dateline"]):
        if command.hidden:
            continue
        lines += [f"## `{' '.join(path)}`", ""]
        if command.help:
            lines += [command.help.strip(), ""]
        params = [p for p in command.params if not getattr(p, "hidden", False)]
        if params:
            lines += ["| argument / option | help |", "|---|---|"]
            for param in params:
                if param.param_type_name == "argument":
                    name = f"`{(param.name or '').upper()}`"
                    text = getattr(param, "help", None) or ""
                else:
                    name = ", ".join(f"`{o}`" for o in (*param.opts, *param.secondary_opts))
                    text = getattr(param, "help", None) or ""
                    default = param.default
                    if default not in (None, False, (), []) and not callable(default):
                        text += f" (default: `{default}`)"
                lines.append(f"| {name} | {text.replace('|', '/')} |")
            lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(render())
