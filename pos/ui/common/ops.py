"""Run a core call, show the refusal: the one path from a user action to the core and
back (after Anki's ``aqt.operations``).

Every intent of the window opens one unit of work, calls a core service in it and gets
an ``Outcome``: the value, or the French message to show. A ``DomainError`` is the
core's refusal and is said as it is; anything else is logged with its traceback and
said with the caller's "nothing was changed" sentence, so a bug never leaves the
cashier without a word nor kills the event loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication

from pos.core.errors import DomainError
from pos.core.uow import UnitOfWork

log = logging.getLogger(__name__)
T = TypeVar("T")

#: text, level ("info" | "error"): where a feature's messages go (the message line)
Say = Callable[[str, str], None]
#: a unit-of-work factory, e.g. ``CounterSession.uow``
UowFactory = Callable[[], UnitOfWork]

#: ``failure=QUIET``: an unexpected error is logged only. For reads that decorate the
#: screen (a reminder, a count): they must never stop the counter nor cover a message.
QUIET = ""


def generic_failure() -> str:
    return QCoreApplication.translate(
        "Operations", "The action could not be recorded: nothing was changed. Try again.")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an intent gave: ``value``, or ``error`` (a French message)."""

    value: T | None = None
    error: str = ""
    refusal: DomainError | None = None  # the core's refusal, when it was one

    @property
    def ok(self) -> bool:
        return not self.error


def either(*hooks: Callable[[DomainError], bool] | None) -> Callable[[DomainError], bool]:
    """One ``refused`` hook of several (None ones left out): the first that deals with the
    refusal ends it (e.g. ask a supervisor, else offer another mode of payment)."""
    given = [h for h in hooks if h is not None]

    def refused(exc: DomainError) -> bool:
        return any(hook(exc) for hook in given)

    return refused


def run(uow: UowFactory, work: Callable[[UnitOfWork], T], *, what: str,
        say: Say | None = None, failure: str | None = None,
        refused: Callable[[DomainError], bool] | None = None) -> Outcome[T]:
    """``work`` in one unit of work.

    ``say``: where the refusal is said (None: the caller shows ``outcome.error`` itself,
    e.g. inside its dialog). ``failure``: the sentence for an unexpected error (None:
    the generic one; ``QUIET``: logged, not said). ``refused``: sees a DomainError
    first and returns True when it has dealt with it (e.g. ask a supervisor).
    """
    try:
        with uow() as unit:
            return Outcome(work(unit))
    except DomainError as exc:
        log.info("%s refused: %s", what, exc.code)
        if refused is not None and refused(exc):
            return Outcome(error=exc.message, refusal=exc)
        if say is not None:
            say(exc.message, "error")
        return Outcome(error=exc.message, refusal=exc)
    except Exception:
        log.exception("%s failed", what)
        text = generic_failure() if failure is None else failure
        if say is not None and text:
            say(text, "error")
        return Outcome(error=text or generic_failure())
