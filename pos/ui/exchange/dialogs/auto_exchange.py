"""AUTO-ÉCHANGE [Alt+A]: the tickets of the cancellation basket again, same performance
and same seats, at another tariff: every ticket, or only those selected in the basket.
Enter exchanges and closes; a refusal stays in the dialog (``autoExchangeMessageLabel``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.core.services.catalog import TariffOffer
from pos.ui.exchange.dialogs.event_sale import tariff_text
from pos.ui.keys import ENTER as ENTER_KEYS


class AutoExchangeIntents(Protocol):
    """What the dialog asks of its caller (the exchange's sale controller)."""

    last_error: str

    def auto_exchange_tariffs(self, numbers: list[str] | None = None
                              ) -> list[TariffOffer]: ...
    def auto_exchange(self, tariff_id: int, numbers: list[str] | None = None) -> object: ...


class AutoExchangeDialog(QDialog):
    """``tickets``: the basket's tickets (plain data); ``selected``: the numbers selected
    in the basket (the "one line" case)."""

    def __init__(self, ui: AutoExchangeIntents, tickets: Sequence, selected: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.selected = ui, selected
        self._all_numbers = [t.number for t in tickets]
        self.setObjectName("autoExchangeDialog")
        self.setWindowTitle(self.tr("Auto-exchange"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "The same tickets again, same performance and same seats, at another tariff."),
            self))
        self.all = QCheckBox(self.tr("All the tickets of the basket"), self)
        self.all.setObjectName("autoExchangeAllCheck")
        self.all.setChecked(not selected)
        self.all.setEnabled(bool(selected))
        self.which = QLabel("", self)
        self.which.setObjectName("autoExchangeTicketsLabel")
        self.which.setWordWrap(True)
        form = QFormLayout()
        self.tariff = QComboBox(self)
        self.tariff.setObjectName("autoExchangeTariffCombo")
        form.addRow(self.tr("New tariff"), self.tariff)
        layout.addWidget(self.all)
        layout.addWidget(self.which)
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setObjectName("autoExchangeMessageLabel")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch()
        self.ok = QPushButton(self.tr("EXCHANGE [Enter]"), self)
        self.ok.setObjectName("autoExchangeOkButton")
        cancel = QPushButton(self.tr("Close [Esc]"), self)
        cancel.setObjectName("autoExchangeCloseButton")
        for button in (self.ok, cancel):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        self.ok.clicked.connect(self.exchange)
        cancel.clicked.connect(self.reject)
        self.all.toggled.connect(lambda _on: self._fill())
        self._fill()
        self.tariff.setFocus()

    def numbers(self) -> list[str] | None:
        return None if self.all.isChecked() else list(self.selected)

    def _fill(self) -> None:
        numbers = self.numbers()
        shown = numbers if numbers is not None else self._all_numbers
        count = len(shown)
        self.which.setText(self.tr("%n ticket(s): %1", "", count).replace(
            "%1", ", ".join(shown)))
        current = self.tariff.currentData()
        self.tariff.clear()
        for offer in self.ui.auto_exchange_tariffs(numbers):
            self.tariff.addItem(tariff_text(offer.name, offer.price, offer.benefit),
                                offer.tariff_id)
        self.tariff.setCurrentIndex(max(self.tariff.findData(current), 0))
        self.ok.setEnabled(self.tariff.count() > 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in ENTER_KEYS:
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus is not self.ok:
                focus.click()
            else:
                self.exchange()
            return
        super().keyPressEvent(event)

    def exchange(self) -> None:
        tariff = self.tariff.currentData()
        if tariff is None or not self.ok.isEnabled():
            return
        if self.ui.auto_exchange(tariff, self.numbers()) is None:
            self.message.setText(self.ui.last_error)
            return
        self.accept()
