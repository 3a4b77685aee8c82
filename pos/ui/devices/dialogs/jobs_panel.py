"""The part the print jobs and the e-mails of the jobs window (Ctrl+J) share: a table of
jobs, a row each and one selected, the selection kept across refreshes by the job's id,
and buttons enabled by the selected job's state. A kind of job says only its columns,
its rows' cells, the row selected first, and its buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.ui import keys

JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class JobsTable(QTableWidget):
    """Read-only rows of jobs (each row's items carry the job's id)."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(0, 0, parent)
        self.setObjectName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setStretchLastSection(True)
        self.jobs: dict[int, Any] = {}

    def show_jobs(self, jobs: Sequence[Any], cells: Callable[[Any], Sequence[str]],
                  first_row: Callable[[Sequence[Any]], int | None]) -> None:
        """Fill the rows; the job selected before stays selected, else ``first_row``'s."""
        selected = self.selected_job_id()
        self.jobs = {j.id: j for j in jobs}
        self.setRowCount(len(jobs))
        for r, job in enumerate(jobs):
            for c, text in enumerate(cells(job)):
                item = QTableWidgetItem(text)
                item.setData(JOB_ID_ROLE, job.id)
                self.setItem(r, c, item)
            if job.id == selected:
                self.selectRow(r)
        self.resizeColumnsToContents()
        if self.selected_job_id() is None:
            row = first_row(jobs)
            if row is not None:
                self.selectRow(row)

    def selected_job_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].data(JOB_ID_ROLE) if rows else None

    def selected_job(self) -> Any | None:
        return self.jobs.get(self.selected_job_id() or -1)

    def select_job(self, job_id: int) -> None:
        for r in range(self.rowCount()):
            if self.item(r, 0).data(JOB_ID_ROLE) == job_id:
                self.selectRow(r)


class JobsPanel(QWidget):
    """One kind of job: its table, then its row of buttons. A subclass gives its columns
    (``set_columns``), ``jobs()``, ``cells(job)`` and ``first_row(jobs)``, and adds its
    buttons with ``add_button``."""

    def __init__(self, name: str, table_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = JobsTable(table_name, self)
        layout.addWidget(self.table)
        self._row = QHBoxLayout()
        self._row.addStretch()
        layout.addLayout(self._row)
        self._buttons: list[tuple[QPushButton, Callable[[Any], bool]]] = []
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def set_columns(self, headers: Sequence[str]) -> None:
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))

    def add_title(self, text: str, name: str) -> QLabel:
        """A title above the table."""
        title = QLabel(text, self)
        title.setObjectName(name)
        self._layout.insertWidget(0, title)
        return title

    def add_button(self, text: str, name: str, act: Callable[[int], object],
                   enabled: Callable[[Any], bool] = lambda _job: True, *,
                   key: str | None = None) -> QPushButton:
        """A button acting on the selected job (its id), enabled when ``enabled(job)``;
        ``key``: its shortcut, written on it."""
        button = QPushButton(text, self)
        button.setObjectName(name)
        if key is not None:
            keys.bind_button(button, key, keep_focus=False)

        def clicked() -> None:
            job = self.table.selected_job()
            if job is not None and enabled(job):  # a key may come before the redraw
                act(job.id)

        button.clicked.connect(clicked)
        self._row.insertWidget(len(self._buttons), button)
        self._buttons.append((button, enabled))
        return button

    # --- what a kind of job says --------------------------------------------------------

    def jobs(self) -> Sequence[Any]:
        raise NotImplementedError

    def cells(self, job: Any) -> Sequence[str]:
        raise NotImplementedError

    def first_row(self, jobs: Sequence[Any]) -> int | None:
        """The row selected when none is: the newest job (the first row)."""
        return 0 if jobs else None

    # ---

    def refresh(self) -> None:
        self.table.show_jobs(self.jobs(), self.cells, self.first_row)
        self._selection_changed()

    def selected_job_id(self) -> int | None:
        return self.table.selected_job_id()

    def select_job(self, job_id: int) -> None:
        self.table.select_job(job_id)

    def _selection_changed(self) -> None:
        job = self.table.selected_job()
        for button, enabled in self._buttons:
            button.setEnabled(job is not None and enabled(job))
