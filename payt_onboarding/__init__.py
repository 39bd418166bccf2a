"""payt-onboarding: connect AFAS Profit to Payt and prove the connection works.

The version lives here, once: pyproject.toml reads it (dynamic), and `--version` needs no
importlib.metadata at start-up.
"""

__version__ = "0.1.0"
