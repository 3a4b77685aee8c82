"""Dialogs of the exchange / cancellation screen."""
