"""Service functions: each takes a unit of work and returns plain data."""
