"""Log-in, log-out and switching operators at the counter."""
