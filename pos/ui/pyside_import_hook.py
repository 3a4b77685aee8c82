"""PySide6's import hook, made cheap.

PySide6 replaces ``__import__`` (for ``from __feature__ import snake_case``) and, after
every import, asks whether the new module uses PySide by reading its whole source through
``inspect.getsource``, which tokenises it: about 60 ms of CPU for the ~470 modules the
window imports, some 8 % of a cold start (napari/napari#8584 measured the same).
The same question is answered here by searching the file's bytes for "PySide6"; anything
that is not a plain ``.py`` file gets PySide's own answer. Guichet selects no feature, so
either answer only decides which modules PySide would switch.
"""

from __future__ import annotations

import sys
from types import ModuleType


def install() -> bool:
    """Replaces the check once; False when this PySide6 has no such check (the hook is
    internal: another version may have changed it, and then nothing is touched)."""
    import shiboken6  # noqa: F401  (loads shibokensupport, before PySide6 sweeps sys.modules)

    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or getattr(upstream, "from_bytes", False):
        return False

    def _mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return upstream(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return upstream(module)

    _mod_uses_pyside.from_bytes = True  # type: ignore[attr-defined]
    _mod_uses_pyside.upstream = upstream  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[union-attr]
    return True
