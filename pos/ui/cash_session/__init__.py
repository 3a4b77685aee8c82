"""The counter's cash session: open with a counted float, cash in and out, the X report,
the counted close with its Z report, the refunds-and-exchanges report of a period."""
