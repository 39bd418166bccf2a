"""`python -m payt_onboarding.cli`, as the tests run it."""

import sys

from payt_onboarding.cli.main import main

sys.exit(main())
