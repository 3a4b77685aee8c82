"""Guichet: point-of-sale for the ticket window (refunds and exchanges)."""

import sys as _sys

__version__ = "0.1.0"

# PySide6 checks the source of every module imported after it (pos/ui/pyside_import_hook.py).
# The window imports pos.ui, which makes that check cheap, before PySide6; a process that
# imported PySide6 first (the start benchmark, a test, a host program) would pay the full
# check on SQLAlchemy and the core until pos.ui: the cheap one goes in now instead. Nothing
# is imported when PySide6 is not loaded (the CLI, the core's tests).
if "shiboken6" in _sys.modules:
    import pos.ui  # noqa: F401, E402  (installs the cheap check)
