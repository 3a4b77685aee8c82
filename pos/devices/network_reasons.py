"""Why a TCP link failed, in the words the cashier reads (lazy: rendered in the window's
language): one list for the network printer and the mail server."""

from __future__ import annotations

import errno
import socket

from pos.core.i18n import Lazy, lazy


def network_reason(exc: BaseException, timeout: float) -> Lazy:
    if isinstance(exc, ConnectionRefusedError):
        return lazy("connection refused")
    if isinstance(exc, TimeoutError):
        return lazy("no reply within {seconds} s", seconds=format(timeout, "g"))
    if isinstance(exc, socket.gaierror):
        return lazy("unknown address")
    if isinstance(exc, OSError) and exc.errno == errno.EHOSTUNREACH:
        return lazy("host unreachable")
    if isinstance(exc, OSError) and exc.errno == errno.ENETUNREACH:
        return lazy("network unreachable")
    return lazy("network error")
