"""The version of the application, as installed (``zhaoshang --version``, manifests)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def app_version() -> str:
    try:
        return version("zhaoshang")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+source"
