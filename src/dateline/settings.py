"""Where things are: defaults that commands and tests share, overridable by environment."""

from __future__ import annotations

import os
from pathlib import Path

# Articles per nlp.pipe batch and per store transaction: large enough to amortise a commit,
# small enough that a crash re-parses little and a worker's peak memory stays low (bench, 200
# Tehran Times articles: peak RSS 432 MB per worker at 16, 584 MB at 32, same throughput).
DEFAULT_BATCH_SIZE = 16


def shared_data_dir() -> Path:
    """The public gold data sets (``../shared/data`` beside a checkout), or ``$DATELINE_DATA``.

    Evaluation reads them at run time; none of their texts ship in the package.
    """
    env = os.environ.get("DATELINE_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "data"
        if (parent / "pyproject.toml").exists() and candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "data"
