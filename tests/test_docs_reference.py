"""Docs are part of the code: a command that is not documented fails the build."""

from pathlib import Path

from dateline.cli.reference import render

ROOT = Path(__file__).parents[1]


def test_docs_cli_reference_is_current():
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current.strip() == render().strip(), "run: python -m dateline.cli.reference > docs/cli.md"


def test_docs_readme_names_every_top_level_command():
    import typer

    from dateline.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in typer.main.get_command(app).commands:  # type: ignore[attr-defined]
        assert f"dateline {name}" in readme, f"README does not mention `dateline {name}`"
