"""What the cashier says about an operation: who asked for it ("Demandé par"), why
(the cause, from the configured list) and free remarks. Stored on the operation when it
is put on hold and again when it is settled, and shown in the order's history."""

from __future__ import annotations

from dataclasses import dataclass

from pos.core.errors import (
    CauseTooLong,
    InvalidOperationNotes,  # noqa: F401 - their home is pos.core.errors
    RemarksTooLong,
    UnknownRequester,
)
from pos.core.models import Operation

REQUESTED_BY = ("public", "organiser")
REQUESTED_BY_LABELS = {"public": "par le public", "organiser": "par l'organisateur"}
MAX_CAUSE = 80  # operations.cause
MAX_REMARKS = 2000


@dataclass(frozen=True)
class OperationNotes:
    requested_by: str = "public"  # "public" | "organiser"
    cause: str = ""
    remarks: str = ""

    def checked(self) -> OperationNotes:
        """The notes trimmed, or ``InvalidOperationNotes`` saying what is wrong."""
        if self.requested_by not in REQUESTED_BY:
            raise UnknownRequester(value=self.requested_by)
        cause, remarks = self.cause.strip(), self.remarks.strip()
        if len(cause) > MAX_CAUSE:
            raise CauseTooLong(limit=MAX_CAUSE)
        if len(remarks) > MAX_REMARKS:
            raise RemarksTooLong(limit=MAX_REMARKS)
        return OperationNotes(self.requested_by, cause, remarks)


def apply_notes(operation: Operation, notes: OperationNotes | None) -> None:
    """Write the notes on the operation; None leaves what it has."""
    if notes is None:
        return
    notes = notes.checked()
    operation.requested_by = notes.requested_by
    operation.cause = notes.cause
    operation.remarks = notes.remarks


def notes_of(operation: Operation) -> OperationNotes:
    return OperationNotes(operation.requested_by or "public", operation.cause or "",
                          operation.remarks or "")
