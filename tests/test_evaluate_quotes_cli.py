"""``dateline eval quotes`` says so and exits non-zero when the gold data is absent."""

from __future__ import annotations

from typer.testing import CliRunner

from dateline.cli.app import app


def test_missing_data_folder_exits_non_zero(tmp_path):
    result = CliRunner().invoke(app, ["eval", "quotes", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "PolNeAR not found" in result.output


def test_missing_split_exits_non_zero(tmp_path):
    result = CliRunner().invoke(app, ["eval", "quotes", "--data", str(tmp_path), "--split", "train"])
    assert result.exit_code == 1
    assert "not found" in result.output


def test_unknown_split_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", "quotes", "--data", str(tmp_path), "--split", "test"])
    assert result.exit_code == 2
