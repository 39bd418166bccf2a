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
from payt_onboarding.cli.texts import say
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
        self.exit(exit_codes.USAGE, say("cli.usage_error", prog=self.prog, message=message) + "\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the language of cli.texts (main sets it first)."""
    parser = _Parser(
        prog="payt-onboarding",
        description=say("cli.help.description"),
        epilog=say("cli.help.exit_status", statuses=exit_codes.described()),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=say("cli.help.version"))
    _add_self_test(parser, default=False)
    parser.add_argument("--verbose", dest="debug_log", action="store_true",
                        help=say("cli.help.verbose"))
    parser.add_argument("--language", dest="gui_language", choices=LANGUAGES, default=None,
                        help=say("cli.help.language"))
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    _add_simulator(commands)
    _add_check(commands)
    _add_profiles(commands)
    _add_demo(commands)
    _anywhere(commands)
    return parser


def _anywhere(commands: _Commands[Any]) -> None:
    """--self-test and --language stand anywhere on the line (DESIGN.md section 3): after each
    command and action too. SUPPRESS: there, a default must not undo the one before it."""
    for command in commands.choices.values():
        _add_self_test(command, default=argparse.SUPPRESS)
        if not any("--language" in action.option_strings for action in command._actions):
            command.add_argument("--language", choices=LANGUAGES, default=argparse.SUPPRESS,
                                 help=say("cli.help.language.command"))
        for action in command._actions:
            if isinstance(action, _Commands):
                _anywhere(action)


def _add_simulator(commands: _Commands[Any]) -> None:
    sim = commands.add_parser(
        "simulator",
        help=say("cli.help.simulator"),
        description=say("cli.help.simulator.description"),
    )
    sim.add_argument("--host", default="127.0.0.1", help=say("cli.help.host"))
    sim.add_argument("--port", type=_integer, default=8765, help=say("cli.help.port"))
    _add_scenario(sim)
    sim.add_argument("--latency-ms", type=_non_negative, default=0, metavar="N",
                     help=say("cli.help.latency"))
    sim.add_argument("--entries", type=_entries, default=None, metavar="N",
                     help=say("cli.help.entries"))
    sim.add_argument("--seed", type=_integer, default=None, help=say("cli.help.seed"))
    sim.add_argument("--tls", action="store_true",
                     help=say("cli.help.tls"))
    sim.add_argument("--environments", type=_environments, default=None, metavar="N",
                     help=say("cli.help.environments"))
    sim.add_argument("-v", "--verbose", action="store_true", help=say("cli.help.log_requests"))


def _add_check(commands: _Commands[Any]) -> None:
    check = commands.add_parser(
        "check",
        help=say("cli.help.check"),
        description=say("cli.help.check.description", token_env=TOKEN_ENV),
        epilog=say("cli.help.exit_status", statuses=exit_codes.described()) + " "
        + say("cli.help.check.example"),
    )
    check.add_argument("--uid", help=say("cli.help.uid"))
    check.add_argument("--environment", choices=("production", "test", "accept"), default=None,
                       help=say("cli.help.environment"))
    check.add_argument("--base-url", metavar="URL",
                       help=say("cli.help.base_url"))
    check.add_argument("--token-stdin", action="store_true",
                       help=say("cli.help.token_stdin"))
    oauth = check.add_argument_group(
        say("cli.help.oauth"), say("cli.help.oauth.description", secret_env=CLIENT_SECRET_ENV))
    oauth.add_argument("--client-id", metavar="ID", help=say("cli.help.client_id"))
    secret = oauth.add_mutually_exclusive_group()
    secret.add_argument("--client-secret-stdin", action="store_true",
                        help=say("cli.help.client_secret_stdin"))
    secret.add_argument("--private-key", metavar=say("cli.metavar.file"),
                        help=say("cli.help.private_key"))
    oauth.add_argument("--key-id", metavar="KID",
                       help=say("cli.help.key_id"))
    oauth.add_argument("--client-auth", choices=CLIENT_AUTHS, default=None,
                       help=say("cli.help.client_auth"))
    check.add_argument("--format", choices=REPORT_FORMATS, default=None,
                       help=say("cli.help.format"))
    check.add_argument("--output", metavar=say("cli.metavar.file"), help=say("cli.help.output"))
    sample = check.add_mutually_exclusive_group()
    sample.add_argument("--sample-size", type=_sample_size, default=200, metavar="N",
                        help=say("cli.help.sample_size"))
    sample.add_argument("--all-rows", action="store_true",
                        help=say("cli.help.all_rows"))
    check.add_argument("--requirements", metavar=say("cli.metavar.file"),
                       help=say("cli.help.requirements"))
    check.add_argument("--language", choices=LANGUAGES, default=None,
                       help=say("cli.help.language.command"))
    check.add_argument("--time-limit", type=_seconds, default=120,
                       metavar=say("cli.metavar.seconds"), help=say("cli.help.time_limit"))
    check.add_argument("--map", type=_mapping, action="append", metavar="ROLE.FIELD=AFAS_FIELD",
                       help=say("cli.help.map"))
    check.add_argument("--profile", metavar=say("cli.metavar.name"),
                       help=say("cli.help.profile"))
    check.add_argument("--save-profile", metavar=say("cli.metavar.name"),
                       help=say("cli.help.save_profile"))
    many = check.add_argument_group(say("cli.help.many"), say("cli.help.many.description"))
    many.add_argument("--all-profiles", action="store_true", help=say("cli.help.all_profiles"))
    many.add_argument("--match", metavar=say("cli.metavar.pattern"), help=say("cli.help.match"))
    many.add_argument("--output-dir", metavar=say("cli.metavar.dir"),
                      help=say("cli.help.output_dir"))
    many.add_argument("--save", action="store_true", help=say("cli.help.save"))
    many.add_argument("--in-flight", type=_in_flight, default=None, metavar="N",
                      help=say("cli.help.in_flight"))
    check.add_argument("--trust-base-url", action="store_true",
                       help=say("cli.help.trust_base_url"))
    _add_verbose(check)


def _add_profiles(commands: _Commands[Any]) -> None:
    profiles = commands.add_parser(
        "profiles",
        help=say("cli.help.profiles"),
        description=say("cli.help.profiles.description"),
    )
    actions = profiles.add_subparsers(dest="action", metavar=say("cli.metavar.action"),
                                      parser_class=type(profiles))
    actions.add_parser("list", help=say("cli.help.profiles.list"))
    rename = actions.add_parser("rename", help=say("cli.help.profiles.rename"))
    rename.add_argument("name", metavar=say("cli.metavar.name"))
    rename.add_argument("new_name", metavar=say("cli.metavar.new_name"))
    delete = actions.add_parser("delete", help=say("cli.help.profiles.delete"))
    delete.add_argument("name", metavar=say("cli.metavar.name"))
    restore = actions.add_parser("restore", help=say("cli.help.profiles.restore"))
    restore.add_argument("name", metavar=say("cli.metavar.name"))
    export = actions.add_parser("export", help=say("cli.help.profiles.export"))
    export.add_argument("name", metavar=say("cli.metavar.name"))
    export.add_argument("file", type=Path, metavar=say("cli.metavar.file"))
    import_ = actions.add_parser("import", help=say("cli.help.profiles.import"))
    import_.add_argument("file", type=Path, metavar=say("cli.metavar.file"))
    import_.add_argument("--name", help=say("cli.help.profiles.import.name"))
    import_.add_argument("--replace", action="store_true",
                         help=say("cli.help.profiles.import.replace"))
    set_token = actions.add_parser(
        "set-token", help=say("cli.help.profiles.set_token"))
    set_token.add_argument("name", metavar=say("cli.metavar.name"))


def _add_demo(commands: _Commands[Any]) -> None:
    demo = commands.add_parser(
        "demo",
        help=say("cli.help.demo"),
    )
    _add_scenario(demo)
    demo.add_argument("--language", choices=LANGUAGES, default=None,
                      help=say("cli.help.language.demo"))
    demo.add_argument("--text", action="store_true",
                      help=say("cli.help.demo.text"))
    _add_verbose(demo)


def _add_verbose(command: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand's default must not undo `payt-onboarding --verbose check`.
    command.add_argument("--verbose", dest="debug_log", action="store_true",
                         default=argparse.SUPPRESS, help=say("cli.help.verbose"))


def _add_self_test(command: argparse.ArgumentParser, default: object) -> None:
    # Anywhere on the line, as --language: after a command its default must not undo it.
    command.add_argument("--self-test", action="store_true", default=default,
                         help=say("cli.help.self_test"))


def _add_scenario(command: argparse.ArgumentParser) -> None:
    command.add_argument("--scenario", default="healthy", choices=sorted(SCENARIO_NAMES),
                         metavar=say("cli.metavar.name"), help=say("cli.help.scenario",
                                                  names=", ".join(SCENARIO_NAMES)))


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            say("cli.arg.not_whole_number", value=repr(text))) from None


def _entries(text: str) -> int:
    value = _integer(text)
    if not 0 < value <= 200_000:
        raise argparse.ArgumentTypeError(say("cli.arg.between", low=1, high=200_000))
    return value


def _in_flight(text: str) -> int:
    value = _integer(text)
    if not 1 <= value <= 100:
        raise argparse.ArgumentTypeError(say("cli.arg.between", low=1, high=100))
    return value


def _environments(text: str) -> int:
    value = _integer(text)
    if not 1 <= value <= 500:
        raise argparse.ArgumentTypeError(say("cli.arg.between", low=1, high=500))
    return value


def _non_negative(text: str) -> int:
    value = _integer(text)
    if value < 0:
        raise argparse.ArgumentTypeError(say("cli.arg.not_negative"))
    return value


def _sample_size(text: str) -> int:
    value = _integer(text)
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError(say("cli.arg.between", low=1, high=100_000))
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say("cli.arg.not_a_number", value=repr(text))) from None
    if not 1 <= value <= 3600:
        raise argparse.ArgumentTypeError(say("cli.arg.seconds_between", low=1, high=3600))
    return value


def _mapping(text: str) -> tuple[str, str, str]:
    target, _, afas_field = text.partition("=")
    role, _, payt_field = target.partition(".")
    if not (role.strip() and payt_field.strip() and afas_field.strip()):
        raise argparse.ArgumentTypeError(say("cli.arg.not_a_mapping", value=repr(text)))
    return role.strip(), payt_field.strip(), afas_field.strip()
