"""Domain model, services and persistence. No Qt, no hardware."""
