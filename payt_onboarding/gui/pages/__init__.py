"""One module per wizard page, in the order they are shown."""
