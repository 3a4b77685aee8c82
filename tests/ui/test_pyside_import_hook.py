"""The cheaper "does this module use PySide6?" gives PySide's own answer for every module
the window imports."""

from __future__ import annotations

import sys

import pos.ui  # noqa: F401  (installs the hook)
import pos.ui.app  # noqa: F401  (the window's modules: Qt, SQLAlchemy, ours)


def test_the_check_is_replaced_once():
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside.from_bytes
    from pos.ui.pyside_import_hook import install

    assert install() is False  # a second install leaves the first in place
    assert not getattr(feature._mod_uses_pyside.upstream, "from_bytes", False)


def test_the_answer_is_pysides_own_for_every_loaded_module():
    feature = sys.modules["shibokensupport.feature"]
    ours, upstream = feature._mod_uses_pyside, feature._mod_uses_pyside.upstream
    modules = [m for m in list(sys.modules.values()) if m is not None]
    answers = {m.__name__: (ours(m), upstream(m)) for m in modules}
    assert len(answers) > 300
    differ = {name: a for name, a in answers.items() if a[0] != a[1]}
    assert differ == {}
    assert answers["pos.ui.app"] == (True, True)
    assert answers["sqlalchemy.orm"] == (False, False)


def _run(code: str) -> str:
    import subprocess

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    return result.stdout.strip()


def test_pyside_imported_before_pos_gets_the_cheap_check_at_import_pos():
    # The start benchmark imports Qt first, then the core (SQLAlchemy's modules).
    assert _run("import PySide6.QtCore, sys; import pos.core.clock; "
                "print(sys.modules['shibokensupport.feature']._mod_uses_pyside.from_bytes)"
                ) == "True"


def test_pos_without_pyside_loads_no_qt():
    assert _run("import sys, pos.core.clock; print('shiboken6' in sys.modules)") == "False"
