"""The messages of the core and the devices: each error defined once with its code, the
French catalogue complete, and a refusal rendered in the language chosen at start-up."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import pkgutil
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import select

import pos
from pos.core import errors, i18n
from pos.core.basket import CancellationBasket
from pos.core.errors import DomainError, RefundCeilingExceeded, UnknownTicket
from pos.core.models import Order, Payment, PaymentMode
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from pos.devices import errors as device_errors
from pos.devices.errors import DeviceError
from pos.formatting import plain_spaces
from tests.conftest import uow_of

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _all_modules() -> None:
    """Import every module of ``pos`` (the window's too) so that every class exists."""
    for info in pkgutil.walk_packages(pos.__path__, "pos."):
        if ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)


def _subclasses(root: type) -> list[type]:
    found, todo = [], [root]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def _at_home(cls: type, home) -> bool:
    """Defined in ``home``, or in one of its modules when it is a package (pos.core.errors)."""
    return cls.__module__ == home.__name__ or (
        hasattr(home, "__path__") and cls.__module__.startswith(home.__name__ + "."))


@pytest.mark.parametrize("root, home", [(DomainError, errors), (DeviceError, device_errors)])
def test_every_error_is_defined_once_in_its_home_with_its_own_code(root, home):
    _all_modules()
    classes = [root, *_subclasses(root)]
    elsewhere = [f"{c.__module__}.{c.__qualname__}" for c in classes
                 if not _at_home(c, home) and not c.__module__.startswith("tests.")]
    assert elsewhere == [], f"define every {root.__name__} in {home.__name__}"
    own = [c for c in classes if _at_home(c, home)]
    assert [c.__name__ for c in own if "code" not in vars(c)] == []
    assert [c.__name__ for c in own if "template" not in vars(c)] == []
    codes = [c.code for c in own]
    assert sorted({c for c in codes if codes.count(c) > 1}) == []


def test_every_domain_error_is_exported_by_the_package():
    """``from pos.core.errors import X`` works for every error of every feature module."""
    _all_modules()
    defined = [c for c in [DomainError, *_subclasses(DomainError)] if _at_home(c, errors)]
    assert [f"{c.__module__}.{c.__name__}" for c in defined
            if getattr(errors, c.__name__, None) is not c] == []
    assert sorted(errors.__all__) == sorted(c.__name__ for c in defined)


def test_domain_error_count_and_codes_are_snake_case():
    own = [c for c in vars(errors).values()
           if inspect.isclass(c) and issubclass(c, DomainError)]
    assert len(own) >= 100
    assert [c.code for c in own if not re.fullmatch(r"[a-z][a-z0-9_]*", c.code)] == []


def _error_names() -> set[str]:
    return {n for n, c in {**vars(errors), **vars(device_errors)}.items()
            if inspect.isclass(c) and issubclass(c, DomainError | DeviceError)}


def test_raise_sites_pass_parameters_not_sentences():
    """``raise UnknownTicket(number=n)``, never ``raise UnknownTicket(f"Billet {n} …")``:
    a sentence belongs in pos/core/errors/ (and the catalogue), not at the raise site."""
    names = _error_names()
    bad = []
    homes = (ROOT / "pos" / "core" / "errors", ROOT / "pos" / "devices" / "errors.py")
    for path in sorted((ROOT / "pos").rglob("*.py")):
        if any(path.is_relative_to(home) for home in homes) or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in names
                    and any(isinstance(a, ast.JoinedStr | ast.Constant) and
                            isinstance(getattr(a, "value", ""), str) for a in node.args)):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.func.id}")
    assert bad == []


