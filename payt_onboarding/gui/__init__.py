"""The onboarding wizard (PySide6). Pages only show what the application layer returns; the
work runs on a QThreadPool (jobs.py), never on the GUI thread.

The public face: `app.run_wizard(language, prefill)` and `state.Prefill`; the command line
opens it through `cli.wizard`. Nothing outside `gui` imports Qt (lint-imports checks it).
"""
