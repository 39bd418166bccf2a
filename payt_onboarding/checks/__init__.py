"""The check engine: one small module per kind of check, results as data; no Qt.

The public face: `engine.run_session` (a whole check as a `session.CheckSession`, whose
`report()` is the report) with `session.CheckOptions`; `engine.expiry_findings`;
`progress` (`ProgressEvent`, `ProgressCallback`, `Cancellation`); `failures.finding_for_error`
(an AFAS error as a finding); `resolve.connector_key` (how connector names are compared).
The rest (`connector`, `fields`, `values`, `rules`, `attachments`, `iso_codes`, `catalog`) is
the engine's own. The CLI and the GUI start checks through `app.check`.
"""
