"""The curated public API: everything in ``__all__`` exists, and nothing public is left out."""

import dateline


def test_public_api_all_members_exist():
    for name in dateline.__all__:
        assert hasattr(dateline, name), name


def test_public_api_is_curated():
    public = {n for n in dir(dateline) if not n.startswith("_") and not _is_submodule(n)}
    assert public <= set(dateline.__all__), public - set(dateline.__all__)


def _is_submodule(name: str) -> bool:
    return type(getattr(dateline, name)).__name__ == "module"
