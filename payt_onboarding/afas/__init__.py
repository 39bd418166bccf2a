"""Talking to AFAS Profit REST; no Qt. The public face, for the layers above:

- `environment`: `Environment` (UID, kind, base URL, keyring account), `EnvironmentKind`,
  `EnvironmentInputError`, `is_loopback`.
- `token`: `AfasToken` (the classic token; never shown), `TokenFormatError`.
- `client`: `AfasClient` (paging, retries, the in-flight cap), `RetryPolicy`; open it through
  `app.connection.open_client`.
- `errors`: `AfasError` and its kinds, each with a finding `Code`.
- `models`: what AFAS answers (`MetaInfo`, `SessionInfo`, `ConnectorMetadata`, `RowsPage`, …).
- `filters`: `Filter`, `FilterGroups` for row queries.
"""
