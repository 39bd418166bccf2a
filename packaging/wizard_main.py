"""The bundle's wizard (windowed: no console on Windows): the `payt-onboarding-wizard` gui-script."""

import sys

from payt_onboarding.cli.wizard import main

if __name__ == "__main__":
    sys.exit(main())
