"""The composition root: configuration -> database -> devices -> session -> features ->
window. It is the only module that knows every feature; it builds each one on the
counter session, hands it the widgets it owns, and connects the few places where one
feature's fact is another's input (a hold slip scanned, the contact's e-mail, an
exchange's balance refunded)."""

from __future__ import annotations

import gc
import importlib
import logging
import sys
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from pos.config import Config, data_dir
from pos.core.clock import Clock, SystemClock
from pos.core.db import Database, schema_state
from pos.core.errors import DatabaseError
from pos.core.i18n import set_language
from pos.core.models import PaymentMode
from pos.core.schema import configure as configure_mappers
from pos.core.services.operators import identity_by_login
from pos.core.services.station import ensure_station
from pos.core.uow import UnitOfWork
from pos.ui.box_office.controller import BoxOfficeController
from pos.ui.box_office.view import BoxOfficeUi
from pos.ui.cash_session.controller import CashSessionController
from pos.ui.cash_session.view import CashSessionUi
from pos.ui.common.i18n import install_translator, language
from pos.ui.contact.controller import ContactController
from pos.ui.contact.view import ContactView
from pos.ui.counter.approval import SupervisorGate
from pos.ui.counter.controller import CounterController
from pos.ui.counter.database_view import DatabaseStatusView
from pos.ui.counter.documents import DocumentsView
from pos.ui.counter.keyboard import DeleteRemoves, chain_tab_order
from pos.ui.counter.notes import NotesView
from pos.ui.counter.session import CounterSession
from pos.ui.counter.view import CounterView
from pos.ui.devices.controller import DevicesController, separate_drawer
from pos.ui.devices.mail_worker import MailQueue
from pos.ui.devices.view import DeviceUi
from pos.ui.devices.worker import DocumentPrinter, PrintQueue
from pos.ui.exchange.bar import ExchangeBar
from pos.ui.exchange.controller import SaleController
from pos.ui.exchange.settlement import ExchangeSettlement
from pos.ui.exchange.settlement_view import SettlementUi
from pos.ui.hold.controller import HoldController
from pos.ui.hold.view import HoldView
from pos.ui.main_window import MainWindow
from pos.ui.operators.controller import OperatorsController
from pos.ui.operators.view import OperatorsView
from pos.ui.refund.controller import RefundController
from pos.ui.refund.info import RefundInfo
from pos.ui.refund.view import RefundBar
from pos.ui.scanning.hub import ScannerHub
from pos.ui.take_back.controller import TakeBackController
from pos.ui.take_back.view import TakeBackView
from pos.ui.undo.controller import UndoController
from pos.ui.undo.view import UndoView

log = logging.getLogger(__name__)


@dataclass
class Features:
    """The controllers of one window (``window.controller``): for the tests and for
    whoever drives the window without its keys."""

    session: CounterSession
    counter: CounterController
    refund: RefundController
    exchange: SaleController
    exchange_settlement: ExchangeSettlement
    hold: HoldController
    take_back: TakeBackController
    contact: ContactController
    devices: DevicesController
    operators: OperatorsController
    cash: CashSessionController | None = None

    @property
    def basket(self):
        return self.session.basket

    def scan(self, raw: str) -> bool:
        return self.counter.scan(raw)


