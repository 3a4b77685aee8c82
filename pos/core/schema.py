"""The whole schema: every table module imported, so that ``metadata`` holds them all
(Alembic's environment and the tests compare and truncate it). The table modules import
``models`` for the base and the shared types, never the other way round."""

from __future__ import annotations

from pos.core import (  # noqa: F401
    models_cash,
    models_catalog,
    models_fees,
    models_ledger,
    models_printing,
)
from pos.core.models import Base

metadata = Base.metadata
