"""What Payt needs from each AFAS GetConnector, loaded from payt_requirements.toml. No Qt."""
