"""The application layer's own tests: the log file and its scrubber, the diagnostics, the
self-test's items. The global leak guard (tests/conftest.py) applies as everywhere."""
