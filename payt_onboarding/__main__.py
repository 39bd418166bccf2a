"""`python -m payt_onboarding`: the same as `payt-onboarding`."""

import sys

from payt_onboarding.cli.main import main

sys.exit(main())
