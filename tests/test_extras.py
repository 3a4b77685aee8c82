"""The optional extras issue 9 names (``guichet[usb]``, ``guichet[cups]``) are declared in
pyproject.toml with the library each connection needs: the README and the missing-library
messages tell the venue to install them by these names."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def requirement_names(extra: str) -> set[str]:
    extras = tomllib.loads(PYPROJECT.read_text())["project"]["optional-dependencies"]
    # PEP 508: the name comes first, before any extra, version or marker.
    return {re.match(r"[A-Za-z0-9._-]+", req.strip()).group(0).lower()
            for req in extras.get(extra, [])}


@pytest.mark.parametrize(("extra", "library"), [("usb", "pyusb"), ("cups", "pycups")])
def test_the_extra_is_declared_with_its_library(extra, library):
    assert library in requirement_names(extra)
