"""Where a scan goes while a dialog is open.

A dialog that expects a scan (the range's first and last ticket, the pay dialog's
credit-note voucher, the list of numbers, the supervisor's badge) declares its scan
field with ``declare_scan_field``: a scan from any scanner (keyboard wedge or serial)
is written there, whatever field has the focus, and the dialog's own Return runs, so
the flow moves on as if the code had been typed there. A dialog that declares nothing
expects no scan: the scan is refused aloud in the dialog itself (a red line and a
beep), never behind it on the main window. A scan never lands in a free-text field:
the wedge filter swallowed its keys, and this module writes only to declared fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

ScanField = QLineEdit | QPlainTextEdit

#: objectName of the line a dialog shows when it refuses a scan
REFUSAL_LABEL = "scanRefusedLabel"
_ATTRIBUTE = "_guichet_scan_target"


@dataclass(frozen=True)
class ScanTarget:
    pick: Callable[[], ScanField]  # the field this scan goes to (a dialog may have two)
    then: Callable[[], object] | None  # the dialog's Return after the code is written


def declare_scan_field(dialog: QWidget, field: ScanField | Callable[[], ScanField],
                       then: Callable[[], object] | None = None) -> None:
    """``field``: the scan field, or a function choosing it at each scan. ``then``:
    what Return does there (default: the line edit's ``returnPressed``)."""
    pick = (lambda: field) if isinstance(field, QWidget) else field
    setattr(dialog, _ATTRIBUTE, ScanTarget(pick, then))


def scan_target(dialog: QWidget) -> ScanTarget | None:
    return getattr(dialog, _ATTRIBUTE, None)


def deliver_scan(dialog: QWidget, code: str) -> bool:
    """Write ``code`` into the dialog's scan field and run its Return; False (and the
    refusal said in the dialog) when the dialog expects no scan."""
    target = scan_target(dialog)
    if target is None:
        refuse_scan(dialog, code)
        return False
    field = target.pick()
    field.setFocus()
    if isinstance(field, QPlainTextEdit):  # a list: one number per line
        text = field.toPlainText()
        if text and not text.endswith("\n"):
            text += "\n"
        field.setPlainText(text + code + "\n")
        field.moveCursor(field.textCursor().MoveOperation.End)
    else:
        field.setText(code)
    if target.then is not None:
        target.then()
    elif isinstance(field, QLineEdit):
        field.returnPressed.emit()
    return True


def refuse_scan(dialog: QWidget, code: str) -> None:
    """Say in ``dialog`` that it expects no scan (the dialog is left as it was)."""
    text = QCoreApplication.translate(
        "ScanTarget", "Scan %1 ignored: this window expects no scan.").replace("%1", code)
    label = dialog.findChild(QLabel, REFUSAL_LABEL)
    if label is None:
        label = QLabel(dialog)
        label.setObjectName(REFUSAL_LABEL)
        label.setWordWrap(True)
        label.setStyleSheet("color: #b00020; font-weight: bold;")
        layout = dialog.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, label)
        elif isinstance(layout, QGridLayout):  # QMessageBox
            layout.addWidget(label, layout.rowCount(), 0, 1, layout.columnCount())
        elif layout is not None:
            layout.addWidget(label)
    label.setText(text)
    label.show()
    QApplication.beep()
