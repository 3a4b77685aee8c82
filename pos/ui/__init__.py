"""The PySide6 window. Thin: it shows, emits, and calls the core's services."""
