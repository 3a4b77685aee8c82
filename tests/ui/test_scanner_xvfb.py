"""The real window on a real X server (Xvfb), fed real key events by xdotool (XTEST):
a scanner's burst while the focus sits in the remarks field lands in the basket, and
the remarks stay empty; slow typing stays in the remarks. This is the path no
synthesised QKeyEvent covers: xcb key events with the X server's own timestamps.

The window runs in a subprocess (tests/ui/xvfb_app.py) that answers "state" on stdin.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import NOW

ROOT = Path(__file__).resolve().parents[2]
TICKET = "01010002748"
WAIT = 20.0

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def _require(tool: str) -> None:
    if shutil.which(tool) is None:
        message = f"{tool} is not installed (scripts/system-deps test installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def display():
    """A private X server on a display number it picks itself (-displayfd: no race
    with another test run choosing the same number)."""
    _require("Xvfb")
    _require("xdotool")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten",
         "tcp"], pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        ready, _, _ = select.select([read_fd], [], [], WAIT)
        number = os.read(read_fd, 32).decode().strip() if ready else ""
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read_fd)
        server.terminate()
        server.wait(timeout=10)


class App:
    """The window in a subprocess on ``display``; ``state()`` asks it what it shows."""

    def __init__(self, display: str, database: Path, folder: Path, prefix: str = "") -> None:
        self.display = display
        self.log_path = folder / "app.log"
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", GUICHET_LANG="fr",
                   PYTHONPATH=str(ROOT))
        env.pop("WAYLAND_DISPLAY", None)
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tests.ui.xvfb_app", "--database", str(database),
                 "--printer", str(folder / "printer.bin"), "--now", NOW.isoformat(),
                 "--prefix", prefix],
                cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)

    def ask(self, word: str) -> str:
        self.process.stdin.write(word.encode() + b"\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], WAIT)
        assert ready, f"the window did not answer {word!r}; log:\n{self.log()}"
        line = self.process.stdout.readline().decode()
        assert line, f"the window exited; log:\n{self.log()}"
        return line

    def state(self) -> dict:
        return json.loads(self.ask("state"))

    def wait_for(self, check, what: str) -> dict:
        deadline = time.monotonic() + WAIT
        while True:
            state = self.state()
            if check(state):
                return state
            assert time.monotonic() < deadline, f"never {what}: {state}; log:\n{self.log()}"
            time.sleep(0.05)

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=self.display),
                       check=True, timeout=WAIT)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.write(b"quit\n")
                self.process.stdin.flush()
                self.process.wait(timeout=WAIT)
            except (BrokenPipeError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()


@pytest.fixture
def app_factory(display, demo, tmp_path):
    apps: list[App] = []
    database = Path(demo.engine.url.database)

    def start(prefix: str = "") -> App:
        app = App(display, database, tmp_path, prefix)
        apps.append(app)
        app.wait_for(lambda s: s["active"] and s["focus"] == "remarksField",
                     "active with the focus in the remarks")
        return app

    yield start
    for app in apps:
        app.close()


def test_xdotool_burst_into_the_remarks_lands_in_the_basket(app_factory):
    app = app_factory()
    # The code and its Enter ("\r" is typed as Return; "\n" would be Linefeed) in one
    # xdotool run, like `xdotool type ...` + `xdotool key Return`, but starting a
    # second process for "key Return" could take longer than a scanner's 35 ms gap on a
    # busy machine, and the burst would rightly be taken for typing.
    app.xdotool("type", "--delay", "5", TICKET + "\r")
    state = app.wait_for(lambda s: s["basket"] == [TICKET], "the ticket in the basket")
    assert state["remarks"] == "" and state["scan"] == ""
    assert state["message"].startswith("Billet 01010002748 ajouté")
    assert f"scan accepted {TICKET}" in app.log()

    # A person typing in the same field keeps what they type, in order.
    app.xdotool("type", "--delay", "150", "Merci 12")
    app.wait_for(lambda s: s["remarks"] == "Merci 12", "the typing in the remarks")
    assert app.state()["basket"] == [TICKET]


def test_xdotool_prefixed_scan_with_f12(app_factory):
    app = app_factory(prefix="F12")
    app.xdotool("key", "F12")  # with a prefix, the timing does not matter
    app.xdotool("type", "--delay", "60", "01010002727\r")
    state = app.wait_for(lambda s: s["basket"] == ["01010002727"], "the ticket in the basket")
    assert state["remarks"] == ""
    app.xdotool("type", "--delay", "5", "1234")  # fast, without the prefix: typed as is
    app.wait_for(lambda s: s["remarks"] == "1234", "the typing in the remarks")
