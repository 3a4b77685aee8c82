"""The root of every domain error: its code, its template, rendered when read."""

from __future__ import annotations

from typing import ClassVar

from pos.core.i18n import N_, RenderedError, _, ngettext, render_params


class DomainError(RenderedError):
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

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.details!r})"


class ConfigurationMissing(DomainError):
    code = "configuration_missing"
    template = N_("The configuration is incomplete.")
