"""The cold start: the window is ready for a scan before the features behind a key are
imported (pos.ui.app.AFTER_FIRST_PAINT), imports them right after, and a scan typed
before the event loop's first turn is not lost. Each start is a fresh interpreter
(tests/ui/cold_start_child.py): what is imported when is the point."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

from pos.ui.app import AFTER_FIRST_PAINT
from tests.conftest import NOW

ROOT = Path(__file__).resolve().parents[2]
TICKET = "01010002748"  # a valid ticket of the demo data


def start(mode: str, demo, tmp_path) -> dict:
    url = demo.engine.url.render_as_string(hide_password=False)
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.cold_start_child", mode, url, NOW.isoformat(),
         TICKET, str(tmp_path / "printer.bin")],
        cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_deferred_module_exists():
    for name in AFTER_FIRST_PAINT:
        importlib.import_module(name)


def test_ready_before_the_deferred_imports_which_follow(demo, tmp_path):
    report = start("idle", demo, tmp_path)
    assert report["focused"] is True
    assert report["deferred_loaded_at_ready"] == []
    assert report["deferred_missing_after"] == []
    # No ORM query before the first paint (the start-up reads are on the tables): the
    # mappers are configured right after it, by the warm-up, not by the first scan.
    assert report["mappers_configured_at_ready"] == 0
    assert report["mappers_unconfigured_after"] == 0


def test_a_scan_typed_before_the_first_turn_lands_in_the_basket(demo, tmp_path):
    report = start("scan", demo, tmp_path)
    assert report["basket"] == [TICKET]


def test_pyside_signature_support_starts_from_byte_compiled_files():
    # `make bytecode` writes PySide's embedded signature sources out (SBK_EMBED=0) and
    # compiles them: from the embedded zip they were compiled again at every start.
    probe = ("import os, sys, PySide6.QtCore; "
             "m = sys.modules['shibokensupport.signature.loader']; "
             "print(type(m.__loader__).__name__, os.path.exists(m.__cached__ or ''))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert result.stdout.split() == ["SourceFileLoader", "True"], result.stderr[-2000:]


def test_the_warm_up_lets_the_event_loop_run_between_two_modules(qtbot):
    from PySide6.QtCore import QObject, QTimer

    from pos.ui.app import WarmUp

    parent = QObject()
    warm = WarmUp(parent, names=AFTER_FIRST_PAINT[:3])
    seen = []
    warm.start()
    # What the window system delivers after the warm-up began (a key of a scan): it runs
    # between two of its steps, not after all of them.
    QTimer.singleShot(0, lambda: seen.append(warm.done))
    with qtbot.waitSignal(warm.sig_done, timeout=10_000):
        pass
    assert seen == [False]
    assert warm.done


def test_a_module_that_fails_to_import_does_not_stop_the_warm_up(qtbot, caplog):
    from PySide6.QtCore import QObject

    from pos.ui.app import WarmUp

    parent = QObject()
    warm = WarmUp(parent, names=("pos.no_such_module", AFTER_FIRST_PAINT[0]))
    warm.start()
    with qtbot.waitSignal(warm.sig_done, timeout=10_000):
        pass
    assert warm.done
    assert "pos.no_such_module" in caplog.text
