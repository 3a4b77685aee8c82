"""The window refuses to open on a schema it does not know: older (a counter updated
before its database) or newer (another counter runs a newer Guichet)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pos.config import parse_config
from pos.core.db import Database, known_revisions, upgrade
from pos.ui.app import run_window, schema_refusal


def test_each_schema_state_has_its_french_refusal():
    assert "guichet db init" in schema_refusal("missing")
    assert schema_refusal("behind") == ("Le schéma de la base de données est plus ancien "
                                        "que cette version de Guichet : lancez « guichet db "
                                        "upgrade ».")
    assert "version plus récente" in schema_refusal("ahead")
    assert schema_refusal("current") == ""


def answer_the_box() -> list[str]:
    """The texts of the message boxes the window opens, each accepted once read."""
    said: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            said.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(10, answer)

    QTimer.singleShot(10, answer)
    return said


@pytest.mark.parametrize("revision", ["previous", "9999"])
def test_the_window_does_not_open_on_a_schema_of_another_version(qtbot, tmp_path, revision):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database(url)
    upgrade(db.engine, known_revisions()[-2])
    if revision != "previous":
        with db.engine.begin() as conn:
            conn.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{revision}'")
    db.dispose()
    config = parse_config(f'[database]\nurl = "{url}"\n[printer]\nconnection = "file"\n'
                          f'path = "{tmp_path / "printer.bin"}"\n')
    said = answer_the_box()
    assert run_window(config) == 2
    expected = "behind" if revision == "previous" else "ahead"
    assert said == [schema_refusal(expected)]
    assert not [w for w in QApplication.topLevelWidgets()
                if w.objectName() == "mainWindow" and w.isVisible()]


def test_the_window_says_in_french_that_the_database_is_unreachable(qtbot, tmp_path):
    config = parse_config('[database]\nurl = "postgresql+psycopg://guichet@127.0.0.1:1/x"\n'
                          f'[printer]\nconnection = "file"\npath = "{tmp_path / "p.bin"}"\n')
    said = answer_the_box()
    assert run_window(config) == 2
    assert len(said) == 1 and said[0].startswith("Base de données injoignable")
    assert "Rien n’est perdu" in said[0]
