"""Fixtures of the data layer's tests."""

from __future__ import annotations

import pytest

from tests.handover_city import City, build_city


@pytest.fixture(scope="session")
def city(tmp_path_factory: pytest.TempPathFactory) -> City:
    """The article's city split into one file per unit, each with its first handover."""
    return build_city(tmp_path_factory.mktemp("city"))
