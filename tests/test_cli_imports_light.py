"""Query commands (`dateline quotes`, `events`, `search`, `show`) start without loading the heavy
libraries: importing the CLI app, the store, the JSONL/text readers and the Ray runner's driver
side loads none of spaCy (~1 s), datasketch with scipy (0.45 s), trafilatura (0.2 s), Ray or
pyarrow; the stages that parse, fingerprint, read HTML or write Parquet import them themselves."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "thinc", "datasketch", "scipy", "trafilatura", "ray", "pyarrow")


def test_query_and_read_paths_load_no_heavy_library():
    code = (
        "import sys, dateline.cli.app, dateline.store.sqlite, dateline.ingest, dateline.scale.ray_runner\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    # A fresh interpreter: this test process has imported all of them already.
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
