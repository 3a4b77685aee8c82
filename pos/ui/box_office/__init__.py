"""Fee rules, revocations export and the bulk refund of a cancelled performance."""
