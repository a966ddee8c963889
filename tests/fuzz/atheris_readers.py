"""Coverage-guided fuzzing of the readers with atheris (libFuzzer), beside the hypothesis suite.

Run: ``.venv/bin/python tests/fuzz/atheris_readers.py -runs=100000`` (``make fuzz`` does, when
atheris is installed; it is optional, not a dev dependency, because it has no wheels for some
platforms). Any exception other than the documented ones is a crash and stops the run with the
input that caused it, which then becomes a regression test.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["dateline"]):
    from dateline.errors import Rejection
    from dateline.ingest.sources import read_stream
    from dateline.records import Article

NAMES = ("a.txt", "a.html", "a.jsonl", "a.rss", "a.jsonl.gz", "<stdin>")


def one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    for item in read_stream(data[1:], name):
        if not isinstance(item, (Article, Rejection)):
            raise AssertionError(f"reader yielded {type(item).__name__}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
