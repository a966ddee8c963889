"""``ingest.slices``: a JSONL file cut into line ranges (found by a scan for newlines, nothing
parsed) reads back exactly as the whole file does — the same articles in the same order, a broken
line rejected with the whole file's line number — plain or gzipped; any other input is read whole."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from dateline.errors import Rejection
from dateline.ingest import read_inputs
from dateline.ingest.slices import Part, line_index, read_part

SAMPLES = Path(__file__).parents[1] / "src" / "dateline" / "samples"


def _with_bad_lines(tmp_path: Path) -> Path:
    lines = (SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    # A broken line, an empty one and a line with no text among the articles.
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join([*lines[:5], "{not json", "", *lines[5:9], '{"id": "x"}', *lines[9:]]) + "\n")
    return source


def _read_in_parts(path: Path, lines_per_part: int) -> list[object]:
    index = line_index(str(path))
    assert index is not None
    parts = [index.part(i, min(i + lines_per_part, len(index))) for i in range(0, len(index), lines_per_part)]
    # Parts travel to other processes as JSON.
    return [item for part in parts for item in read_part(Part.from_json(json.loads(json.dumps(part.to_json()))))]


def test_parts_of_a_jsonl_file_read_as_the_whole_file(tmp_path):
    source = _with_bad_lines(tmp_path)
    whole = list(read_inputs([str(source)]))
    assert len(line_index(str(source))) == 15  # every line, the empty one included
    for size in (1, 4, 7, 15):
        assert _read_in_parts(source, size) == whole
    rejected = [str(x) for x in whole if isinstance(x, Rejection)]
    assert [r.split(": ")[0] for r in rejected] == [f"{source}:6", f"{source}:12"]


def test_parts_of_a_gzipped_jsonl_file_read_as_the_whole_file(tmp_path):
    plain = _with_bad_lines(tmp_path)
    source = tmp_path / "news.jsonl.gz"
    with plain.open("rb") as raw, gzip.open(source, "wb") as packed:
        shutil.copyfileobj(raw, packed)
    index = line_index(str(source))
    assert index is not None and index.gzipped and index.size == plain.stat().st_size
    assert _read_in_parts(source, 4) == list(read_inputs([str(source)]))


def test_a_file_without_a_final_newline_keeps_its_last_line(tmp_path):
    source = tmp_path / "two.jsonl"
    source.write_text('{"id": "a", "text": "Rain fell in Cairo."}\n{"id": "b", "text": "Snow fell in Oslo."}')
    assert [x.id for x in _read_in_parts(source, 1)] == ["a", "b"]  # type: ignore[attr-defined]


def test_other_inputs_are_read_whole(tmp_path):
    assert line_index(str(SAMPLES / "mehr-qalandari.txt")) is None
    missing = str(tmp_path / "gone.jsonl")
    assert line_index(missing) is None
    (rejection,) = read_part(Part(missing))
    assert isinstance(rejection, Rejection) and "no such file" in str(rejection)
    (article,) = read_part(Part(str(SAMPLES / "mehr-qalandari.txt")))
    assert article == next(read_inputs([str(SAMPLES / "mehr-qalandari.txt")]))


def test_a_part_whose_file_went_away_is_a_rejection_naming_its_lines(tmp_path):
    source = _with_bad_lines(tmp_path)
    part = line_index(str(source)).part(4, 8)  # type: ignore[union-attr]
    source.unlink()
    (rejection,) = read_part(part)
    assert isinstance(rejection, Rejection) and str(rejection).startswith(f"{source}: cannot read lines from 5")
