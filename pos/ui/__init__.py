"""The PySide6 window. Thin: it shows, emits, and calls the core's services."""

from pos.ui.pyside_import_hook import install as _install_import_hook

_install_import_hook()
