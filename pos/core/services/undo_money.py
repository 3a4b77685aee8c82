"""The money of an undone operation moved back ("annuler l'annulation"): every payment,
credit-note and suspense-account movement of the operation answered by its opposite,
appended (never an edit). A credit note it issued must still be whole, and money it
kept on a suspense account must still be there: otherwise the customer would keep the
money and have the tickets back."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, insert, select

from pos.core.errors import UndoAccountUsed, UndoCreditNoteSpent
from pos.core.models import Contact, Payment, PaymentMode
from pos.core.models_ledger import ContactAccountEntry, CreditNote, CreditNoteMovement
from pos.core.money import ZERO, as_text
from pos.core.services import settlement as step
from pos.formatting import money as euros


@dataclass(frozen=True)
class Reversal:
    mode: PaymentMode
    amount: Decimal  # signed as recorded for the undo: + the customer pays back
    reference: str


def _balance(ctx: step.Context, note_id: int) -> Decimal:
    return ctx.uow.session.scalar(
        select(func.coalesce(func.sum(CreditNoteMovement.amount), 0))
        .where(CreditNoteMovement.credit_note_id == note_id)) or ZERO


def _credit_notes(ctx: step.Context, undone_id: int, undo_id: int, number: int) -> None:
    """Notes issued by the operation voided (whole only), notes it spent refilled."""
    s = ctx.uow.session
    issued = s.scalars(select(CreditNote).where(CreditNote.issued_operation_id == undone_id)
                       .order_by(CreditNote.id).with_for_update()).all()
    moves = [{"credit_note_id": note.id, "operation_id": undo_id, "amount": -note.amount,
              "at": ctx.now, "operator_id": ctx.station.operator_id} for note in issued
             if _check_whole(ctx, note, number)]
    issued_ids = {note.id for note in issued}
    spent = s.execute(select(CreditNoteMovement.credit_note_id, CreditNoteMovement.amount)
                      .where(CreditNoteMovement.operation_id == undone_id)).all()
    moves += [{"credit_note_id": note_id, "operation_id": undo_id, "amount": -amount,
               "at": ctx.now, "operator_id": ctx.station.operator_id}
              for note_id, amount in spent if note_id not in issued_ids]
    if moves:
        s.execute(insert(CreditNoteMovement), moves)


def _check_whole(ctx: step.Context, note: CreditNote, number: int) -> bool:
    if _balance(ctx, note.id) != note.amount:
        raise UndoCreditNoteSpent(credit_note=note.number, operation=number)
    return True


def _accounts(ctx: step.Context, undone_id: int, undo_id: int, number: int) -> None:
    s = ctx.uow.session
    entries = s.execute(select(ContactAccountEntry.contact_id, ContactAccountEntry.order_id,
                               ContactAccountEntry.amount)
                        .where(ContactAccountEntry.operation_id == undone_id)).all()
    for contact_id in sorted({e.contact_id for e in entries}):
        s.execute(select(Contact.id).where(Contact.id == contact_id).with_for_update())
        kept = sum((e.amount for e in entries if e.contact_id == contact_id), ZERO)
        balance = s.scalar(select(func.coalesce(func.sum(ContactAccountEntry.amount), 0))
                           .where(ContactAccountEntry.contact_id == contact_id)) or ZERO
        if kept > ZERO and balance < kept:
            raise UndoAccountUsed(amount=euros(kept))
    if entries:
        s.execute(insert(ContactAccountEntry), [
            {"contact_id": e.contact_id, "operation_id": undo_id, "order_id": e.order_id,
             "amount": -e.amount, "at": ctx.now, "operator_id": ctx.station.operator_id,
             "note": f"Annulation de l'ordre {number}"} for e in entries])


def reverse_money(ctx: step.Context, undone_id: int, undo_id: int,
                  number: int) -> list[Reversal]:
    """The pipeline's payments step for an undo: the opposites appended."""
    s = ctx.uow.session
    _credit_notes(ctx, undone_id, undo_id, number)
    _accounts(ctx, undone_id, undo_id, number)
    payments = s.execute(select(Payment.order_id, Payment.mode, Payment.amount,
                                Payment.reference)
                         .where(Payment.operation_id == undone_id).order_by(Payment.id)).all()
    reference = f"Annulation de l'ordre {number}"
    if payments:
        s.execute(insert(Payment), [
            {"order_id": p.order_id, "operation_id": undo_id, "mode": p.mode,
             "amount": -p.amount, "at": ctx.now, "operator_id": ctx.station.operator_id,
             "counter_id": ctx.station.counter_id, "reference": reference[:80]}
            for p in payments])
    return [Reversal(p.mode, -p.amount, p.reference) for p in payments]


def reversals_payload(reversals: list[Reversal]) -> list[dict[str, str]]:
    return [{"mode": r.mode.value, "amount": as_text(r.amount), "reference": r.reference}
            for r in reversals]
