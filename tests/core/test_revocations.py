"""Revoked barcodes for the door scanners: an exchange, then an export: the old numbers
are in it, the new ones are not; the manifest tells a truncated file (both databases)."""

import csv
import json
from datetime import timedelta
from decimal import Decimal

import pytest

from pos.core.errors import RevocationSinceUnreadable
from pos.core.models import PaymentMode
from pos.core.services import revocations
from pos.core.services.exchange import event_tickets, settle_exchange
from pos.core.services.operation_notes import OperationNotes
from pos.core.services.refunds import Tender, refund_basket
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan


def exchange_two_and_refund_one(db, station, clock):
    cancellation = scan(db, clock, JOYAUX[:2])
    sale = new_sale()
    with uow_of(db) as uow:
        event_tickets(uow, sale, cancellation, clock, quantity=2,
                      **ids(db, "Don Giovanni", "Cat 1"))
    with uow_of(db) as uow:
        exchanged = settle_exchange(uow, cancellation, sale,
                                    [Tender(PaymentMode.CREDIT_NOTE, Decimal("30.00"))],
                                    station, clock)
    clock.advance(timedelta(minutes=5))
    refunded = scan(db, clock, JOYAUX[2:3])
    with uow_of(db) as uow:
        refund_basket(uow, refunded, [Tender(PaymentMode.CASH, refunded.refund_total)],
                      station, clock, notes=OperationNotes("public", "Erreur de vente"))
    return exchanged


def test_an_exchange_then_an_export_old_numbers_in_new_ones_out(demo, station, clock,
                                                                 tmp_path):
    since = clock.now()
    exchanged = exchange_two_and_refund_one(demo, station, clock)
    with uow_of(demo) as uow:
        revoked = revocations.revocations_since(uow, since)
    json_path, csv_path, manifest = revocations.export(
        revoked, tmp_path / "portes.json", since=since, now=clock.now())
    body = json.loads(json_path.read_text())
    numbers = [r["number"] for r in body["revocations"]]
    assert numbers == JOYAUX[:3] and body["count"] == 3
    assert not set(exchanged.new_tickets) & set(numbers)
    by_number = {r["number"]: r for r in body["revocations"]}
    assert by_number[JOYAUX[0]]["replaced_by"] in exchanged.new_tickets
    assert by_number[JOYAUX[0]]["reason"] == "remplacé"
    assert by_number[JOYAUX[2]]["reason"] == "remboursé : Erreur de vente"
    assert by_number[JOYAUX[2]]["performance"].startswith("Joyaux - ")
    rows = list(csv.DictReader(csv_path.open()))
    assert [r["number"] for r in rows] == numbers and rows[0]["replaced_by"]
    assert revocations.verify(manifest) == []


def test_since_leaves_out_what_was_revoked_before(demo, station, clock):
    exchange_two_and_refund_one(demo, station, clock)
    with uow_of(demo) as uow:
        later = revocations.revocations_since(uow, clock.now())
    assert [r.number for r in later] == [JOYAUX[2]]


def test_the_manifest_tells_a_truncated_file(demo, station, clock, tmp_path):
    exchange_two_and_refund_one(demo, station, clock)
    with uow_of(demo) as uow:
        revoked = revocations.revocations_since(uow, clock.now() - timedelta(days=1))
    json_path, csv_path, manifest = revocations.export(revoked, tmp_path / "r", since=clock.now(),
                                                       now=clock.now())
    csv_path.write_bytes(csv_path.read_bytes()[:-10])
    assert revocations.verify(manifest) == [
        "r.csv : somme de contrôle différente (fichier tronqué ?)"]


def test_an_unreadable_since_is_said_in_french():
    with pytest.raises(RevocationSinceUnreadable, match="Date illisible « hier »"):
        revocations.parse_since("hier")
    assert revocations.parse_since("2026-11-27").utcoffset() == timedelta(hours=1)
