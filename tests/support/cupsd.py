"""A throwaway CUPS scheduler: a real ``cupsd`` in the foreground, with its whole state
(configuration, spool, cache, logs) in a private folder, listening on a free loopback port.

    with CupsServer() as server:                       # cupsd running, no queue
        server.add_raw_queue("guichet", f"socket://127.0.0.1:{fake.port}")
        PrinterConfig(connection="cups", cups_name="guichet", cups_server=server.address)
        server.admin("cupsdisable", "guichet")         # the administrator's own commands

Queues are raw (no PPD, no filter): CUPS hands the job's bytes to the backend as they
are. They point at the ``socket`` backend (a network printer on port 9100) aimed at a
FakeNetworkPrinter, not at a ``file:`` device: cupsd 2.4 writes a ``file:`` URI only as
the output of the job's last filter, and a raw queue runs none, so the file stays empty
(scheduler/job.c, cupsdContinueJob). The folder is under /tmp, not pytest's tmp_path:
backends run as the ``lp`` user and must read the spooled job, and /tmp/pytest-of-root
is private to root.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

CUPSD = shutil.which("cupsd") or ("/usr/sbin/cupsd" if Path("/usr/sbin/cupsd").exists() else None)
LPADMIN = shutil.which("lpadmin") or (
    "/usr/sbin/lpadmin" if Path("/usr/sbin/lpadmin").exists() else None)

_CUPSD_CONF = """\
Listen 127.0.0.1:{port}
LogLevel info
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow from 127.0.0.1
</Location>
<Location /admin>
  Order allow,deny
  Allow from 127.0.0.1
</Location>
"""

# FileDevice stays No: no queue of ours writes a file (see the module docstring).
_CUPS_FILES_CONF = """\
ServerRoot {root}/etc
RequestRoot {root}/spool
CacheDir {root}/cache
StateDir {root}/state
TempDir {root}/tmp
AccessLog {root}/log/access_log
ErrorLog {root}/log/error_log
PageLog {root}/log/page_log
"""


def missing() -> str:
    """Why a real CUPS server cannot run here ("" when it can)."""
    if CUPSD is None or LPADMIN is None:
        return "cupsd or lpadmin missing (scripts/system-deps test installs cups, cups-client)"
    return ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CupsServer:
    """One cupsd of our own; ``address`` is what ``[printer] cups_server`` takes."""

    def __init__(self, start_timeout: float = 15.0) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="guichet-cupsd-"))
        self.root.chmod(0o755)
        for sub in ("etc", "spool", "cache", "state", "tmp", "log"):
            (self.root / sub).mkdir()
        self.port = _free_port()
        self.address = f"127.0.0.1:{self.port}"
        (self.root / "etc" / "cupsd.conf").write_text(_CUPSD_CONF.format(port=self.port))
        (self.root / "etc" / "cups-files.conf").write_text(
            _CUPS_FILES_CONF.format(root=self.root))
        self._start_timeout = start_timeout
        self._process: subprocess.Popen | None = None

    def start(self) -> None:
        etc = self.root / "etc"
        self._process = subprocess.Popen(
            [CUPSD, "-f", "-c", str(etc / "cupsd.conf"), "-s", str(etc / "cups-files.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + self._start_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"cupsd exited at start: {self._process.stderr.read()!r}\n"
                                   f"{self.log()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"cupsd does not listen on {self.address}\n{self.log()}")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process is not None and process.stderr is not None:
            process.stderr.close()

    def admin(self, command: str, *args: str) -> str:
        """Run a CUPS administration command (lpadmin, cupsdisable...) against this server."""
        tool = LPADMIN if command == "lpadmin" else shutil.which(command) or f"/usr/sbin/{command}"
        done = subprocess.run([tool, "-h", self.address, *args], capture_output=True,
                              text=True, timeout=30)
        if done.returncode != 0:
            raise RuntimeError(f"{command} {' '.join(args)}: {done.stderr.strip()}\n{self.log()}")
        return done.stdout

    def add_raw_queue(self, name: str, device_uri: str) -> None:
        """A raw queue (no -m: no PPD, no filter), enabled and accepting jobs."""
        self.admin("lpadmin", "-p", name, "-E", "-v", device_uri)

    def log(self, lines: int = 30) -> str:
        path = self.root / "log" / "error_log"
        if not path.exists():
            return "(no cupsd error_log)"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def __enter__(self) -> CupsServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def socket_uri(port: int) -> str:
    """The socket backend's URI for a printer on 127.0.0.1:port. ``snmp=false``: no
    supply-level query; ``waiteof=false``: the job is done once the bytes are sent (a
    receipt printer sends nothing back). CUPS wants the "/" before the options."""
    return f"socket://127.0.0.1:{port}/?snmp=false&waiteof=false"
