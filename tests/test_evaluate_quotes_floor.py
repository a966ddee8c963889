"""Quality floor: quotes on the first 25 PolNeAR dev articles may not fall below today's figures.

Floors sit a little under the measured figures and only ever go up. The full dev split is
scored with ``dateline eval quotes`` (figures in the quotes issue's closing note).
"""

from __future__ import annotations

import pytest

from dateline.evaluate.quotes import evaluate_polnear

SUBSET = 25
# metric -> split -> (field, floor)
FLOORS = {
    "ggt@0.3": {"all": ("f1", 0.846), "direct": ("f1", 0.935), "indirect": ("f1", 0.795)},
    "ggt@0.8": {"all": ("f1", 0.794), "direct": ("f1", 0.907), "indirect": ("f1", 0.730)},
    "who_said_what": {"all": ("f1", 0.763), "direct": ("f1", 0.852), "indirect": ("f1", 0.713)},
    "exact_content_norm": {"all": ("f1", 0.706), "direct": ("f1", 0.843), "indirect": ("f1", 0.630)},
    "exact_source": {"all": ("f1", 0.810)},
    "exact_cue": {"all": ("f1", 0.751)},
}
SPEAKER_MATCH_FLOOR = 0.941


@pytest.fixture(scope="module")
def figures(nlp, shared_data):
    root = shared_data / "quotes" / "polnear"
    if not root.is_dir():
        pytest.skip(f"PolNeAR not found at {root}")
    return evaluate_polnear(nlp, root, "dev", SUBSET).as_dict()


@pytest.mark.parametrize(("metric", "split"), [(m, s) for m, splits in FLOORS.items() for s in splits])
def test_quote_metric_above_floor(figures, metric, split):
    field, floor = FLOORS[metric][split]
    assert figures[metric][split][field] >= floor, figures[metric][split]


def test_speaker_match_above_floor(figures):
    assert figures["ggt@0.3"]["all"]["speaker_match"] >= SPEAKER_MATCH_FLOOR
