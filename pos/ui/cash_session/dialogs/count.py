"""A drawer counted per denomination (euro coins and notes): the opening float, or the
close against the expected amount. Tab walks the denominations, Enter confirms; the
total (and the difference) come from the core's ``denominations``."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos import formatting
from pos.core import denominations


class CountDialog(QDialog):
    """``expected``: None to open (the float), the drawer's expected content to close."""

    def __init__(self, title: str, confirm: str, expected: Decimal | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashCountDialog")
        self.setWindowTitle(title)
        self.expected = expected
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.spins: dict[int, QSpinBox] = {}
        # Notes first, the biggest at the top: the order a cashier counts in.
        for index, cents in enumerate(sorted(denominations.DENOMINATIONS, reverse=True)):
            row, column = index % 8, 2 * (index // 8)
            label = QLabel(denominations.label(cents), self)
            label.setObjectName(f"countLabel{cents}")
            spin = QSpinBox(self)
            spin.setObjectName(f"countSpin{cents}")
            spin.setRange(0, denominations.MAX_PIECES)
            spin.valueChanged.connect(self._refresh)
            label.setBuddy(spin)
            grid.addWidget(label, row, column)
            grid.addWidget(spin, row, column + 1)
            self.spins[cents] = spin
        layout.addLayout(grid)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("countTotalLabel")
        self.total_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout.addWidget(self.total_label)
        self.expected_label = QLabel(self)
        self.expected_label.setObjectName("countExpectedLabel")
        self.difference_label = QLabel(self)
        self.difference_label.setObjectName("countDifferenceLabel")
        for extra in (self.expected_label, self.difference_label):
            extra.setVisible(expected is not None)
            layout.addWidget(extra)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(confirm)
        ok.setObjectName("countConfirmButton")
        ok.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setObjectName("countCancelButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._refresh()
        self.spins[max(self.spins)].setFocus()

    def count(self) -> dict[int, int]:
        return {cents: spin.value() for cents, spin in self.spins.items() if spin.value()}

    def set_count(self, count: dict[int, int]) -> None:
        for cents, pieces in count.items():
            self.spins[cents].setValue(pieces)

    def _refresh(self) -> None:
        total = denominations.total(self.count())
        self.total_label.setText(self.tr("Counted: %1").replace("%1", formatting.money(total)))
        if self.expected is not None:
            self.expected_label.setText(self.tr("Expected: %1").replace(
                "%1", formatting.money(self.expected)))
            self.difference_label.setText(self.tr("Difference: %1").replace(
                "%1", formatting.money(total - self.expected)))
