"""Entities with clustered mentions: one entry per real-world actor in the article.

First version: NER spans grouped by their normalised text. The clustering rules (titles,
surnames, descriptions, pronouns) grow here.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}


class EntityClusterer:
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, doc: Doc) -> Doc:
        clusters: dict[tuple[str, str], dict[str, Any]] = {}
        for ent in doc.ents:
            kind = _KINDS.get(ent.label_)
            if kind is None:
                continue
            key = (kind, ent.text.lower().removeprefix("the "))
            cluster = clusters.setdefault(
                key,
                {"name": ent.text, "kind": kind, "label": ent.label_, "role": None, "actor_code": None, "mentions": []},
            )
            cluster["mentions"].append([ent.start_char, ent.end_char])
        doc._.dl_entities = [{"id": f"e{i}", **c} for i, c in enumerate(clusters.values(), start=1)]
        return doc
