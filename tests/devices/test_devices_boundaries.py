"""The device layer stays free of Qt widgets, the window, the database and the core's services."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_every_device_module_pulls_in_no_forbidden_module():
    code = (
        "import sys, pkgutil, importlib, pos.devices\n"
        "for m in pkgutil.iter_modules(pos.devices.__path__):\n"
        "    importlib.import_module('pos.devices.' + m.name)\n"
        "bad = ('PySide6', 'sqlalchemy', 'pos.ui',\n"
        "       'pos.core.services', 'pos.core.db', 'pos.core.models')\n"
        "print('\\n'.join(sorted(m for m in sys.modules if m.startswith(bad))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
