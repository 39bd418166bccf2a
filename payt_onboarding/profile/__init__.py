"""The saved configuration: profiles on disk and the token in the system keyring (no Qt).

- `model`: the pydantic `Profile` (with `TokenRef`, `Validation`) and `migrate`.
- `snapshot`: `Snapshot`, what a validation keeps to say what changed at the next check.
- `store`: `ProfileStore` (list, load, save, rename, delete, export, import, restore_backup),
  `ProfileError`, `ProfileSummary`; `files.safe_filename` and the atomic write; `codec` reads and
  writes the bytes.
- `secrets`: `TokenVault`, `detect`, `StoreStatus`, `SecretStoreError` (imports `keyring`,
  so it is not imported here).
- `listing`: `format_profiles` for the terminal.

Saving what a check found (profile and token together) is `app.saving`: the profile layer
knows nothing of the engine. The CLI and GUI read the keyring through `app.credentials`.
"""
