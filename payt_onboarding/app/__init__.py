"""The application layer: the jobs the command line and the wizard both do, written once.

The CLI and the GUI call these, and nothing below them, to talk to AFAS or the keyring:

- `connection`: `open_client`, `probe_connection` (asks `/metainfo` only) and its `Connection`.
- `check`: `run_check_session` (a `CheckSession` the wizard keeps) and `check_environment`
  (the report, for `check` and `demo --text`).
- `credentials`: `keyring_status` and `load_stored_token`, each with the reason in words when
  there is no token.
- `saving`: `save_checked_profile`, the profile and the token after a check, and `SavedProfile`.
- `changes`: what changed since a profile's last validation: `snapshot_of(report)` (what the
  profile keeps), `since_last_validation(profile, report)` and `with_changes(report, profile)`.

Modules are imported by name, not here: each pulls in httpx, pydantic or keyring.
"""
