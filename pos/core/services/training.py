"""Training mode ("FORMATION", ``[counter] training = true``): a new cashier practises on
the real counter without touching anything that counts.

The design: the whole settlement runs, every check included (the same pipeline, so a
trainee meets the same refusals), then its transaction is rolled back instead of
committed: no operation number, payment, credit note, suspense-account movement,
journal entry (the fiscal chain), ticket or seat state, stock or fiscal total survives
it. Only its documents are kept: each gets a FORMATION banner at the top and the
bottom, "sans valeur", and is printed in a transaction of its own, never kicking the
drawer (no money moves). ``settlement.enqueue_documents`` holds the documents back and
``settlement.commit`` calls ``finish`` in place of the commit: one step of the
pipeline, written once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pos.core.documents import Document, Heading, Separator, Text
from pos.core.services.print_jobs import enqueue
from pos.core.uow import UnitOfWork

BANNER = "FORMATION"
NO_VALUE = "Document de formation, sans valeur"


def with_banner(document: Document) -> Document:
    top = (Heading(f"*** {BANNER} ***"), Text(NO_VALUE, align="center"), Separator())
    bottom = (Separator(), Text(f"*** {BANNER} : aucune opération enregistrée ***",
                                bold=True, align="center"))
    return replace(document, kind=f"training_{document.kind}"[:30],
                   blocks=top + document.blocks + bottom)


def finish(uow: UnitOfWork, documents: Sequence[Document], *, counter_id: int,
           operator_id: int, now) -> tuple[int, ...]:
    """The settlement undone, then its documents printed with the banner. Returns the
    print jobs' ids."""
    uow.rollback()
    if not documents:
        return ()
    uow.begin_write()
    job_ids = enqueue(uow.session, counter_id, None, [with_banner(d) for d in documents],
                      False, now, operator_id=operator_id)
    uow.commit()
    return job_ids
