"""Leaving the event loop without closing the window (``app.exit()``: unlike ``quit()``,
Qt 6 closes no window first) stops the print thread and the scanners too: the process
exits with 0, not with Qt's abort on a QThread destroyed while running (134). A real
process, as `guichet` runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)

QUIT_WITHOUT_CLOSE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pos.config import load_config
from pos.ui.app import run_window

app = QApplication(sys.argv[:1])
QTimer.singleShot(1500, lambda: app.exit(0))  # the loop ends; nobody closes the window
sys.exit(run_window(load_config(None)))
"""


THREADS_AFTER_THE_LOOP = """
import sys
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication
from pos.config import load_config
from pos.core.clock import SystemClock
from pos.core.db import Database
from pos.ui.app import build_main_window, make_printer

app = QApplication(sys.argv[:1])
config = load_config(None)
database = Database(config.database_url)
window = build_main_window(config, database, SystemClock(), make_printer(config))
window.show()
QTimer.singleShot(1500, lambda: app.exit(0))
code = app.exec()
running = [t.objectName() for t in window.findChildren(QThread) if t.isRunning()]
print("running after the loop:", running, flush=True)
database.dispose()
sys.exit(code)
"""


def _env(demo, tmp_path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               GUICHET_DATABASE_URL=str(demo.engine.url),
               GUICHET_CONFIG=str(tmp_path / "guichet.toml"),
               GUICHET_DATA_DIR=str(tmp_path / "data"))
    (tmp_path / "guichet.toml").write_text(
        f'[printer]\nconnection = "file"\npath = "{tmp_path / "printer.bin"}"\n')
    return env


def test_the_threads_stop_when_the_event_loop_ends_without_a_close(demo, tmp_path):
    done = subprocess.run([sys.executable, "-c", THREADS_AFTER_THE_LOOP], cwd=ROOT,
                          env=_env(demo, tmp_path), capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "running after the loop: []" in done.stdout, done.stdout


def test_quitting_the_event_loop_without_closing_the_window_exits_with_0(demo, tmp_path):
    env = _env(demo, tmp_path)
    done = subprocess.run([sys.executable, "-c", QUIT_WITHOUT_CLOSE], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "window ready" in done.stderr
    assert "QThread: Destroyed while thread is still running" not in done.stderr
