"""The Ray runner's plan without Ray: the driver cuts the input into slices (JSONL line ranges,
other files whole) that shrink to one batch at the end, and the actor writes one part file per
slice under a hidden temporary name, so a retried slice replaces its file instead of adding a
second copy of its records. The actor is called in-process with the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from dateline.errors import Rejection
from dateline.ingest import read_inputs
from dateline.ingest.records import read_record_file
from dateline.ingest.slices import read_part

pq = pytest.importorskip("pyarrow.parquet")

SAMPLES = Path(__file__).parents[1] / "src" / "dateline" / "samples"


def test_slices_cover_every_article_once_and_shrink_to_one_batch_at_the_end():
    from dateline.scale.ray_runner import MAX_SLICE_BATCHES, slice_sizes

    for articles, actors in ((2000, 2), (2000, 1), (300, 2), (37, 2), (5, 3)):
        sizes = slice_sizes(articles, actors, 16)
        assert sum(sizes) == articles
        assert all(0 < s <= MAX_SLICE_BATCHES * 16 for s in sizes)
        assert sizes == sorted(sizes, reverse=True)
        assert all(s % 16 == 0 for s in sizes[:-1]) or articles < 16 * actors
    sizes = slice_sizes(2000, 2, 16)
    assert sizes[0] == MAX_SLICE_BATCHES * 16 and sizes[-4:] == [16, 16, 16, 16]
    assert slice_sizes(10, 2, 16) == [5, 5]  # under a batch per actor: every actor gets a share


def test_the_plan_cuts_jsonl_files_by_lines_and_keeps_other_files_whole(tmp_path):
    from dateline.scale.ray_runner import plan_slices

    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("".join((SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines(True)[:21]))
    text = SAMPLES / "mehr-qalandari.txt"
    missing = str(tmp_path / "missing.jsonl")
    files = [str(jsonl), str(text), missing]

    slices = plan_slices(files, actors=2, batch_size=4)

    assert [sum(1 for part in s for _ in read_part(part)) for s in slices] == [4, 4, 4, 4, 4, 3]
    read = [item for s in slices for part in s for item in read_part(part)]
    assert read == list(read_inputs(files))  # every article once, in input order, the missing file a rejection
    assert isinstance(read[-1], Rejection) and missing in str(read[-1])
    assert [p.end is None for p in slices[-1]] == [False, True, True]  # the last line range, then two whole files


def test_a_retried_slice_replaces_its_part_file(tmp_path, nlp):
    from dateline.ingest.slices import line_index
    from dateline.scale.ray_runner import _Extractor, part_name

    source = tmp_path / "in.jsonl"
    source.write_text("".join((SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines(True)[:3]))
    index = line_index(str(source))
    assert index is not None
    output = tmp_path / "out.parquet"
    output.mkdir()
    actor = _Extractor.__new__(_Extractor)  # its __init__ loads the pipeline: use the session's
    actor.nlp, actor.any_language, actor.output, actor.batch_size = nlp, False, output, 2
    batch = {"slice": np.array([7]), "parts": np.array([json.dumps([index.part(0, 3).to_json()])], dtype=object)}

    first = actor(batch).to_pylist()
    # A stale temporary file (a write killed half-way) is skipped by readers.
    (output / f".{part_name(9)}.123.tmp").write_bytes(b"PAR1 half a file")
    again = actor(batch).to_pylist()  # Ray retrying the slice on a new actor

    assert first == again == [{"slice": 7, "records": 3, "rejected": 0, "skipped": 0}]
    assert sorted(p.name for p in output.iterdir() if not p.name.startswith(".")) == [part_name(7)]
    assert not [p for p in output.iterdir() if p.name.startswith(f".{part_name(7)}")]  # renamed, none left
    records = list(read_record_file(str(output)))
    assert [x.id for x in records] == [x.id for x in read_inputs([str(source)])]  # type: ignore[union-attr]