# What the features behind a key, a menu or a scan into an empty basket import where they
# use it (each import site says so), not before the window is ready: it shows and takes
# the keys sooner. It is imported once the scan field is painted with the focus
# (_WhenReady), one module per turn of the event loop (WarmUp), so that a first use does
# not pay it and a scan typed meanwhile waits one module at most, not all of them
# (tests/ui/test_cold_start.py).
AFTER_FIRST_PAINT = (
    "pos.core.services.held_operations",  # a scan into an empty basket (hold.controller)
    "pos.core.services.holds",
    "pos.core.services.contact_details",  # the first ticket's contact (contact.controller)
    "pos.core.services.take_back",  # a range, a list (take_back.controller)
    "pos.core.services.refunds",  # F9-F12 (refund.controller), with the pipeline
    "pos.core.services.credit_notes",  # the pay dialog (exchange.settlement)
    "pos.core.services.exchange",
    "pos.core.services.catalog",  # the product bar's offers (exchange.controller)
    "pos.core.services.exchange_offers",
    "pos.core.services.seats",
    "pos.core.services.order_detail",
    "pos.core.services.contact_search",  # Recherche contacts (contact.controller)
    "pos.core.services.contact_create",
    "pos.core.cash_documents",  # the cash session's slips and reports
    "pos.core.services.cash_reports",
    "pos.core.services.undo_cancellation",
    "pos.core.services.bulk_refund",
    "pos.core.services.bulk_refund_report",
    "pos.core.services.revocations",
    "pos.ui.take_back.dialogs.order_detail",
    "pos.ui.take_back.dialogs.take_back_report",
    "pos.ui.box_office.dialogs.bulk_refund",
    "pos.ui.box_office.dialogs.fee_rules",
    "pos.ui.box_office.dialogs.fee_waiver",
    "pos.ui.box_office.dialogs.revocation_export",
    "pos.ui.devices.dialogs.device_settings",
    "pos.ui.devices.dialogs.no_sale",
    "pos.ui.devices.dialogs.print_jobs",
    "pos.ui.hold.dialogs.held_operations",
    "pos.ui.undo.dialogs.undo_dialog",
    "pos.ui.cash_session.dialogs.count",
    "pos.ui.cash_session.dialogs.movement",
    "pos.ui.cash_session.dialogs.report",
    "pos.ui.exchange.dialogs.auto_exchange",
    "pos.ui.exchange.dialogs.event_sale",
    "pos.ui.exchange.dialogs.products",
    "pos.ui.exchange.dialogs.exchange_payment",
    "pos.ui.contact.dialogs.contact_create",
    "pos.ui.contact.dialogs.contact_edit",
    "pos.ui.refund.dialogs.other_payment",
    "pos.ui.refund.dialogs.split_refund",
)


class WarmUp(QObject):
    """Imports ``AFTER_FIRST_PAINT`` one module per turn of the event loop, then
    configures the ORM mappers (not done before the first paint: station.ensure_station)
    and hides it all from the cyclic collector, as ``collect_after_start`` hid what
    start-up built (it lives as long as the window). Between two steps Qt delivers what
    came meanwhile: a scan typed at once waits one module, and its handler imports
    itself whatever it needs that is not there yet."""

    sig_done = Signal()

    def __init__(self, parent: QObject, names: tuple[str, ...] = AFTER_FIRST_PAINT) -> None:
        super().__init__(parent)
        self._steps: list = [*(partial(importlib.import_module, n) for n in names),
                             configure_mappers]
        self.done = False

    def start(self) -> None:
        QTimer.singleShot(0, self, self._step)  # not after the window is gone

    def _step(self) -> None:
        if self._steps:
            step = self._steps.pop(0)
            try:
                step()
            except Exception:  # noqa: BLE001 - its use site meets it again and says so
                log.exception("warm-up step %s", step)
            QTimer.singleShot(0, self, self._step)  # the next modules are warmed all the same
            return
        gc.freeze()
        self.done = True
        self.sig_done.emit()


FRAME_MS = 16
#: The workers' first pass comes when the window is ready, or after this long at most.
WORKERS_LATEST_S = 0.25


class _WhenReady(QObject):
    """Runs ``then`` once, a frame after ``field`` was painted with the focus: the window
    is ready for a scan (what the start benchmark times) and on the screen (the frame
    painted is presented at the next refresh, 16 ms at 60 Hz) before ``then`` runs."""

    def __init__(self, field, then) -> None:
        super().__init__(field)
        self._then, self._painted = then, False
        field.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        self._painted = self._painted or event.type() == QEvent.Type.Paint
        if self._painted and obj.hasFocus():
            obj.removeEventFilter(self)
            QTimer.singleShot(FRAME_MS, self, self._then)
        return False


def make_printer(config: Config) -> DocumentPrinter | None:
    """The receipt printer the configuration names, or None for ``connection = "none"``."""
    from pos.devices.printer import receipt_printer_from_config

    return receipt_printer_from_config(config.printer, config.drawer, config.printer_file_path)


