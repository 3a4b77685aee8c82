"""Qt translations: source strings are English, French is the default language."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[3] / "resources" / "translations"
PACKAGED = Path(__file__).resolve().parents[1] / "translations"


def language() -> str:
    """``fr`` unless ``GUICHET_LANG`` asks for another one (``en``)."""
    return os.environ.get("GUICHET_LANG", "fr").split("_")[0] or "fr"


def install_translator(app: QCoreApplication, lang: str | None = None) -> QTranslator | None:
    lang = lang or language()
    french = lang == "fr"
    QLocale.setDefault(QLocale(QLocale.Language.French if french else QLocale.Language.English))
    if lang == "en":
        return None  # the source strings are English
    translator = QTranslator(app)
    for folder in (TRANSLATIONS, PACKAGED):
        if translator.load(str(folder / f"guichet_{lang}.qm")):
            app.installTranslator(translator)
            return translator
    raise FileNotFoundError(f"no compiled translation guichet_{lang}.qm in {TRANSLATIONS}")
