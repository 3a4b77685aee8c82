"""Cash-desk hardware: receipt printer and cash drawer, over real bytes.

Modules, one job each:

- ``errors``: the device error tree (stable ``code``, French ``message``).
- ``status``: ``PrinterStatus`` and the DLE EOT status exchange.
- ``cp858``: text to the printer's one code table, with readable fallbacks.
- ``escpos_render``: a ``pos.core.documents.Document`` to one ESC/POS job (bytes).
- ``connections``: transports (network, serial, file, USB, CUPS) with explicit open/close.
- ``printer``: ``open_printer`` (config to connection) and ``ReceiptPrinter``.
- ``drawer``: the drawer kick, through the printer or on its own serial port.
- ``pdf``: ``render_pdf``, documents as a PDF (reportlab, vector CODE128 and QR).
- ``mailer``: ``send_mail``, PDFs by SMTP, or saved in the outbox folder without a server.

Every call here blocks (network, serial): the window runs them off the GUI thread.
This package imports no Qt, no window code, no database; from the core only
``pos.core.documents`` (plain data). Nothing is imported here so that
``pos.devices.status`` stays cheap for the status bar (python-escpos takes ~0.4 s).
"""
