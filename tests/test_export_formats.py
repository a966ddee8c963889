"""Exports: JSONL round trip through ``ingest``, GDELT's 61 columns, Parquet, CSV, POLECAT JSON."""

from __future__ import annotations

import csv
import json

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from dateline import core
from dateline.export import GDELT_COLUMNS, ExportError, export
from dateline.export.gdelt import global_event_id
from dateline.store import SaveResult
from dateline.store.sqlite import SQLiteStore
from tests.store_seed import named, seed_gold, wikinews_rows


@pytest.fixture
def extractions():
    rows = wikinews_rows()
    return [seed_gold(), named(rows[17], ["Joe Biden", "Hunter Biden"], quote_of="Joe Biden")]


def test_export_jsonl_round_trips_through_ingest(tmp_path, extractions, nlp, seed_extraction):
    saved = [*extractions, seed_extraction]
    with SQLiteStore(tmp_path / "a.db") as first:
        for x in saved:
            first.save(x)
        out = tmp_path / "all.jsonl"
        assert export(first.iter_extractions(), "jsonl", None, out) == len(saved) - 1  # two share a text
    with SQLiteStore(tmp_path / "b.db") as second:
        report = core.ingest([str(out)], second, nlp)
        assert (report.stored, report.duplicates, report.rejected) == (2, 0, [])
        assert second.get(extractions[1].id) == extractions[1]
        assert second.get(extractions[0].id) in (extractions[0], seed_extraction)
        again = core.ingest([str(out)], second, nlp)
        assert (again.stored, again.duplicates) == (0, 2)


def test_export_jsonl_reader_rejects_spans_outside_the_text(tmp_path, nlp):
    record = seed_gold().to_json()
    record["quotes"][0]["content"] = [[10, 10**6]]
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with SQLiteStore(tmp_path / "c.db") as store:
        report = core.ingest([str(path)], store, nlp)
    assert report.stored == 0 and "outside" in str(report.rejected[0])


def test_export_gdelt_of_the_seed_loads_as_61_columns_with_cameo_codes(tmp_path, extractions):
    out = tmp_path / "events.tsv"
    assert export(extractions[:1], "gdelt", None, out) == 8
    table = pacsv.read_csv(
        out,
        read_options=pacsv.ReadOptions(column_names=GDELT_COLUMNS),
        parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=pacsv.ConvertOptions(column_types={c: "string" for c in GDELT_COLUMNS}),
    )
    assert table.num_columns == 61 and table.num_rows == 8
    rows = table.to_pylist()
    assassination = next(r for r in rows if r["EventCode"] == "186")
    assert (assassination["Actor1Code"], assassination["Actor1Name"]) == ("USA", "UNITED STATES")
    assert (assassination["Actor2Code"], assassination["Actor2CountryCode"], assassination["Actor2Type1Code"]) == (
        "IRNMIL",
        "IRN",
        "MIL",
    )
    assert (assassination["EventBaseCode"], assassination["EventRootCode"]) == ("186", "18")
    assert (assassination["QuadClass"], assassination["GoldsteinScale"]) == ("4", "-9.0")
    assert (assassination["SQLDATE"], assassination["MonthYear"], assassination["Year"]) == (
        "20200101",
        "202001",
        "2020",
    )
    assert assassination["SOURCEURL"] == "Mehr News Agency"  # the seed has no URL: the outlet is cited
    assert assassination["AvgTone"] == "-1.5000"
    consult = next(r for r in rows if r["EventRootCode"] == "04")
    assert (consult["ActionGeo_FullName"], consult["ActionGeo_Type"]) == ("New Delhi", "4")
    # GDELT's geography: FIPS 10-4 country (India is IN in both, Iran IR), ADM1, coordinates.
    assert (consult["ActionGeo_CountryCode"], consult["ActionGeo_ADM1Code"]) == ("IN", "IN07")
    assert (round(float(consult["ActionGeo_Lat"])), round(float(consult["ActionGeo_Long"]))) == (29, 77)
    assert all(len(r["GLOBALEVENTID"]) <= 15 for r in rows)
    with (tmp_path / "events.tsv.sources.tsv").open(encoding="utf-8") as handle:
        sources = list(csv.DictReader(handle, delimiter="\t"))
    side = next(s for s in sources if s["GLOBALEVENTID"] == assassination["GLOBALEVENTID"])
    assert side["GLOBALEVENTID"] == str(global_event_id("mehr-qalandari", side["event_id"]))
    assert side["licence"] == "CC-BY-4.0" and "assassinated by the U.S." in side["evidence"]