def _translate_script():
    spec = importlib.util.spec_from_file_location("translate", ROOT / "scripts" / "translate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("translate", module)
    spec.loader.exec_module(module)
    return module


def test_every_core_and_device_message_has_its_french(tmp_path):
    """Babel's extraction of pos/core and pos/devices, against the French catalogue: a
    message added in English without its French fails here (`make translations`)."""
    pot = tmp_path / "guichet.pot"
    _translate_script().extract_pot(pot)
    with pot.open("rb") as f:
        extracted = read_po(f)
    with i18n.LOCALE_DIR.joinpath("fr", "LC_MESSAGES", "guichet.po").open("rb") as f:
        french = read_po(f, locale="fr")
    assert len([m for m in extracted if m.id]) >= 150
    problems = []
    for message in extracted:
        if not message.id:
            continue
        ours = french.get(message.id)
        forms = () if ours is None else (
            ours.string if isinstance(ours.string, tuple) else (ours.string,))
        if ours is None or ours.fuzzy or not all(forms):
            problems.append(f"untranslated: {message.id!r}")
            continue
        source = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = sorted(set(PLACEHOLDER.findall(" ".join(source))))
        for form in forms:
            if sorted(set(PLACEHOLDER.findall(form))) != wanted:
                problems.append(f"placeholders differ: {message.id!r} -> {form!r}")
    assert problems == [], "run `make translations` and write the French in guichet.po"


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("fr")


def _unknown_scan(demo, clock) -> UnknownTicket:
    with uow_of(demo) as uow, pytest.raises(UnknownTicket) as caught:
        take_ticket(uow, CancellationBasket(), "09999999999", clock)
    return caught.value


def test_an_unknown_ticket_reads_in_french_by_default(demo, clock):
    error = _unknown_scan(demo, clock)
    assert (error.message, str(error)) == ("Billet 09999999999 inconnu.",) * 2
    assert (error.code, error.details) == ("unknown_ticket", {"number": "09999999999"})


def test_an_unknown_ticket_reads_in_english_with_the_english_setting(demo, clock, english):
    error = _unknown_scan(demo, clock)
    assert (error.message, str(error)) == ("Ticket 09999999999 unknown.",) * 2


def test_a_message_is_rendered_when_shown_not_when_raised(demo, clock):
    error = _unknown_scan(demo, clock)
    i18n.set_language("en")
    try:
        assert error.message == "Ticket 09999999999 unknown."
    finally:
        i18n.set_language("fr")
    assert error.message == "Billet 09999999999 inconnu."


def _over_ceiling(demo, station, clock) -> RefundCeilingExceeded:
    """Order 961 paid 192,00 €; 150,00 € were given back by hand: 75,00 € is too much."""
    with uow_of(demo) as uow:
        order = uow.session.scalar(select(Order).where(Order.number == 961))
        uow.session.add(Payment(order_id=order.id, mode=PaymentMode.CARD,
                                amount=Decimal("-150.00"), at=clock.now(),
                                operator_id=station.operator_id))
        uow.commit()
    basket = CancellationBasket()
    with uow_of(demo) as uow:
        ticket = take_ticket(uow, basket, "01010003004", clock)
    with uow_of(demo) as uow, pytest.raises(RefundCeilingExceeded) as caught:
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, ticket.price)], station, clock)
    return caught.value


def test_an_over_ceiling_refund_reads_in_french(demo, station, clock):
    error = _over_ceiling(demo, station, clock)
    assert plain_spaces(error.message) == (
        "Dossier 961 : on ne peut pas rembourser 75,00 €, seulement 42,00 € ont été payés "
        "et ne sont ni remboursés ni promis à un remboursement en attente.")


def test_an_over_ceiling_refund_reads_in_english(demo, station, clock, english):
    error = _over_ceiling(demo, station, clock)
    assert plain_spaces(str(error)) == (
        "Order 961: 75,00 € cannot be refunded, only 42,00 € were paid and are neither "
        "refunded nor promised to a refund on hold.")


def test_device_messages_follow_the_language(english):
    from pos.devices.status import PrinterStatus

    error = device_errors.PrinterNotReady(PrinterStatus.PAPER_OUT, after_job=False)
    assert error.message == "Printer not ready: out of paper."
    assert PrinterStatus.READY.label == "Printer: ready"
    i18n.set_language("fr")
    assert error.message == "Imprimante non prête : plus de papier."
    assert PrinterStatus.READY.label == "Imprimante : prête"


def test_plural_forms(english):
    error = errors.NotEnoughSeats(n=1, where="Cat 1", quantity=2)
    assert error.message == "Only 1 free seat left in Cat 1: cannot sell 2."
    i18n.set_language("fr")
    assert error.message == "Il ne reste que 1 place libre en Cat 1 : impossible d'en vendre 2."
    assert errors.NotEnoughSeats(n=3, where="Cat 1", quantity=4).message == (
        "Il ne reste que 3 places libres en Cat 1 : impossible d'en vendre 4.")


def test_the_language_comes_from_guichet_lang(monkeypatch):
    monkeypatch.setenv("GUICHET_LANG", "en_GB")
    try:
        assert i18n.set_language() == "en"
        assert i18n.current_language() == "en"
    finally:
        i18n.set_language("fr")
    monkeypatch.delenv("GUICHET_LANG")
    assert i18n.language_from_env() == "fr"


def test_errors_survive_pickling_with_their_parameters():
    """A refusal crossing a process (the race tests' workers) keeps its details."""
    import pickle

    from pos.core.i18n import lazy

    refusal = errors.TicketChanged(reason=errors.TicketHeld(number="1", operation=2),
                                   number="1")
    again = pickle.loads(pickle.dumps(refusal))
    assert (type(again), again.details["number"], str(again)) == (
        errors.TicketChanged, "1",
        "Billet 1 retenu par l'ordre 2 en attente : il a changé depuis qu'il a été "
        "scanné. Retirez-le du panier.")
    device = device_errors.PrinterUnreachable("h:9100", lazy("connection refused"), detail="x")
    assert str(pickle.loads(pickle.dumps(device))) == (
        "Imprimante injoignable : h:9100 (connexion refusée) [x]")
