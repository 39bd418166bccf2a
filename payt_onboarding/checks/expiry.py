"""How near a token's expiry is worth a warning: here, apart from the engine, so the wizard's
first page can say it without importing the engine."""

EXPIRY_WARNING_DAYS = 30