def test_export_gdelt_of_a_real_pipeline_extraction_keeps_61_columns(tmp_path, seed_extraction):
    out = tmp_path / "pipeline.tsv"
    n = export([seed_extraction], "gdelt", None, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == n == len(seed_extraction.events)
    assert all(len(line.split("\t")) == 61 for line in lines)


def test_export_parquet_is_typed_and_carries_licence_and_evidence(tmp_path, extractions):
    for what, expected in (("quotes", 14 + len(extractions[1].quotes)), ("events", 8), ("entities", 12)):
        out = tmp_path / f"{what}.parquet"
        assert export(extractions, "parquet", what, out) == expected
        table = pq.read_table(out)
        assert table.num_rows == expected
        rows = table.to_pylist()
        assert all(r["licence"] and r["evidence"] for r in rows if r["article_id"] == "mehr-qalandari")
    quotes = pq.read_table(tmp_path / "quotes.parquet").to_pylist()
    q7 = next(r for r in quotes if r["quote_id"] == "q7" and r["article_id"] == "mehr-qalandari")
    assert q7["content_spans"] == [[3073, 3286]] and "concluded" in q7["evidence"]
    assert str(pq.read_schema(tmp_path / "events.parquet").field("goldstein").type) == "double"


def test_export_csv_and_plover(tmp_path, extractions):
    out = tmp_path / "quotes.csv"
    export(extractions, "csv", "quotes", out)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["attribution"].startswith("Mehr News Agency") and json.loads(rows[0]["content_spans"])
    biden = [r for r in rows if r["speaker_name"] == "Joe Biden"]
    assert biden and all(r["licence"] for r in biden)
    plover = tmp_path / "events.jsonl"
    assert export(extractions, "plover", None, plover) == 8
    records = [json.loads(line) for line in plover.read_text(encoding="utf-8").splitlines()]
    assault = next(r for r in records if r["event_type"] == "ASSAULT")
    assert assault["recipient"][0] == {
        "name": "Qassem Soleimani",
        "code": "IRNMIL",
        "country": "IRN",
        "sectors": ["MIL"],
        "title": None,
    }
    assert (assault["quad_code"], assault["event_intensity"], assault["licence"]) == (4, -9.0, "CC-BY-4.0")
    assert "assassinated" in assault["event_text"]


def test_export_refuses_what_a_format_cannot_hold(tmp_path, extractions):
    with pytest.raises(ExportError, match="events only"):
        export(extractions, "gdelt", "quotes", tmp_path / "x")
    with pytest.raises(ExportError, match="unknown export format"):
        export(extractions, "xml", None, tmp_path / "x")


def test_export_reads_the_same_from_postgres(tmp_path, extractions):
    import os
    import uuid

    url = os.environ.get("DATELINE_TEST_PG")
    if not url:
        pytest.skip("DATELINE_TEST_PG is not set")
    from dateline.store.postgres import PostgresStore, drop_schema

    schema = f"test_{uuid.uuid4().hex[:12]}"
    try:
        store = PostgresStore(url, schema=schema)
    except BaseException:
        drop_schema(url, schema)
        raise
    try:
        assert all(store.save(x) is SaveResult.STORED for x in extractions)
        export(store.iter_extractions(), "jsonl", None, tmp_path / "pg.jsonl")
        export(extractions, "jsonl", None, tmp_path / "direct.jsonl")
        pg_lines = sorted((tmp_path / "pg.jsonl").read_text(encoding="utf-8").splitlines())
        assert pg_lines == sorted((tmp_path / "direct.jsonl").read_text(encoding="utf-8").splitlines())
    finally:
        store.close()
        drop_schema(url, schema)
