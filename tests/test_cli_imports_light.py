"""Query commands (`dateline quotes`, `events`, `search`, `show`) start without loading spaCy or
pyarrow: importing the CLI app imports neither (they cost ~1 s and 0.12 s of CPU per command);
the commands that parse or write Parquet import them themselves."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_cli_app_loads_neither_spacy_nor_pyarrow():
    code = "import sys, dateline.cli.app; print(sorted(m for m in ('spacy', 'pyarrow') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
