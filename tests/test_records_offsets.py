import json

from dateline.core import extract
from dateline.ingest.text import read_text_file
from dateline.records import Extraction
from tests.conftest import FIXTURES


def test_records_every_span_indexes_the_article_text(seed_extraction):
    text = seed_extraction.article.text
    spans = seed_extraction.spans()
    assert spans, "the seed article yields records"
    for label, span in spans:
        assert 0 <= span.start < span.end <= len(text), label
        assert span.of(text).strip() == span.of(text), f"{label} has edge whitespace"
    for entity in seed_extraction.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.of(text)


def test_records_bom_and_crlf_offsets_index_the_decoded_file(nlp):
    path = FIXTURES / "bom-crlf.txt"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    article = read_text_file(path)
    assert article.text == raw[3:].decode("utf-8")
    x = extract(article, nlp)
    names = {e.name for e in x.entities}
    assert any("Qalandari" in n for n in names)
    for _, span in x.spans():
        assert "\r" not in span.of(article.text).strip("\r")


def test_records_json_round_trip(seed_extraction):
    data = json.loads(json.dumps(seed_extraction.to_json()))
    assert set(data) >= {"id", "article", "entities", "quotes", "events", "pipeline"}
    assert data["pipeline"]["model"] and data["pipeline"]["version"]
    assert Extraction.from_json(data) == seed_extraction