def build_main_window(
    config: Config,
    database: Database,
    clock: Clock,
    printer: DocumentPrinter | None,
    status_interval: float = 5.0,
    *,
    operator: str | None = None,
) -> MainWindow:
    """The window wired to its services; the QApplication must exist already. It opens
    with the log-in dialog; ``operator``: a login to start logged in as, without it (the
    tests and benchmarks; ``guichet`` itself never passes one)."""
    with UnitOfWork(database.sessions) as uow:
        station = ensure_station(
            uow,
            counter=config.counter.name,
            sales_point=config.counter.sales_point,
            venue_name=config.counter.venue_name,
            supervisor_above=config.refunds.supervisor_threshold,
            training=config.counter.training,
        )
        who = identity_by_login(uow, operator) if operator else None
    window = MainWindow(f"{station.sales_point_name} > {station.counter_name}"
                        + (" - FORMATION" if station.training else ""))
    queue = PrintQueue(database, station.counter_id, clock, printer,
                       drawer=separate_drawer(config), status_interval=status_interval,
                       first_pass_after=WORKERS_LATEST_S)  # begun when ready (below)
    queue.setParent(window)
    window.sig_closing.connect(queue.stop)

    session = CounterSession(database, station, clock, queue, window)
    session.credit_note_validity_days = config.refunds.credit_note_validity_days
    session.other_modes = [PaymentMode(m) for m in config.refunds.other_modes]
    session.hold_seat_minutes = config.holds.seat_minutes
    session.sig_message.connect(window.show_message)
    dialogs = window.dialogs
    say = session.say

    # Controllers first: the sale controller empties the sale when the basket empties,
    # before any view redraws on the same signal.
    counter = CounterController(session)
    sale = SaleController(session)
    settlement = ExchangeSettlement(session)
    settlement.configure(config)  # [mail] for tickets sent by e-mail
    refund = RefundController(session)
    refund.settle_exchange = settlement.settle  # a negative balance: F9-F12 refund it
    refund.email_recipient = settlement.email_recipient  # refunds by e-mail too
    # E-mails: queued in the settlement's transaction, sent by the mail worker.
    mail = MailQueue(database, station.counter_id, clock,
                     lambda: (settlement.mail_config, settlement.outbox_dir), window,
                     first_pass_after=WORKERS_LATEST_S)
    window.sig_closing.connect(mail.stop)
    QApplication.instance().aboutToQuit.connect(mail.stop)
    mail.sig_sent.connect(lambda text: session.say(text, "info"))
    mail.sig_failed.connect(lambda text: session.say(text, "error"))
    settlement.wake_mail = mail.wake
    refund.mail_request = lambda recipient: settlement.mail_request(recipient, refund=True)
    refund.send_by_email = lambda _result, _recipient: mail.wake()
    hold = HoldController(session)
    counter.interceptors.append(hold.intercept_scan)  # a slip or a held ticket resumes
    take_back = TakeBackController(session)
    contact = ContactController(session)
    devices = DevicesController(database, station, clock, queue, config, window)
    devices.mail_queue = mail
    session.approvals = SupervisorGate(session, dialogs, window)
    devices.supervisor = session.supervisor
    session.sig_station_changed.connect(lambda st: setattr(devices, "station", st))
    operators = OperatorsController(session)
    queue.sig_job_failure.connect(lambda text: say(text, "error"))

    # Views: each gets the widgets it owns, and only those.
    w = window
    NotesView(session, config.refunds.causes, requested_by=w.requested_by, cause=w.cause,
              remarks=w.remarks_panel.text)
    documents = DocumentsView(session, w.delivery_panel, w.documents_panel)
    CounterView(session, counter, dialogs, scan_field=w.scan_field, title=w.basket_title,
                refund_fees=w.refund_fees, remove=w.remove_button, basket_view=w.basket_view,
                refund_subtotal=w.refund_subtotal, sold_subtotal=w.sold_subtotal,
                total=w.total, operation_number=w.operation_number)
    DatabaseStatusView(session.database_watch, counter.pending, status=w.database_status,
                       waiting=w.pending_scans)
    session.database_watch.start(config.database.probe_seconds)
    window.sig_closing.connect(session.database_watch.stop)
    take_back_view = TakeBackView(take_back, dialogs, add_tickets=w.add_tickets,
                                  order_button=w.order_button, say=say)
    contact_view = ContactView(w.contact_panel, contact, dialogs, say=say,
                               open_order=take_back_view.open_order)
    info = RefundInfo(session)
    info.sig_reminder.connect(w.reminder_panel.show_reminder)
    info.sig_contact_balance.connect(contact_view.show_balance)
    RefundBar(session, refund, dialogs, w.refund_buttons)
    exchange_bar = ExchangeBar(session, sale, dialogs, buttons=w.product_buttons,
                exchange_view=w.exchange_view, remove=w.exchange_remove,
                basket_view=w.basket_view, say=say)
    window.settlement_ui = SettlementUi(session, settlement, dialogs, pay_all=w.pay_all,
                                        status=w.statusBar(), say=say)
    HoldView(session, hold, dialogs, hold=w.hold_button, held=w.held_button,
             abandon=w.abandon_button)
    contact.sig_contact.connect(documents.show_contact)
    # The keyboard all the way: Tab through every panel, Suppr in either basket tree.
    chain_tab_order(w, [w.scan_field, w.basket_view, w.remove_button, w.exchange_view,
                        w.requested_by, w.cause, w.remarks_panel.text, w.delivery_panel.mode,
                        w.delivery_panel.print_now, w.delivery_panel.print_later,
                        w.documents_panel.table, w.reminder_panel.table,
                        w.contact_panel.search_field])
    DeleteRemoves(w.basket_view, w.remove_button.click)
    DeleteRemoves(w.exchange_view, exchange_bar.remove_selected)
    contact.sig_contact.connect(settlement.set_contact)

    # Scanners: the keyboard-wedge filter goes on the QApplication; serial if configured.
    # It watches the scan field from the end of the build (the build's ~1,500 widget
    # events would each call it, ~15 ms) and the whole application once the window is
    # ready (listen_when_ready: the first frame's events, ~25 ms more).
    hub = ScannerHub(config.scanner, window, counter.scan, say=say, listen=False)
    # The event loop may end without the window closing (the session ends, app.quit()):
    # the threads stop then too, or the process hangs or aborts on its way out.
    QApplication.instance().aboutToQuit.connect(queue.stop)
    QApplication.instance().aboutToQuit.connect(hub.stop)
    window.device_ui = DeviceUi(window, devices, dialogs, say=say,
                                set_printer_status=window.set_printer_status,
                                scan_sources=hub.sources())
    window.operators_ui = OperatorsView(window, session, operators, dialogs,
                                        label=w.operator_label)
    UndoView(window, UndoController(session), dialogs)  # Opérations > Annuler l'annulation
    cash = CashSessionController(session, config.cash_reports_dir)
    window.cash_session_ui = CashSessionUi(window, cash, dialogs)
    window.controller = Features(session, counter, refund, sale, settlement, hold,
                                 take_back, contact, devices, operators, cash)
    box_office = BoxOfficeController(session)
    # A run in progress ends after its order: nothing is left half done.
    window.sig_closing.connect(lambda: (box_office.stop_bulk(), box_office.wait()))
    window.box_office_ui = BoxOfficeUi(window, box_office, dialogs,
                                       waive_fees=w.waive_fees_button, folder=data_dir(),
                                       now=clock.now)

    session.refresh_operation_number()
    session.basket_changed()
    session.sig_notes.emit(None)
    window.scan_field.setFocus()
    hub.listen_when_ready(window.scan_field)  # before the log-in dialog takes the focus
    if who is not None:
        operators.start(who)
    else:
        window.operators_ui.ask_login()
    # The workers' first pass and the warm-up wait for the window to be on the screen
    # (a window never shown, in a test, gets its workers after WORKERS_LATEST_S).
    window.warm_up = WarmUp(window)

    def when_ready() -> None:
        hub.listen()
        queue.begin()
        mail.begin()
        window.warm_up.start()

    _WhenReady(window.scan_field, when_ready)
    return window


