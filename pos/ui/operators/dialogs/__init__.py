"""The operators' dialogs."""
