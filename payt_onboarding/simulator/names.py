"""The simulator's scenario names, without the scenarios: the command line's parser lists them
and must stay light (scenarios.SCENARIOS holds the same names, a test keeps them in step)."""

SCENARIO_NAMES: tuple[str, ...] = (
    "healthy", "token_rejected", "connector_missing", "outdated_version", "fields_missing",
    "no_subject_connector", "no_dossier_rights", "blocked_connector", "maintenance", "slow",
    "data_quality", "ip_restricted", "token_expires_soon", "oauth_healthy", "hybrid",
    "oauth_only_classic_refused", "oauth_secret_expired", "oauth_short_lived", "oauth_wrong_key",
)
