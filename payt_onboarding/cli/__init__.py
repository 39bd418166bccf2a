"""The command line (DESIGN.md section 3): `main` is the `payt-onboarding` entry point.

- `parser`: the whole argument parser, light imports only.
- `exit_codes`: every exit status.
- one module per command, each with its runner: `check`, `profiles`, `demo`, `simulator`,
  `wizard` (opens the GUI).

Nothing here is imported by the layers below: they know no argparse.
"""

from payt_onboarding.cli.main import main

__all__ = ["main"]
