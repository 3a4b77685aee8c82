"""The root of every domain error: its code, its template, rendered when read."""

from __future__ import annotations

from typing import ClassVar

from pos.core.i18n import N_, _, ngettext, render_params


class DomainError(Exception):
    code: ClassVar[str] = "domain_error"
    #: an English msgid, or (singular, plural) with ``Nn_`` and ``count`` naming the
    #: parameter that chooses the form
    template: ClassVar[str | tuple[str, str]] = N_("The operation is refused.")
    count: ClassVar[str] = "n"

    def __init__(self, **details: object) -> None:
        super().__init__()
        self.details = details

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        if isinstance(self.template, tuple):
            one, many = self.template
            text = ngettext(one, many, int(self.details[self.count]), lang)
        else:
            text = _(self.template, lang)
        return text.format(**render_params(self.details, lang))

    @property
    def message(self) -> str:
        """What the window shows, in the current language."""
        return self.render()

    def __reduce__(self) -> tuple:
        # Rebuilt from its state, not its args (a message is rendered, not stored).
        return _restore, (type(self), self.__dict__)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.details!r})"


def _restore(cls: type[DomainError], state: dict) -> DomainError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    return error


class ConfigurationMissing(DomainError):
    code = "configuration_missing"
    template = N_("The configuration is incomplete.")
