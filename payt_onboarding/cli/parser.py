"""The whole argument parser of `payt-onboarding` (DESIGN.md section 3).

Light imports only: `--version` and `--help` must not load httpx, pydantic, keyring or Qt
(tests/cli check `sys.modules`). The commands' modules are imported when they run (main.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, NoReturn

from payt_onboarding import __version__
from payt_onboarding.cli import exit_codes
from payt_onboarding.simulator.names import SCENARIO_NAMES
from payt_onboarding.vocabulary import REPORT_FORMATS

TOKEN_ENV = "PAYT_AFAS_TOKEN"
CLIENT_SECRET_ENV = "PAYT_AFAS_CLIENT_SECRET"
CLIENT_AUTHS = ("auto", "post", "basic", "private_key_jwt")
LANGUAGES = ("nl", "en")

_Commands = argparse._SubParsersAction  # argparse has no public name for it


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error exits 64 as the contract says (argparse's own is 2)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(exit_codes.USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="payt-onboarding",
        description="Connect AFAS Profit to Payt: test every GetConnector Payt needs. "
        "Without a command, the wizard opens.",
        epilog=f"Exit status: {exit_codes.described()}.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="test this installation (Qt, translations, data files, trust "
                        "store, keyring, a check against the built-in simulator) and exit")
    parser.add_argument("--verbose", dest="debug_log", action="store_true",
                        help="write DEBUG lines to the log file too")
    parser.add_argument("--language", dest="gui_language", choices=LANGUAGES, default=None,
                        help="language of the reports, the findings and the wizard; also after "
                        "a command (default: $PAYT_ONBOARDING_LANGUAGE, else the system's: "
                        "Dutch for nl_*, else English)")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    _add_simulator(commands)
    _add_check(commands)
    _add_profiles(commands)
    _add_demo(commands)
    return parser


def _add_simulator(commands: _Commands[Any]) -> None:
    sim = commands.add_parser(
        "simulator",
        help="run the built-in AFAS Profit simulator on this computer",
        description="Serve a simulated AFAS Profit REST environment on loopback.",
    )
    sim.add_argument("--host", default="127.0.0.1", help="loopback address (default 127.0.0.1)")
    sim.add_argument("--port", type=int, default=8765, help="port; 0 picks a free one")
    _add_scenario(sim)
    sim.add_argument("--latency-ms", type=_non_negative, default=0, metavar="N",
                     help="delay every answer by N milliseconds")
    sim.add_argument("--entries", type=_entries, default=None, metavar="N",
                     help="number of sales entries (default: the scenario's, up to 200000)")
    sim.add_argument("--seed", type=int, default=None, help="seed of the generated data")
    sim.add_argument("--tls", action="store_true",
                     help="serve HTTPS with a throw-away test CA (needs the test extra)")
    sim.add_argument("--environments", type=_environments, default=None, metavar="N",
                     help="serve N environments (UIDs from 20001) of mixed kinds on this one "
                     "port, each at /<uid>/ProfitRestServices, and write the commands that "
                     "create their profiles (for check --all-profiles)")
    sim.add_argument("-v", "--verbose", action="store_true", help="log every request")


def _add_check(commands: _Commands[Any]) -> None:
    check = commands.add_parser(
        "check",
        help="test an AFAS environment for Payt and print the report",
        description="Test every GetConnector Payt needs, live, and report what is missing. "
        f"The token is read from --token-stdin, else ${TOKEN_ENV}, else the keyring.",
        epilog=f"Exit status: {exit_codes.described()}. "
        "Example: payt-onboarding check --uid 12345 --token-stdin --output rapport.html "
        "< token.txt",
    )
    check.add_argument("--uid", help="AFAS environment number, e.g. 12345 or T12345AA")
    check.add_argument("--environment", choices=("production", "test", "accept"), default=None,
                       help="environment type (default: production, or the profile's)")
    check.add_argument("--base-url", metavar="URL",
                       help="use this address instead of the one derived from the UID")
    check.add_argument("--token-stdin", action="store_true",
                       help="read the token from standard input (any form AFAS gives)")
    oauth = check.add_argument_group(
        "OAuth client", "for an app connector set to OAuth or Hybrid: the client id with its "
        f"secret (--client-secret-stdin, else ${CLIENT_SECRET_ENV}, else the keyring) or a "
        "private key file. With a token as well, both are tested (Hybrid).")
    oauth.add_argument("--client-id", metavar="ID", help="the OAuth client id of the app "
                       "connector")
    secret = oauth.add_mutually_exclusive_group()
    secret.add_argument("--client-secret-stdin", action="store_true",
                        help="read the client secret from standard input")
    secret.add_argument("--private-key", metavar="FILE",
                        help="sign with this PEM private key (private_key_jwt); it stays in "
                        "its file")
    oauth.add_argument("--key-id", metavar="KID",
                       help="the key id (kid) set in Profit for the certificate, if any")
    oauth.add_argument("--client-auth", choices=CLIENT_AUTHS, default=None,
                       help="how the client proves itself: auto (default: post, then basic "
                       "after invalid_client; private_key_jwt with a key), post, basic, "
                       "private_key_jwt")
    check.add_argument("--format", choices=REPORT_FORMATS, default=None,
                       help="report format (default: from --output's extension, else text)")
    check.add_argument("--output", metavar="FILE", help="write the report here, not to stdout")
    sample = check.add_mutually_exclusive_group()
    sample.add_argument("--sample-size", type=_sample_size, default=200, metavar="N",
                        help="rows to sample per connector (default 200)")
    sample.add_argument("--all-rows", action="store_true",
                        help="read every row of every connector instead of a sample")
    check.add_argument("--requirements", metavar="FILE",
                       help="Payt requirements file (default: the built-in one)")
    check.add_argument("--language", choices=LANGUAGES, default=None,
                       help="language of the report (default: as payt-onboarding --language)")
    check.add_argument("--time-limit", type=_seconds, default=120, metavar="SECONDS",
                       help="stop the whole check after this long (default 120)")
    check.add_argument("--map", type=_mapping, action="append", metavar="ROLE.FIELD=AFAS_FIELD",
                       help="read Payt field FIELD of connector role ROLE from another AFAS "
                       "field, e.g. sales_entries.invoice_due_date=VervalDatum (repeatable; "
                       "saved with --save-profile)")
    check.add_argument("--profile", metavar="NAME",
                       help="take UID, environment, connectors, mappings and token from a profile")
    check.add_argument("--save-profile", metavar="NAME",
                       help="save the checked configuration as a profile, token in the keyring")
    many = check.add_argument_group(
        "many clients at once", "re-check every saved profile, credentials from the keyring "
        "only (a profile without them is listed as not checked); --output names the summary "
        "(.txt, .json, .html or .csv); exit status: the worst verdict among those checked")
    many.add_argument("--all-profiles", action="store_true",
                      help="check every saved profile (or those --match selects)")
    many.add_argument("--match", metavar="PATTERN",
                      help="only profiles whose name contains PATTERN, or matches it as a "
                      "shell pattern such as 'acme-*' (case-insensitive)")
    many.add_argument("--output-dir", metavar="DIR",
                      help="write each client's full report here, as HTML and JSON named "
                      "after its profile")
    many.add_argument("--save", action="store_true",
                      help="update each profile's saved validation with its new check (one "
                      "profile at a time; the token is never touched)")
    many.add_argument("--in-flight", type=_in_flight, default=None, metavar="N",
                      help="environments checked at once (default 20)")
    check.add_argument("--trust-base-url", action="store_true",
                       help="send a token or client secret stored in the keyring to a base URL "
                       "that is not AFAS's own address for the UID and environment (such as the "
                       "simulator)")
    _add_verbose(check)


def _add_profiles(commands: _Commands[Any]) -> None:
    profiles = commands.add_parser(
        "profiles",
        help="list and manage the saved profiles, and replace a profile's token",
        description="Without an action: list the saved profiles (name, UID, environment, last "
        "verdict and when). A profile never holds the token.",
    )
    actions = profiles.add_subparsers(dest="action", metavar="ACTION",
                                      parser_class=type(profiles))
    actions.add_parser("list", help="list the saved profiles (the default)")
    rename = actions.add_parser("rename", help="give a profile another name")
    rename.add_argument("name")
    rename.add_argument("new_name")
    delete = actions.add_parser("delete", help="delete a profile (the keyring entry stays)")
    delete.add_argument("name")
    restore = actions.add_parser("restore", help="make a profile's backup (.bak) current again")
    restore.add_argument("name")
    export = actions.add_parser("export", help="write a profile to a file for a colleague "
                                "(without the token or where it is kept)")
    export.add_argument("name")
    export.add_argument("file", type=Path)
    import_ = actions.add_parser("import", help="save a profile from an exported file")
    import_.add_argument("file", type=Path)
    import_.add_argument("--name", help="save it under this name")
    import_.add_argument("--replace", action="store_true",
                         help="replace a profile of the same name (it becomes the backup)")
    set_token = actions.add_parser(
        "set-token", help="store a new token for a profile (read from standard input, or "
        "typed at a prompt that does not show it)")
    set_token.add_argument("name")


def _add_demo(commands: _Commands[Any]) -> None:
    demo = commands.add_parser(
        "demo",
        help="open the wizard against the built-in simulator, no AFAS account needed",
    )
    _add_scenario(demo)
    demo.add_argument("--language", choices=LANGUAGES, default=None,
                      help="language of the wizard and the report (default: as "
                      "payt-onboarding --language)")
    demo.add_argument("--text", action="store_true",
                      help="no window: run the check and print the report, as 'check' does")
    _add_verbose(demo)


def _add_verbose(command: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand's default must not undo `payt-onboarding --verbose check`.
    command.add_argument("--verbose", dest="debug_log", action="store_true",
                         default=argparse.SUPPRESS, help="write DEBUG lines to the log file too")


def _add_scenario(command: argparse.ArgumentParser) -> None:
    command.add_argument("--scenario", default="healthy", choices=sorted(SCENARIO_NAMES),
                         metavar="NAME", help="one of: " + ", ".join(SCENARIO_NAMES))


def _entries(text: str) -> int:
    value = int(text)
    if not 0 < value <= 200_000:
        raise argparse.ArgumentTypeError("must be between 1 and 200000")
    return value


def _in_flight(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 100:
        raise argparse.ArgumentTypeError("must be between 1 and 100")
    return value


def _environments(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 500:
        raise argparse.ArgumentTypeError("must be between 1 and 500")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _sample_size(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError("must be between 1 and 100000")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not 1 <= value <= 3600:
        raise argparse.ArgumentTypeError("must be between 1 and 3600 seconds")
    return value


def _mapping(text: str) -> tuple[str, str, str]:
    target, _, afas_field = text.partition("=")
    role, _, payt_field = target.partition(".")
    if not (role.strip() and payt_field.strip() and afas_field.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not ROLE.FIELD=AFAS_FIELD, e.g. "
                                         "sales_entries.invoice_due_date=VervalDatum")
    return role.strip(), payt_field.strip(), afas_field.strip()
