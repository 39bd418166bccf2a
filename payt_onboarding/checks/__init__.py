"""The check engine: one module per kind of check, results as data. No Qt."""
