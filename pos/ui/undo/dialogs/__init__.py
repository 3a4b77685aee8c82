"""Dialogs of the undo feature."""
