"""Shared fixtures: the real English model (loaded once), real sample files, real SQLite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dateline.nlp import load_pipeline
from dateline.settings import shared_data_dir

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).parents[1] / "src" / "dateline" / "samples"

# Fuzzing (tests/fuzz, thousands of generated inputs) runs only in `make fuzz`, which sets this.
collect_ignore_glob = [] if os.environ.get("DATELINE_FUZZ") else ["fuzz/*"]


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SAMPLES / "mehr-qalandari.txt"


@pytest.fixture(scope="session")
def seed_extraction(nlp, seed_path):
    from dateline.core import extract
    from dateline.ingest.text import read_text_file

    return extract(read_text_file(seed_path), nlp)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"gold data not found at {path}")
    return path


# Web tests: a store with the annotated seed article, and Debian's chromium (one per session).
from tests.web_seed import chromium, web_db  # noqa: E402, F401


@pytest.fixture(scope="session")
def cluster(nlp):
    """``cluster(text)``: the entity dicts of ``text``, each with the ``texts`` of its mentions."""

    def run(text: str) -> list[dict]:
        return [{**e, "texts": [text[s:t] for s, t in e["mentions"]]} for e in nlp(text)._.dl_entities]

    return run
