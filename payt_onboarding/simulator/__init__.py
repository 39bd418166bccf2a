"""A local AFAS Profit simulator: server, scenarios and data."""
