"""Qt translations: source strings are English, French is the default language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from pos.core.i18n import language_from_env

TRANSLATIONS = Path(__file__).resolve().parents[3] / "resources" / "translations"
PACKAGED = Path(__file__).resolve().parents[1] / "translations"


def language() -> str:
    """``fr`` unless ``GUICHET_LANG`` asks for another one (``en``): the core's rule, so
    that the window and the messages it shows never disagree."""
    return language_from_env()


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
