"""The command line (DESIGN.md section 3): `main` is the `payt-onboarding` entry point.

- `parser`: the whole argument parser, light imports only.
- `exit_codes`: every exit status.
- one module per command, each with its runner: `check`, `profiles`, `demo`, `simulator`,
  `wizard` (opens the GUI).

Nothing here is imported by the layers below: they know no argparse.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """`payt-onboarding`: cli.main's, imported when called, so `payt-onboarding-wizard`
    (cli.wizard) starts without the parser and the command modules."""
    from payt_onboarding.cli.main import main as run

    return run(argv)
