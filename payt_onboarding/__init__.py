"""payt-onboarding: connect AFAS Profit to Payt and prove the connection works."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("payt-onboarding")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
