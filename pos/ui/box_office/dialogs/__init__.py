"""The box-office dialogs: plain data in, callbacks out."""
