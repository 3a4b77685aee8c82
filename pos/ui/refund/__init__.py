"""refund."""
