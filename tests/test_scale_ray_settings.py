"""Which Ray settings ``start_ray`` passes: the runner's system settings only to a local Ray it
starts itself, never when joining a cluster at ``--address`` (that cluster's system settings
belong to whoever started it, and Ray refuses them on connect), and nothing at all when this
process is already connected. ``ray.init`` is replaced by a recorder: starting a real Ray to
read back its options would take most of a minute and prove nothing more about this choice."""

from __future__ import annotations

from typing import Any

import pytest

ray = pytest.importorskip("ray")


@pytest.fixture
def init_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", lambda **kwargs: calls.append(kwargs))
    return calls


def test_a_local_start_passes_the_runner_system_settings(init_calls: list[dict[str, Any]]) -> None:
    from dateline.scale.ray_runner import IDLE_WORKERS, LOCAL_SYSTEM_CONFIG, start_ray

    start_ray(None, 2)
    (call,) = init_calls
    assert call["address"] is None and call["num_cpus"] == 2
    assert call["_system_config"] == LOCAL_SYSTEM_CONFIG
    assert call["_system_config"]["num_workers_soft_limit"] == IDLE_WORKERS
    # A copy: Ray may keep or change what it is given, the runner's constant stays as it is.
    assert call["_system_config"] is not LOCAL_SYSTEM_CONFIG
    assert call["include_dashboard"] is False and call["log_to_driver"] is False


def test_joining_a_cluster_passes_no_system_settings_and_no_cpu_count(init_calls: list[dict[str, Any]]) -> None:
    from dateline.scale.ray_runner import start_ray

    start_ray("auto", 2)
    (call,) = init_calls
    assert call["address"] == "auto"
    assert call["_system_config"] is None
    assert call["num_cpus"] is None  # the cluster's own CPUs; -w sets the actors, not the cluster


def test_an_already_connected_process_starts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.scale.ray_runner import start_ray

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: True)
    monkeypatch.setattr(ray, "init", lambda **kwargs: calls.append(kwargs))
    start_ray(None, 2)
    assert calls == []
