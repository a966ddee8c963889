"""The package version, in one place."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dateline")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.1.0"
