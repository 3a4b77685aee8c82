"""Named points of the settlement pipeline where the crash test kills the process.

``GUICHET_CRASH_AT=<point>`` makes the process SIGKILL itself when a settlement reaches
that point (tests/core/test_crash.py); unset, ``reached`` is one comparison with None.
The points, in the pipeline's order, are ``POINTS``."""

from __future__ import annotations

import os
import signal

POINTS = ("write_opened", "operation_opened", "tickets_cancelled", "orders_touched",
          "journal_appended", "documents_enqueued", "before_commit", "after_commit")

_AT = os.environ.get("GUICHET_CRASH_AT") or None


def reached(point: str) -> None:
    if _AT is not None and point == _AT:
        os.kill(os.getpid(), signal.SIGKILL)
