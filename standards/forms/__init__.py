"""Forms of the standards app, by topic: definitions (standards, targets) and returns (period, grid, review)."""
