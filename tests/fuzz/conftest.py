"""Fuzzing settings and the input counter: ``make fuzz`` runs this folder, ``make test`` does not.

``DATELINE_FUZZ_EXAMPLES`` scales every target (hypothesis examples per test). Each test adds
the number of inputs it really fed to Dateline to ``COUNTS``; the totals are printed at the end
of the run so the closing note can quote them.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

from tests.fuzz.strategies import COUNTS

EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "1000"))

settings.register_profile(
    "fuzz",
    max_examples=EXAMPLES,
    deadline=None,  # the CPU is shared: a slow example is not a bug here, a crash is
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    derandomize=False,
    print_blob=True,
)
settings.load_profile("fuzz")


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001
    if COUNTS:
        terminalreporter.write_sep("=", "fuzz inputs run")
        for name, count in sorted(COUNTS.items()):
            terminalreporter.write_line(f"{name:40} {count:>8,}")
        terminalreporter.write_line(f"{'total':40} {sum(COUNTS.values()):>8,}")
