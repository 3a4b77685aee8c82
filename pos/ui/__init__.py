"""The PySide6 window. Thin: it shows, emits, and calls the core's services."""

from pos.ui import pyside_fixes as _pyside_fixes  # noqa: E402

_pyside_fixes.install()  # PySide6 6.12's emit() drops a reference to True: see the module
