"""The compiled French catalogue is kept in the cache folder under the .po's digest: a
later start reads it, a changed .po gets a new one, a damaged one is compiled again."""

from __future__ import annotations

import pytest

from pos.core import i18n

MSG = "A payment amount must be positive."
FR = "Un montant de règlement doit être positif."


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GUICHET_CACHE_DIR", str(tmp_path))
    i18n.translations.cache_clear()
    yield tmp_path / "locale"
    i18n.translations.cache_clear()


def _french(message: str) -> str:
    return i18n.translations("fr").gettext(message)


def test_the_catalogue_is_compiled_once_then_read_back(cache, monkeypatch):
    assert _french(MSG) == FR
    [mo] = cache.glob("guichet-fr-*.mo")
    i18n.translations.cache_clear()

    def no_compile(*_args):
        raise AssertionError("compiled again although the .mo is cached")

    monkeypatch.setattr(i18n, "_compile", no_compile)
    assert _french(MSG) == FR
    assert list(cache.glob("guichet-fr-*.mo")) == [mo]


def test_a_changed_catalogue_is_never_read_stale(cache, tmp_path, monkeypatch):
    assert _french(MSG) == FR
    locale = tmp_path / "po" / "fr" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    po = (i18n.LOCALE_DIR / "fr" / "LC_MESSAGES" / "guichet.po").read_text(encoding="utf-8")
    (locale / "guichet.po").write_text(po.replace(f'msgstr "{FR}"', 'msgstr "Positif, toujours."'),
                                      encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "po")
    i18n.translations.cache_clear()
    assert _french(MSG) == "Positif, toujours."
    assert len(list(cache.glob("guichet-fr-*.mo"))) == 2


def test_a_damaged_cached_file_is_compiled_again(cache):
    assert _french(MSG) == FR
    [mo] = cache.glob("guichet-fr-*.mo")
    mo.write_bytes(mo.read_bytes()[:40])
    i18n.translations.cache_clear()
    assert _french(MSG) == FR
    assert mo.stat().st_size > 40
