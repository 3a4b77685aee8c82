"""The wording of issue 9: a voucher number with a wrong check digit says so; amounts in
refusal messages read as the cashier writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos.core.errors import CreditNoteCheckDigitInvalid, MalformedCreditNote, PaymentShort
from pos.core.models import PaymentMode
from pos.core.services.credit_notes import check_digit, credit_note_balance
from pos.core.services.refunds import Tender, refund_basket
from pos.formatting import plain_spaces
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, scan


def test_a_wrong_check_digit_says_invalid_check_key(demo, clock, station):
    with uow_of(demo) as uow:
        done = refund_basket(uow, scan(demo, clock, [JOYAUX[0]]),
                             [Tender(PaymentMode.CREDIT_NOTE, Decimal("110.00"))], station, clock)
    number = done.tenders[0].reference
    wrong = number[:12] + str((int(number[12]) + 1) % 10)
    with uow_of(demo) as uow, pytest.raises(CreditNoteCheckDigitInvalid) as refused:
        credit_note_balance(uow, wrong, clock)
    assert refused.value.message == f"Numéro d'avoir « {wrong} » : clé de contrôle invalide."
    assert isinstance(refused.value, MalformedCreditNote)  # still caught as unreadable
    with uow_of(demo) as uow, pytest.raises(MalformedCreditNote) as short:
        credit_note_balance(uow, "12345", clock)
    assert "13 chiffres attendus" in short.value.message


def test_check_digit_of_a_known_ean13():
    assert check_digit("400638133393") == "1"  # 4006381333931, a textbook EAN-13


def test_an_amount_in_a_refusal_is_french_formatted():
    error = PaymentShort(missing=Decimal("10.00"), tendered=Decimal("100.00"),
                         due=Decimal("110.00"))
    text = plain_spaces(error.message)
    assert "10,00 €" in text and "110,00 €" in text and "10.00" not in text
