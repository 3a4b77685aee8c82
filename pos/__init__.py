"""Guichet: point-of-sale for the ticket window (refunds and exchanges)."""

__version__ = "0.1.0"
