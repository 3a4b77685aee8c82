"""ÉVÉNEMENT [Alt+E]: sell tickets of an event in exchange.

Search the event by name (Enter), pick it in the results (Enter), then the performance,
the price category, the tariff and the quantity; the free seats of the category are shown
before confirming (seats the cancellation basket releases count as free). Seats: the best
available (side by side first) or those the cashier picks in the list of free seats.
Enter in a field goes to AJOUTER; Enter on AJOUTER adds and closes; a refusal stays in the
dialog (``eventMessageLabel``). The dialog reads and adds through the intents it is given.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos import formatting
from pos.core.services.catalog import CategoryOffer, EventHit, PerformanceOffer, TariffOffer
from pos.core.services.seats import SeatInfo
from pos.ui.keys import ENTER as ENTER_KEYS


class EventSaleIntents(Protocol):
    """What the dialog asks of its caller (the exchange's sale controller)."""

    last_error: str

    def search_events(self, text: str) -> list[EventHit]: ...
    def performances(self, event_id: int) -> list[PerformanceOffer]: ...
    def categories(self, performance_id: int) -> list[CategoryOffer]: ...
    def tariffs(self, performance_id: int, category_id: int) -> list[TariffOffer]: ...
    def free_seats(self, performance_id: int, category_id: int) -> list[SeatInfo]: ...
    def add_event_tickets(self, *, performance_id: int, category_id: int, tariff_id: int,
                          quantity: int = 1, seat_ids: list[int] | None = None) -> object: ...



def tariff_text(name: str, price, benefit: str = "") -> str:
    text = f"{name} - {formatting.money(price)}"
    return f"{text} ({benefit})" if benefit else text


class QuantitySpin(QSpinBox):
    """A quantity the cashier types over: its text is selected whenever it gets focus."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.selectAll()


class EventSaleDialog(QDialog):
    def __init__(self, ui: EventSaleIntents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setObjectName("eventDialog")
        self.setWindowTitle(self.tr("Event"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)

        search_row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("eventSearchField")
        self.search.setPlaceholderText(self.tr("Event name, then Enter"))
        self.search.setMaxLength(120)
        search_row.addWidget(QLabel(self.tr("Event"), self))
        search_row.addWidget(self.search, 1)
        layout.addLayout(search_row)
        self.results = QListWidget(self)
        self.results.setObjectName("eventResultsView")
        self.results.setMaximumHeight(110)
        self.results.itemDoubleClicked.connect(lambda _item: self.pick())
        layout.addWidget(self.results)

        form = QFormLayout()
        self.performance = QComboBox(self)
        self.performance.setObjectName("performanceCombo")
        self.category = QComboBox(self)
        self.category.setObjectName("categoryCombo")
        self.tariff = QComboBox(self)
        self.tariff.setObjectName("tariffCombo")
        self.quantity = QuantitySpin(self)
        self.quantity.setObjectName("quantitySpin")
        self.quantity.setRange(1, 999)
        form.addRow(self.tr("Performance"), self.performance)
        form.addRow(self.tr("Price category"), self.category)
        form.addRow(self.tr("Tariff"), self.tariff)
        form.addRow(self.tr("Quantity"), self.quantity)
        layout.addLayout(form)
        self.availability = QLabel("", self)
        self.availability.setObjectName("availabilityLabel")
        self.availability.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.availability)

        seats_row = QHBoxLayout()
        self.best = QRadioButton(self.tr("&Best available seats"), self)
        self.best.setObjectName("bestSeatsRadio")
        self.best.setChecked(True)
        self.choose = QRadioButton(self.tr("&Choose the seats"), self)
        self.choose.setObjectName("chooseSeatsRadio")
        seats_row.addWidget(self.best)
        seats_row.addWidget(self.choose)
        seats_row.addStretch()
        layout.addLayout(seats_row)
        self.seats = QListWidget(self)
        self.seats.setObjectName("seatPickerView")
        self.seats.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.seats.setEnabled(False)
        layout.addWidget(self.seats, 1)

        self.message = QLabel("", self)
        self.message.setObjectName("eventMessageLabel")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.add_button = QPushButton(self.tr("ADD [Enter]"), self)
        self.add_button.setObjectName("eventAddButton")
        close = QPushButton(self.tr("Close [Esc]"), self)
        close.setObjectName("eventCloseButton")
        for button in (self.add_button, close):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.add_button.clicked.connect(self.add)
        close.clicked.connect(self.reject)
        layout.addLayout(buttons)

        self.performance.currentIndexChanged.connect(self._performance_changed)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.choose.toggled.connect(self._seat_mode_changed)
        self.seats.itemSelectionChanged.connect(self._seats_chosen)
        self._set_enabled(False)
        self.search.setFocus()

    # --- keys ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() not in ENTER_KEYS:
            super().keyPressEvent(event)
            return
        focus = self.focusWidget()
        if focus is self.search:
            self.run_search()
        elif focus is self.results:
            self.pick()
        elif isinstance(focus, QPushButton):
            focus.click()
        elif self.add_button.isEnabled():
            self.add_button.setFocus()

    # --- steps ---------------------------------------------------------------------------

    def run_search(self) -> None:
        text = self.search.text().strip()
        self.results.clear()
        if not text:
            return
        hits = self.ui.search_events(text)
        for hit in hits:
            item = QListWidgetItem(f"{hit.name} - {hit.venue}", self.results)
            item.setData(Qt.ItemDataRole.UserRole, hit.event_id)
        if hits:
            self.message.clear()
            self.results.setCurrentRow(0)
            self.results.setFocus()
        else:
            self.message.setText(self.ui.last_error or self.tr(
                "No event to come matches \u00ab %1 \u00bb.").replace("%1", text))

    def pick(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        offers = self.ui.performances(item.data(Qt.ItemDataRole.UserRole))
        self.performance.blockSignals(True)
        self.performance.clear()
        for offer in offers:
            self.performance.addItem(
                f"{offer.event_name} - {formatting.performance_date(offer.starts_at)}",
                offer.performance_id)
        self.performance.blockSignals(False)
        self._performance_changed()
        self._set_enabled(bool(offers))
        if offers:
            self.performance.setFocus()

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.performance, self.category, self.tariff, self.best, self.choose,
                       self.add_button):
            widget.setEnabled(on)
        self.quantity.setEnabled(on and not self.choose.isChecked())
        self.seats.setEnabled(on and self.choose.isChecked())

    def _performance_changed(self) -> None:
        perf = self.performance.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        for offer in self.ui.categories(perf) if perf is not None else []:
            self.category.addItem(offer.name, (offer.category_id, offer.free_seats))
        self.category.blockSignals(False)
        self._category_changed()

    def _category_changed(self) -> None:
        perf, data = self.performance.currentData(), self.category.currentData()
        self.tariff.clear()
        self.availability.clear()
        if perf is None or data is None:
            self._fill_seats()
            return
        category_id, free = data
        for offer in self.ui.tariffs(perf, category_id):
            self.tariff.addItem(tariff_text(offer.name, offer.price, offer.benefit),
                                offer.tariff_id)
        self.availability.setText(self.tr("%n free seat(s) in %1", "", free).replace(
            "%1", self.category.currentText()))
        self._fill_seats()

    def _seat_mode_changed(self, choose: bool) -> None:
        self.seats.setEnabled(choose)
        self.quantity.setEnabled(not choose)
        self._fill_seats()
        if choose:
            self.seats.setFocus()

    def _fill_seats(self) -> None:
        self.seats.clear()
        perf, data = self.performance.currentData(), self.category.currentData()
        if not self.choose.isChecked() or perf is None or data is None:
            return
        for seat in self.ui.free_seats(perf, data[0]):
            item = QListWidgetItem(" - ".join(p for p in (seat.area, seat.label) if p),
                                   self.seats)
            item.setData(Qt.ItemDataRole.UserRole, seat.seat_id)
        if self.seats.count():
            self.seats.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _seats_chosen(self) -> None:
        if self.choose.isChecked():
            self.quantity.setValue(max(len(self.seats.selectedItems()), 1))

    def chosen_seat_ids(self) -> list[int]:
        rows = sorted(self.seats.row(i) for i in self.seats.selectedItems())
        return [self.seats.item(r).data(Qt.ItemDataRole.UserRole) for r in rows]

    def add(self) -> None:
        perf, data = self.performance.currentData(), self.category.currentData()
        tariff = self.tariff.currentData()
        if perf is None or data is None or tariff is None:
            self.message.setText(self.tr("Choose a performance, a category and a tariff."))
            return
        seat_ids = None
        if self.choose.isChecked():
            seat_ids = self.chosen_seat_ids()
            if not seat_ids:
                self.message.setText(self.tr("Select the seats in the list (Space)."))
                self.seats.setFocus()
                return
        added = self.ui.add_event_tickets(
            performance_id=perf, category_id=data[0], tariff_id=tariff,
            quantity=self.quantity.value(), seat_ids=seat_ids)
        if added is None:
            self.message.setText(self.ui.last_error)
            self._refresh_availability()
            return
        self.accept()

    def _refresh_availability(self) -> None:
        """After a refusal, the free seats may have changed (sold at another counter)."""
        index, tariff = self.category.currentIndex(), self.tariff.currentIndex()
        self._performance_changed()
        self.category.setCurrentIndex(index)
        self.tariff.setCurrentIndex(tariff)
