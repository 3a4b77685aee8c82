"""The failed e-mails in ``guichet documents pending``: what each one carries, to whom,
how many tries, the last error and the next try (French, as the rest of the command)."""

from __future__ import annotations

from collections.abc import Sequence

from pos.core.services.failed_mail import FailedMail
from pos.formatting import timestamp


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count <= 1 else many}"


def print_failed_mails(mails: Sequence[FailedMail]) -> None:
    for mail in mails:
        order = f"ordre {mail.operation_number}" if mail.operation_number else "-"
        print(f"{mail.id:>6}  {'e-mail en échec':<15}  {order:<11}  à {mail.recipient}"
              f" ({mail.counter})")
        for name in mail.documents:
            print(f"{'':>8}{name}")
        # the cashier's "Renvoyer" starts the count again: the e-mail is due at once
        tries = (_plural(mail.attempts, "essai", "essais") if mail.attempts
                 else "renvoi demandé")
        print(f"{'':>8}{tries} ; dernière erreur : "
              f"{mail.last_error.rstrip('.')} ; nouvel essai : {timestamp(mail.next_try)}")


def total_line(documents: int, mails: Sequence[FailedMail]) -> str:
    """"4 document(s) en attente, dont 3 dans 1 e-mail en échec." (the e-mails' part only
    when there are some)."""
    in_mails = sum(len(m.documents) for m in mails)
    line = f"{documents + in_mails} document(s) en attente"
    if mails:
        line += f", dont {in_mails} dans {_plural(len(mails), 'e-mail', 'e-mails')} en échec"
    return line + "."
