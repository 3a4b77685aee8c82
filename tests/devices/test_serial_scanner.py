"""The serial scanner over real bytes: a pseudo-terminal pair for reading, socat behind
a stable symlink for unplugging and plugging it back."""

from __future__ import annotations

import os
import queue
import time
import tty

import pytest

from pos.devices.scan_dedupe import DuplicateGuard
from pos.devices.serial_scanner import ScannerLink, SerialScanner
from tests.support.serial_link import SocatLink, socat_available

WAIT = 10.0  # seconds before a test fails instead of hanging


class Recorder:
    def __init__(self) -> None:
        self.scans: queue.Queue[str] = queue.Queue()
        self.links: list[ScannerLink] = []

    def next_scan(self) -> str:
        try:
            return self.scans.get(timeout=WAIT)
        except queue.Empty:
            raise AssertionError("no scan arrived") from None

    def wait_link(self, link: ScannerLink, count: int = 1) -> None:
        deadline = time.monotonic() + WAIT
        while self.links.count(link) < count:
            assert time.monotonic() < deadline, f"link never {link}: {self.links}"
            time.sleep(0.01)


@pytest.fixture
def pty_pair():
    master, slave = os.openpty()
    tty.setraw(slave)  # keep our slave fd open: closing pyserial's then leaves master usable
    yield master, os.ttyname(slave)
    for fd in (master, slave):
        try:
            os.close(fd)
        except OSError:
            pass


def start_scanner(path: str, recorder: Recorder, **options) -> SerialScanner:
    scanner = SerialScanner(path, on_scan=recorder.scans.put, on_link=recorder.links.append,
                            read_timeout=0.1, backoff_initial=0.05, backoff_max=0.2, **options)
    scanner.start()
    recorder.wait_link(ScannerLink.CONNECTED)
    return scanner


@pytest.mark.parametrize("terminator, end", [("CR", b"\r"), ("LF", b"\n"), ("CRLF", b"\r\n")])
def test_codes_are_read_up_to_their_terminator_even_split_across_reads(pty_pair, terminator, end):
    master, path = pty_pair
    recorder = Recorder()
    scanner = start_scanner(path, recorder, terminator=terminator)
    try:
        os.write(master, b"0101")
        time.sleep(0.05)  # let the first half be read alone
        os.write(master, b"0002748" + end + b"01010002727" + end)
        assert recorder.next_scan() == "01010002748"
        assert recorder.next_scan() == "01010002727"
    finally:
        scanner.stop()
    assert recorder.scans.empty()


def test_a_stray_line_feed_of_a_crlf_scanner_read_as_cr_is_dropped(pty_pair):
    master, path = pty_pair
    recorder = Recorder()
    scanner = start_scanner(path, recorder, terminator="CR")
    try:
        os.write(master, b"01010002748\r\n01010002727\r\n")
        assert recorder.next_scan() == "01010002748"
        assert recorder.next_scan() == "01010002727"
    finally:
        scanner.stop()


def test_the_same_code_twice_within_the_window_is_one_scan(pty_pair):
    master, path = pty_pair
    recorder = Recorder()
    now = [100.0]
    scanner = start_scanner(path, recorder, duplicate_window_ms=1000, monotonic=lambda: now[0])
    try:
        os.write(master, b"01010002748\r")
        assert recorder.next_scan() == "01010002748"
        now[0] += 0.4
        os.write(master, b"01010002748\r01010002727\r")  # the double read, then another
        assert recorder.next_scan() == "01010002727"
        now[0] += 0.4
        os.write(master, b"01010002748\r")  # a different code came between: a new scan
        assert recorder.next_scan() == "01010002748"
        now[0] += 1.5
        os.write(master, b"01010002748\r")  # after the window: a new scan
        assert recorder.next_scan() == "01010002748"
    finally:
        scanner.stop()
    assert recorder.scans.empty()


def test_duplicate_guard_counts_from_the_last_read():
    guard = DuplicateGuard(1000)
    assert guard.accept("A", 0)
    assert not guard.accept("A", 999)
    assert not guard.accept("A", 1900)  # still held under the beam
    assert guard.accept("A", 3000)
    assert guard.accept("B", 3001)
    assert guard.accept("A", 3002)


def test_a_missing_port_is_reported_once_and_retried(tmp_path):
    recorder = Recorder()
    scanner = SerialScanner(str(tmp_path / "nothing"), on_scan=recorder.scans.put,
                            on_link=recorder.links.append, backoff_initial=0.01,
                            backoff_max=0.02)
    scanner.start()
    try:
        deadline = time.monotonic() + WAIT
        while scanner.open_attempts < 5:
            assert time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        scanner.stop()
    assert recorder.links == [ScannerLink.DISCONNECTED]


needs_socat = pytest.mark.skipif(not socat_available() and not os.environ.get("CI"),
                                 reason="socat is not installed (scripts/system-deps test)")


@needs_socat
def test_unplugged_is_reported_once_and_the_scanner_comes_back_by_itself(tmp_path):
    recorder = Recorder()
    with SocatLink(tmp_path) as link:
        scanner = start_scanner(str(link.scanner_path), recorder, terminator="CR")
        try:
            link.send(b"01010002748\r")
            assert recorder.next_scan() == "01010002748"

            link.unplug()
            recorder.wait_link(ScannerLink.DISCONNECTED)
            tries = scanner.open_attempts
            deadline = time.monotonic() + WAIT
            while scanner.open_attempts < tries + 3:  # it keeps trying, quietly
                assert time.monotonic() < deadline
                time.sleep(0.01)

            link.plug()
            recorder.wait_link(ScannerLink.CONNECTED, count=2)
            link.send(b"01010002727\r")
            assert recorder.next_scan() == "01010002727"
        finally:
            scanner.stop()
    assert recorder.links == [ScannerLink.CONNECTED, ScannerLink.DISCONNECTED,
                              ScannerLink.CONNECTED]


@needs_socat
def test_a_scanner_plugged_after_the_start_is_picked_up(tmp_path):
    recorder = Recorder()
    link = SocatLink(tmp_path)
    scanner = SerialScanner(str(link.scanner_path), on_scan=recorder.scans.put,
                            on_link=recorder.links.append, read_timeout=0.1,
                            backoff_initial=0.05, backoff_max=0.2)
    scanner.start()
    try:
        recorder.wait_link(ScannerLink.DISCONNECTED)
        with link:
            recorder.wait_link(ScannerLink.CONNECTED)
            link.send(b"01010003003\r")
            assert recorder.next_scan() == "01010003003"
    finally:
        scanner.stop()
    assert recorder.links[:2] == [ScannerLink.DISCONNECTED, ScannerLink.CONNECTED]
