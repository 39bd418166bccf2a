"""The onboarding wizard (PySide6). Pages only show what the application layer returns; the
work runs on a QThreadPool (jobs.py), never on the GUI thread.

The public face: `app.run_wizard(language, prefill)` and `state.Prefill`; the command line
opens it through `cli.wizard`. Nothing outside `gui` imports Qt (lint-imports checks it).
"""

# The pure-Python modules the first page needs, imported before PySide6 is: once imported,
# PySide6 reads the source of every module imported after it (its `__feature__` check, a few
# hundred microseconds each), which the wizard's first paint would wait for.
import payt_onboarding.checks.progress
import payt_onboarding.gui.packaged
import payt_onboarding.gui.state
import payt_onboarding.profile.location
import payt_onboarding.requirements.outline  # noqa: F401
