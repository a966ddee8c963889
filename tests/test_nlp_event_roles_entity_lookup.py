"""event_roles.entity_at / entities_in read entities off the IOB tags instead of doc.ents: they
must give exactly what spaCy's doc.ents and sent.ents give, on a real article."""

from dateline.nlp.event_roles import entities_in, entity_at


def _key(span):
    return (span.start, span.end, span.label_)


def test_entity_lookups_agree_with_spacy(nlp, seed_path):
    doc = nlp(seed_path.read_text(encoding="utf-8"))
    assert len(doc.ents) > 10
    for sent in doc.sents:
        assert [_key(e) for e in entities_in(sent)] == [_key(e) for e in sent.ents]
    for ent in doc.ents:
        for tok in ent:
            found = entity_at(tok)
            assert found is not None and _key(found) == _key(ent)
    outside = [tok for tok in doc if tok.ent_iob_ == "O"]
    assert outside and all(entity_at(tok) is None for tok in outside)
