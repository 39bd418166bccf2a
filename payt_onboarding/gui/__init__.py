"""The onboarding wizard (PySide6). Pages only show what the engine and the profile store
return; the work runs on a QThreadPool (jobs.py), never on the GUI thread."""
