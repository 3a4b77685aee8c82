"""The language of the core's and the devices' messages (gettext, no Qt).

Source strings (msgids) are English; French lives in one gettext catalogue,
``pos/locale/fr/LC_MESSAGES/guichet.po``, extracted by Babel (``make translations``).
The .po is compiled the first time a language is used (Babel's ``read_po``/``write_mo``)
and the .mo kept in the user's cache folder under the .po's SHA-256, so a later start
reads the binary catalogue instead of parsing the .po again (about 40 ms of the window's
cold start): no binary .mo in git, nothing to rebuild by hand, never a stale one.

The window's start-up calls ``set_language`` with the language it gives Qt
(``$GUICHET_LANG``: ``fr`` by default, ``en``), so refusals read in the window's language.
Messages are rendered when shown: ``DomainError.message`` calls ``_`` at that moment.

Markers (Babel keywords, see the Makefile's ``translations``): ``N_("...")`` marks a
template kept for later rendering, ``Nn_(one, many)`` the same with a plural form,
``lazy("...", **params)`` a phrase rendered when shown, ``_("...")`` translates now,
``ngettext(one, many, n)`` picks a plural now.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import os
import struct
from decimal import Decimal
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "guichet"
SOURCE_LANGUAGE = "en"
DEFAULT_LANGUAGE = "fr"

_language = DEFAULT_LANGUAGE


def language_from_env() -> str:
    """``fr`` unless ``GUICHET_LANG`` asks for another one (the window's rule)."""
    return os.environ.get("GUICHET_LANG", DEFAULT_LANGUAGE).split("_")[0] or DEFAULT_LANGUAGE


def set_language(lang: str | None = None) -> str:
    """Choose the messages' language (``None``: from ``$GUICHET_LANG``); returns it."""
    global _language
    lang = (lang or language_from_env()).split("_")[0]
    translations(lang)  # fails now, at start-up, if the catalogue is missing
    _language = lang
    return lang


def current_language() -> str:
    return _language


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English: the msgids themselves)."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.exists():
        raise FileNotFoundError(f"no message catalogue {po}")
    source = po.read_bytes()
    cached = _cache_dir() / f"{DOMAIN}-{lang}-{hashlib.sha256(source).hexdigest()[:16]}.mo"
    try:
        with cached.open("rb") as f:
            return gettext.GNUTranslations(f)
    except (OSError, EOFError, struct.error, UnicodeDecodeError):
        pass  # not compiled yet, or a damaged file: compile it again
    compiled = _compile(source, lang)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(compiled)
        os.replace(partial, cached)  # atomic: a concurrent start reads all or nothing
    except OSError:
        pass  # a read-only cache folder only costs the compile at each start
    return gettext.GNUTranslations(io.BytesIO(compiled))


def _cache_dir() -> Path:
    import platformdirs

    return Path(os.environ.get("GUICHET_CACHE_DIR")
                or platformdirs.user_cache_dir("guichet")) / "locale"


def _compile(source: bytes, lang: str) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.BytesIO(source), locale=lang))  # no fuzzy, as msgfmt
    return buffer.getvalue()


def _(message: str, lang: str | None = None) -> str:
    """``message`` (an English msgid) in the current language, or in ``lang``."""
    return translations(lang or _language).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    return translations(lang or _language).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a msgid for extraction without translating it (rendered later by ``_``)."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - gettext's style
    """Marks a msgid with its plural form, rendered later by ``ngettext``."""
    return singular, plural


class Lazy:
    """A msgid with its parameters, rendered in the language current when shown (a
    state word, a field name, a phrase inside a refusal). ``lazy`` is a Babel keyword."""

    __slots__ = ("msgid", "params")

    def __init__(self, msgid: str, **params: object) -> None:
        self.msgid = msgid
        self.params = params

    def render(self, lang: str | None = None) -> str:
        text = _(self.msgid, lang)
        return text.format(**render_params(self.params, lang)) if self.params else text

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"lazy({self.msgid!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lazy) and (self.msgid, self.params) == (other.msgid, other.params)

    def __hash__(self) -> int:
        return hash(self.msgid)


def lazy(msgid: str, **params: object) -> Lazy:
    return Lazy(msgid, **params)


class RenderedError(Exception):
    """An error whose text is rendered when it is read, in the language current then:
    the root of the core's ``DomainError`` and the devices' ``DeviceError``."""

    def render(self, lang: str | None = None) -> str:
        raise NotImplementedError

    @property
    def message(self) -> str:
        """What the window shows, in the current language."""
        return self.render()

    def __reduce__(self) -> tuple:
        # Rebuilt from its state, not its args (a message is rendered, not stored).
        return _restore, (type(self), self.__dict__)


def _restore(cls: type[RenderedError], state: dict) -> RenderedError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    return error


def render_params(params: dict[str, object], lang: str | None = None) -> dict[str, object]:
    """Parameters ready for ``str.format``: lazy texts and nested errors rendered, and
    an amount (a Decimal) as the cashier reads it, ``110,00 €``, never ``110.00``."""
    from pos.formatting import money

    return {k: v.render(lang) if hasattr(v, "render")
            else money(v) if isinstance(v, Decimal) else v for k, v in params.items()}
