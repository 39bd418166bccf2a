"""`payt-onboarding check`: the engine headless, for consultants, scripts and re-checks.

Exit status (DESIGN.md section 3): 0 ready, 1 ready with warnings, 2 not ready, 64 usage error.
The token never comes from argv: --token-stdin, else PAYT_AFAS_TOKEN, else the keyring.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.environment import Environment, EnvironmentInputError
from payt_onboarding.afas.token import AfasToken, TokenFormatError
from payt_onboarding.checks.engine import CheckOptions, run_check
from payt_onboarding.checks.progress import ProgressCallback, ProgressEvent
from payt_onboarding.report.model import Report
from payt_onboarding.requirements.model import Requirements

EXIT_BY_VERDICT = {"ready": 0, "ready_with_warnings": 1, "not_ready": 2}
EXIT_USAGE = 64
TOKEN_ENV = "PAYT_AFAS_TOKEN"
FORMATS = ("text", "json", "html")


class UsageError(Exception):
    """Input the user must change; printed as is, exit 64."""


def add_check_parser(commands: argparse._SubParsersAction[Any]) -> None:
    check = commands.add_parser(
        "check",
        help="test an AFAS environment for Payt and print the report",
        description="Test every GetConnector Payt needs, live, and report what is missing. "
        f"The token is read from --token-stdin, else ${TOKEN_ENV}, else the keyring.",
        epilog="Exit status: 0 ready, 1 ready with warnings, 2 not ready, 64 usage error. "
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
    check.add_argument("--format", choices=FORMATS, default=None,
                       help="report format (default: from --output's extension, else text)")
    check.add_argument("--output", metavar="FILE", help="write the report here, not to stdout")
    sample = check.add_mutually_exclusive_group()
    sample.add_argument("--sample-size", type=_sample_size, default=200, metavar="N",
                        help="rows to sample per connector (default 200)")
    sample.add_argument("--all-rows", action="store_true",
                        help="read every row of every connector instead of a sample")
    check.add_argument("--requirements", metavar="FILE",
                       help="Payt requirements file (default: the built-in one)")
    check.add_argument("--language", choices=("nl", "en"), default="nl",
                       help="language of the report (default nl)")
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


def _sample_size(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError("must be between 1 and 100000")
    return value


def _mapping(text: str) -> tuple[str, str, str]:
    target, _, afas_field = text.partition("=")
    role, _, payt_field = target.partition(".")
    if not (role.strip() and payt_field.strip() and afas_field.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not ROLE.FIELD=AFAS_FIELD, e.g. "
                                         "sales_entries.invoice_due_date=VervalDatum")
    return role.strip(), payt_field.strip(), afas_field.strip()


def _seconds(text: str) -> float:
    value = float(text)
    if not 1 <= value <= 3600:
        raise argparse.ArgumentTypeError("must be between 1 and 3600 seconds")
    return value


@dataclass(frozen=True)
class _Plan:
    environment: Environment
    token: AfasToken
    options: CheckOptions
    fmt: str


def run_check_command(args: argparse.Namespace) -> int:
    try:
        plan = _plan(args)
        requirements = _requirements(args.requirements)
        _check_mappings(plan.options.mappings, requirements)
    except UsageError as error:
        print(f"payt-onboarding check: {error}", file=sys.stderr)
        return EXIT_USAGE
    progress = _TerminalProgress(sys.stderr, args.language) if sys.stderr.isatty() else None
    report = asyncio.run(check_environment(plan.environment, plan.token, requirements,
                                           plan.options, progress))
    if progress:
        progress.clear()
    try:
        _write(report, plan.fmt, args.output)
    except OSError as error:
        print(f"payt-onboarding check: cannot write the report to {args.output}: "
              f"{error.strerror or error}. Choose another --output.", file=sys.stderr)
        return EXIT_USAGE
    if args.save_profile:
        from payt_onboarding.profile_command import save_after_check

        save_after_check(args.save_profile, plan.environment, plan.token, plan.options,
                         requirements, report, _render(report, "json"))
    return EXIT_BY_VERDICT[report.verdict]


async def check_environment(
    environment: Environment,
    token: AfasToken,
    requirements: Requirements,
    options: CheckOptions,
    progress: ProgressCallback | None = None,
) -> Report:
    """The whole check of one environment, AFAS answering in the report's language."""
    async with AfasClient(environment, token, language=options.language) as client:
        return await run_check(client, requirements, environment_name=environment.kind.value,
                               options=options, progress=progress)


def _plan(args: argparse.Namespace) -> _Plan:
    connectors: dict[str, str] = {}
    mappings: dict[str, dict[str, str]] = {}
    uid, kind, base_url = args.uid, args.environment, args.base_url
    account: str | None = None  # the keyring entry the profile names
    if args.profile:
        from payt_onboarding.profile_command import load_for_check

        loaded = load_for_check(args.profile)
        uid = uid or loaded.uid
        kind = kind or loaded.environment
        base_url = base_url or loaded.base_url
        connectors, mappings = dict(loaded.connectors), {
            role: dict(m) for role, m in loaded.mappings.items()}
        if loaded.token and (uid, kind) == (loaded.uid, loaded.environment):
            account = loaded.token.account
    for role, payt_field, afas_field in args.map or ():
        mappings.setdefault(role, {})[payt_field] = afas_field
    if not uid:
        raise UsageError("give the AFAS environment number with --uid (or use --profile NAME).")
    try:
        environment = Environment.parse(uid, kind, base_url)
    except EnvironmentInputError as error:
        raise UsageError(error.message) from None
    _check_output(args.output)
    if args.save_profile is not None:
        from payt_onboarding.profile.model import checked_name

        try:
            checked_name(args.save_profile)
        except ValueError as error:
            raise UsageError(f"--save-profile: {error}. Choose another name.") from None
    token = _token(args, account or environment.keyring_account)
    fmt = args.format or _format_from(args.output)
    options = CheckOptions(
        sample_size=None if args.all_rows else args.sample_size,
        language=args.language,
        time_limit=args.time_limit,
        connectors=connectors,
        mappings=mappings,
    )
    return _Plan(environment, token, options, fmt)


