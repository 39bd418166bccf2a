"""What Payt needs from each AFAS GetConnector, loaded from payt_requirements.toml; no Qt.

The public face: `load.load_requirements(path=None)` (the built-in file by default),
`load.RequirementsError` (with the file's line and what to fix), and the model in `model`
(`Requirements`, `ConnectorRequirement`, `FieldRequirement`, `PaytType`, the `Rules`).
"""