def collect_after_start() -> None:
    """What start-up built (modules, ORM mappers, the window's wrappers) lives as long as
    the window: out of the cyclic collector's sight, a full collection walks only what
    came after instead of stopping a scan for 60-100 ms (benchmarks/window_scan.py). The
    collector is off until then (pos.cli)."""
    gc.freeze()
    gc.enable()


def schema_refusal(state: str) -> str:
    """Why the window cannot open on a schema in ``state`` (``pos.core.db.schema_state``),
    or "" when it can: a counter never runs on tables it does not know, nor writes half
    of what a newer version expects."""
    return {
        "missing": QApplication.translate(
            "App", "The database has no schema yet: run \"guichet db init\"."),
        "behind": QApplication.translate(
            "App", "The database schema is older than this version of Guichet: "
                   "run \"guichet db upgrade\"."),
        "ahead": QApplication.translate(
            "App", "The database was upgraded by a newer version of Guichet: "
                   "install that version on this counter."),
    }.get(state, "")


def run_window(config: Config) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Guichet")
    lang = language()
    install_translator(app, lang)
    set_language(lang)  # the core's and the devices' messages follow the window
    database = Database(config.database_url, busy_timeout_ms=config.database.busy_timeout_ms)
    try:
        refusal = schema_refusal(schema_state(database.engine))
    except DatabaseError as error:  # unreachable at start: said, nothing to lose yet
        refusal = error.message
    if refusal:
        log.error("%s", refusal)
        QMessageBox.critical(None, "Guichet", refusal)
        return 2
    window = build_main_window(config, database, SystemClock(), make_printer(config))
    window.show()
    collect_after_start()
    log.info("window ready: %s on %s", config.counter.name, database.dialect)
    code = app.exec()
    database.dispose()
    return code
