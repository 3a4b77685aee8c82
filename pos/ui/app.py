"""Starting the window: configuration -> database -> devices -> controller -> window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from pos.config import Config
from pos.core.clock import Clock, SystemClock
from pos.core.db import Database, has_schema
from pos.core.i18n import set_language
from pos.core.models import PaymentMode
from pos.core.services.station import ensure_station
from pos.core.uow import UnitOfWork
from pos.ui.controller import ExchangeController
from pos.ui.device_worker import DocumentPrinter, PrintQueue
from pos.ui.devices_controller import DevicesController, separate_drawer
from pos.ui.devices_ui import install_device_ui
from pos.ui.i18n import install_translator, language
from pos.ui.main_window import MainWindow
from pos.ui.scanner_bridge import ScannerHub

log = logging.getLogger(__name__)


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
) -> MainWindow:
    """The window wired to its services; the QApplication must exist already."""
    with UnitOfWork(database.sessions) as uow:
        station = ensure_station(
            uow,
            counter=config.counter.name,
            sales_point=config.counter.sales_point,
            operator=config.counter.operator,
            venue_name=config.counter.venue_name,
        )
    queue = PrintQueue(database, station.counter_id, clock, printer,
                       drawer=separate_drawer(config), status_interval=status_interval)
    controller = ExchangeController(database, station, clock, queue)
    controller.credit_note_validity_days = config.refunds.credit_note_validity_days
    controller.other_modes = [PaymentMode(m) for m in config.refunds.other_modes]
    controller.exchange_settlement.configure(config)  # [mail] for tickets sent by e-mail
    window = MainWindow(controller, causes=config.refunds.causes)
    queue.setParent(window)
    controller.setParent(window)
    install_device_ui(window, DevicesController(database, station, clock, queue, config, window))
    # Scanners: the keyboard-wedge filter goes on the QApplication; serial if configured.
    ScannerHub(config.scanner, window, controller.scan)
    return window


def run_window(config: Config) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Guichet")
    lang = language()
    install_translator(app, lang)
    set_language(lang)  # the core's and the devices' messages follow the window
    database = Database(config.database_url)
    if not has_schema(database.engine):
        QMessageBox.critical(
            None, "Guichet",
            app.translate("App", "The database has no schema yet: run \"guichet db init\".")
        )
        return 2
    window = build_main_window(config, database, SystemClock(), make_printer(config))
    window.show()
    log.info("window ready: %s on %s", config.counter.name, database.dialect)
    code = app.exec()
    database.dispose()
    return code
