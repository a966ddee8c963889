"""One worker runs in this process and loads the pipeline on its first chunk: a run that parses
nothing (stored records, a rerun of a finished ingest) never pays the model load (~2 s)."""

from __future__ import annotations

from dateline.parallel import PipelinePool
from dateline.records import Article

_loads: list[str] = []


def _counted_loader(name: str) -> str:
    _loads.append(name)
    return name


def _echo(nlp: str, chunk: list[Article]) -> list[str]:
    return [f"{nlp}:{article.id}" for article in chunk]


def test_inline_pool_loads_on_first_chunk_only() -> None:
    _loads.clear()
    with PipelinePool(_echo, workers=1, loader=_counted_loader, loader_args=("model",)) as pool:
        assert _loads == []  # nothing submitted yet: nothing loaded
        first = pool.submit([Article(id="a", text="One.")]).result()
        second = pool.submit([Article(id="b", text="Two.")]).result()
    assert (first, second) == (["model:a"], ["model:b"])
    assert _loads == ["model"]


def test_given_pipeline_is_used_without_loading() -> None:
    _loads.clear()
    with PipelinePool(_echo, workers=1, loader=_counted_loader, loader_args=("model",), nlp="given") as pool:  # type: ignore[arg-type]
        assert pool.submit([Article(id="a", text="One.")]).result() == ["given:a"]
    assert _loads == []
