"""The venv's interpreter (Makefile, PYTHON): Debian's own python3.11 where it is there
with its venv module. It is built with profile-guided and link-time optimisation and a
statically linked libpython; a default source build (pyenv's) runs the same start-up in
16 % more instructions (README, Benchmarks)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEBIAN_PYTHON = Path("/usr/bin/python3.11")


def make_python(**env: str) -> str:
    result = subprocess.run(["make", "-s", "--no-print-directory", "which-python"], cwd=ROOT,
                            env={**os.environ, **env}, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def debian_python_has_venv() -> bool:
    if not DEBIAN_PYTHON.exists():
        return False
    probe = subprocess.run([str(DEBIAN_PYTHON), "-c", "import ensurepip, venv"],
                           capture_output=True, timeout=60)
    return probe.returncode == 0


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_the_makefile_picks_debians_python_where_it_has_its_venv_module():
    chosen = make_python()
    if debian_python_has_venv():
        assert chosen == str(DEBIAN_PYTHON)
    else:
        assert chosen == "python3"


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_an_interpreter_given_on_the_command_line_is_kept():
    assert make_python(PYTHON="/opt/other/python3") == "/opt/other/python3"


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_the_suite_runs_on_the_interpreter_the_makefile_picks():
    # What `make test` runs on: a venv left from another interpreter is made again.
    if os.environ.get("PYTHON"):
        pytest.skip("PYTHON is set: the venv follows it")
    chosen = shutil.which(make_python())
    assert chosen is not None
    base = os.path.realpath(getattr(sys, "_base_executable", sys.executable))
    probe = "import os, sys; print(os.path.realpath(sys.executable))"
    picked = subprocess.run([chosen, "-c", probe], capture_output=True, text=True,
                            timeout=60).stdout.strip()
    assert base == picked
