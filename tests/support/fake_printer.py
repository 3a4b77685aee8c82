"""Printers made of real bytes: a TCP server on 127.0.0.1 and a pseudo-terminal.

Both record every byte they receive and answer the real-time status request
DLE EOT n (0x10 0x04 n) from a settable ``state``, like an Epson printer.
Bytes are handled in stream order: a request is answered only once every byte
sent before it has been recorded, so a test that sees the reply can assert the
job that preceded it.

Network::

    with FakeNetworkPrinter() as fake:               # port 0: a free port
        conn = NetworkConnection(fake.host, fake.port)
        ...
        job = fake.wait_for_jobs(1)[0]               # bytes of the first connection
        fake.state = "paper_out"                     # next requests answer "paper out"
        fake.drop_after(10)                          # next connections: cut after 10 bytes
        fake.refuse()                                # stop listening: connections refused

Serial (pseudo-terminal; pyserial opens ``fake.path``)::

    with FakeSerialPrinter() as fake:
        conn = SerialConnection(fake.path)
        ...
        fake.wait_for_bytes(len(job))

States: "ready", "paper_low", "paper_out", "cover_open", "offline",
"silent" (never answers), "garbage" (answers a byte that is not a status).
Waiting helpers raise AssertionError on timeout (a test failure, not a hang).
DLE EOT is recognised anywhere in the stream, as a printer does; image data
that happens to contain 10 04 0n would get an answer too.
"""

from __future__ import annotations

import os
import select
import socket
import threading
import tty
from collections.abc import Callable

# Reply byte to DLE EOT 1, 2, 3, 4 for each state (Epson bit layout: bits 1 and
# 4 always set, bits 0 and 7 always clear).
_READY = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}
REPLIES: dict[str, dict[int, int] | None] = {
    "ready": _READY,
    "paper_low": {**_READY, 4: 0x12 | 0x0C},  # near-end sensor
    "paper_out": {1: 0x12 | 0x08, 2: 0x12 | 0x20, 3: 0x12, 4: 0x12 | 0x0C | 0x60},
    "cover_open": {1: 0x12 | 0x08, 2: 0x12 | 0x04, 3: 0x12, 4: 0x12},
    "offline": {1: 0x12 | 0x08, 2: 0x12 | 0x40, 3: 0x12 | 0x40, 4: 0x12},  # error state
    "silent": None,
    "garbage": {1: 0x00, 2: 0x00, 3: 0x00, 4: 0x00},  # fixed bits wrong
}
STATES = tuple(REPLIES)

#: A status timeout for connections under test (``status_timeout=STATUS_TIMEOUT``):
#: the fakes answer at once, so this only bounds how long "silent" takes, with
#: room for a loaded CI machine.
STATUS_TIMEOUT = 0.3


class _StatusResponder:
    """Reads a byte stream in order; returns the reply owed after each byte, if any."""

    def __init__(self, state: Callable[[], str],
                 drawer_high: Callable[[], bool] = lambda: True) -> None:
        self._state = state
        self._drawer_high = drawer_high
        self._step = 0  # 0: nothing, 1: saw DLE, 2: saw DLE EOT

    def after(self, b: int) -> bytes | None:
        if self._step == 2:
            self._step = 0
            if 1 <= b <= 4:
                replies = REPLIES[self._state()]
                if replies is None:
                    return None
                reply = replies[b]
                if b == 1 and reply & 0x12 == 0x12:  # bit 2: the drawer sensor (pin 3)
                    reply = reply | 0x04 if self._drawer_high() else reply & ~0x04
                return bytes([reply])
        if b == 0x10:
            self._step = 1
        elif self._step == 1 and b == 0x04:
            self._step = 2
        else:
            self._step = 0
        return None


class _Recorder:
    """Shared recording and waiting, under one condition variable."""

    def __init__(self, state: str) -> None:
        self._cond = threading.Condition()
        self._received = bytearray()
        self._jobs: list[bytes] = []
        self.state = state

    @property
    def state(self) -> str:
        return self._state

    @state.setter
    def state(self, value: str) -> None:
        if value not in REPLIES:
            raise ValueError(f"state {value!r}: one of {', '.join(STATES)}")
        self._state = value

    #: Level of the drawer sensor the printer reports (DLE EOT 1, bit 2). Many drawers
    #: read HIGH when closed; tests open the drawer by setting it False.
    drawer_pin3_high = True

    @property
    def received(self) -> bytes:
        """Every byte received so far, all connections in arrival order."""
        with self._cond:
            return bytes(self._received)

    def _record(self, data: bytes) -> None:
        with self._cond:
            self._received += data
            self._cond.notify_all()

    def _wait(self, ready: Callable[[], bool], timeout: float, what: str) -> None:
        with self._cond:
            if not self._cond.wait_for(ready, timeout):
                raise AssertionError(f"fake printer: {what} not seen within {timeout} s")

    def wait_for_bytes(self, n: int, timeout: float = 5.0) -> bytes:
        """Wait until at least ``n`` bytes were received; return all received."""
        self._wait(lambda: len(self._received) >= n, timeout, f"{n} bytes")
        return self.received

    def _consume(
        self, data: bytes, responder: _StatusResponder, reply: Callable[[bytes], None]
    ) -> None:
        """Record ``data`` in order, answering each status request after the bytes before it."""
        start = 0
        for i, b in enumerate(data):
            answer = responder.after(b)
            if answer is not None:
                self._record(data[start : i + 1])
                start = i + 1
                reply(answer)
        if start < len(data):
            self._record(data[start:])