def _token(args: argparse.Namespace, account: str) -> AfasToken:
    if args.token_stdin:
        text, where = _read_stdin(), "standard input"
    elif os.environ.get(TOKEN_ENV, "").strip():
        text, where = os.environ[TOKEN_ENV], f"${TOKEN_ENV}"
    else:
        from payt_onboarding.profile_command import token_from_keyring

        found, why = token_from_keyring(account)
        if found is None:
            raise UsageError(
                f"no token: {why} Pipe it in with --token-stdin, or set {TOKEN_ENV}.")
        return found
    if not text.strip():
        raise UsageError(f"the token from {where} is empty. Paste the token AFAS gave "
                         "(the <token>…</token> text or its long data value).")
    try:
        return AfasToken.parse(text)
    except TokenFormatError as error:
        raise UsageError(f"the token from {where} cannot be read: {error}") from None


def _read_stdin() -> str:
    """The token from standard input; typed or pasted at a terminal, it is not shown."""
    stdin = sys.stdin
    if stdin is None or stdin.closed:
        raise UsageError("--token-stdin, but there is no standard input. Pipe the token in: "
                         "payt-onboarding check ... --token-stdin < token.txt")
    try:
        if stdin.isatty():
            # Often on a shared screen: no echo. One line holds every form of the token.
            return getpass.getpass("Token (wordt niet getoond / not shown): ")
        return stdin.read()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"the token cannot be read from standard input ({error}). Save it "
                         "as a UTF-8 text file and pipe that in.") from None


def _check_output(output: str | None) -> None:
    """Refuse an --output that cannot be written before the check runs, not after."""
    if output is None:
        return
    target = Path(output)
    if target.is_dir():
        raise UsageError(f"--output {output} is a folder. Give a file name, such as "
                         f"{target / 'rapport.html'}.")
    if not target.parent.is_dir():
        raise UsageError(f"cannot write the report to {output}: the folder {target.parent} "
                         "does not exist. Create it first, or choose another --output.")


def _check_mappings(mappings: Mapping[str, Mapping[str, str]], requirements: Requirements) -> None:
    """A mapping for a role or field Payt does not know would be ignored without a word."""
    roles = {c.role: c for c in requirements.connectors}
    for role, fields in mappings.items():
        if role not in roles:
            raise UsageError(f"--map: there is no connector role {role!r}. Roles: "
                             f"{', '.join(roles)}.")
        for name in fields:
            if roles[role].field(name) is None:
                raise UsageError(f"--map: {role} has no Payt field {name!r}. Fields: "
                                 f"{', '.join(f.name for f in roles[role].fields)}.")


def _format_from(output: str | None) -> str:
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return {"htm": "html", "html": "html", "json": "json"}.get(suffix, "text")


def _requirements(path: str | None) -> Requirements:
    from payt_onboarding.requirements.load import RequirementsError, load_requirements

    try:
        return load_requirements(path)
    except RequirementsError as error:
        raise UsageError(str(error)) from None


def _render(report: Report, fmt: str, *, color: bool = False) -> str:
    if fmt == "json":
        from payt_onboarding.report.render_json import render_json

        return render_json(report)
    if fmt == "html":
        from payt_onboarding.report.render_html import render_html

        return render_html(report)
    from payt_onboarding.report.render_text import render_text

    return render_text(report, color=color)


def _write(report: Report, fmt: str, output: str | None) -> None:
    if output is None:
        color = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        try:
            sys.stdout.write(_render(report, fmt, color=color))
            sys.stdout.flush()
        except BrokenPipeError:  # `| head`: the reader has what it wanted; the verdict stands
            from payt_onboarding.cli import silence_stdout

            silence_stdout()
        return
    from payt_onboarding.profile.files import atomic_write
    from payt_onboarding.report.render_text import summary_line

    # A temp file, fsynced, renamed over the target, and removed when anything fails.
    atomic_write(Path(output), _render(report, fmt).encode("utf-8"))
    print(f"{summary_line(report)}. → {output}", file=sys.stderr)


class _TerminalProgress:
    """One self-overwriting status line on stderr while the check runs."""

    def __init__(self, stream: TextIO, language: str = "nl") -> None:
        self.stream = stream
        self.unit = "rows" if language == "en" else "rijen"
        self.rows: dict[str, int] = {}
        self.done = 0
        self.total = 0

    def __call__(self, event: ProgressEvent) -> None:
        if event.total:
            self.total = event.total
        if event.kind == "rows_read" and event.connector_id:
            self.rows[event.connector_id] = event.rows
        elif event.kind == "connector_finished":
            self.done = event.done
        elif event.kind != "connector_started":
            return
        current = event.connector_id or ""
        line = f"[{self.done}/{self.total}] {current} {self.rows.get(current, 0)} {self.unit}"
        self.stream.write("\r" + line[:78].ljust(78))
        self.stream.flush()

    def clear(self) -> None:
        self.stream.write("\r" + " " * 78 + "\r")
        self.stream.flush()
