"""The bundle's `payt-onboarding` (a console program): the same entry point as a pip install's."""

import sys

from payt_onboarding.cli import main

if __name__ == "__main__":
    sys.exit(main())