class FakeNetworkPrinter(_Recorder):
    """A raw TCP (port 9100 style) printer on 127.0.0.1, random port, one thread per connection."""

    def __init__(self, state: str = "ready") -> None:
        super().__init__(state)
        self._listener: socket.socket | None = socket.create_server(("127.0.0.1", 0))
        self.host, self.port = self._listener.getsockname()[:2]
        self._drop_after: int | None = None
        self._live: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._wake_r, self._wake_w = socket.socketpair()
        self._stopping = False
        self.connections = 0  # accepted so far
        self._accepter = threading.Thread(
            target=self._accept_loop, name="fake-printer", daemon=True
        )
        self._accepter.start()

    @property
    def jobs(self) -> list[bytes]:
        """Bytes of each finished connection (closed by either side), in order of ending."""
        with self._cond:
            return list(self._jobs)

    def wait_for_jobs(self, k: int, timeout: float = 5.0) -> list[bytes]:
        """Wait until ``k`` connections have ended; return ``jobs``."""
        self._wait(lambda: len(self._jobs) >= k, timeout, f"{k} finished connection(s)")
        return self.jobs

    def drop_after(self, n_bytes: int | None) -> None:
        """From now on, close each connection once it has sent ``n_bytes`` (None: never)."""
        self._drop_after = n_bytes

    def refuse(self) -> None:
        """Stop listening: new connections are refused (existing ones go on)."""
        self._stop_accepting()

    def _stop_accepting(self) -> None:
        self._stopping = True
        self._wake_w.send(b"x")
        self._accepter.join(timeout=5)
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while True:
            readable, _, _ = select.select([self._listener, self._wake_r], [], [])
            if self._stopping or self._wake_r in readable:
                return
            conn, _ = self._listener.accept()
            with self._cond:
                self.connections += 1
                self._live.add(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        responder = _StatusResponder(lambda: self.state, lambda: self.drawer_pin3_high)
        job = bytearray()

        def reply(answer: bytes) -> None:
            try:
                conn.sendall(answer)
            except OSError:
                pass  # the client went away; the job is still recorded

        try:
            while True:
                try:
                    data = conn.recv(65536)
                except OSError:
                    break
                if not data:
                    break
                limit = self._drop_after
                if limit is not None and len(job) + len(data) >= limit:
                    data = data[: limit - len(job)]
                    job += data
                    self._consume(data, responder, reply)
                    break  # drop the connection in the middle of the job
                job += data
                self._consume(data, responder, reply)
        finally:
            conn.close()
            with self._cond:
                self._live.discard(conn)
                self._jobs.append(bytes(job))
                self._cond.notify_all()

    def close(self) -> None:
        if not self._stopping:
            self._stop_accepting()
        with self._cond:
            live = list(self._live)
        for conn in live:
            try:
                conn.shutdown(socket.SHUT_RDWR)  # wakes its thread's recv
            except OSError:
                pass
        for thread in self._threads:
            thread.join(timeout=5)
        self._wake_r.close()
        self._wake_w.close()

    def __enter__(self) -> FakeNetworkPrinter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class FakeSerialPrinter(_Recorder):
    """A serial printer on a pseudo-terminal: pyserial opens ``path`` (the slave side)."""

    def __init__(self, state: str = "ready") -> None:
        super().__init__(state)
        self._master, self._slave = os.openpty()
        # Raw from the start, so nothing is echoed or translated before pyserial
        # configures the port itself. Keeping our slave fd open also keeps the
        # master readable when pyserial closes the port (else: EIO).
        tty.setraw(self._slave)
        self.path = os.ttyname(self._slave)
        self._wake_r, self._wake_w = os.pipe()
        self._thread = threading.Thread(target=self._serve, name="fake-serial-printer", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        responder = _StatusResponder(lambda: self.state, lambda: self.drawer_pin3_high)
        while True:
            readable, _, _ = select.select([self._master, self._wake_r], [], [])
            if self._wake_r in readable:
                return
            try:
                data = os.read(self._master, 65536)
            except OSError:
                return
            self._consume(data, responder, lambda answer: os.write(self._master, answer))

    def close(self) -> None:
        os.write(self._wake_w, b"x")
        self._thread.join(timeout=5)
        for fd in (self._master, self._slave, self._wake_r, self._wake_w):
            os.close(fd)

    def __enter__(self) -> FakeSerialPrinter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
