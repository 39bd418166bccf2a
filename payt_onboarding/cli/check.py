"""`payt-onboarding check`: the engine headless, for consultants, scripts and re-checks.

The token never comes from argv: --token-stdin, else PAYT_AFAS_TOKEN, else the keyring.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from payt_onboarding.afas.environment import Environment, EnvironmentInputError
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.check import check_environment
from payt_onboarding.app.credentials import load_stored_token
from payt_onboarding.app.saving import save_checked_profile
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.cli import exit_codes
from payt_onboarding.cli.parser import TOKEN_ENV
from payt_onboarding.cli.profiles import load_for_check, say_saved
from payt_onboarding.cli.progress_line import TerminalProgress
from payt_onboarding.cli.streams import silence_stdout
from payt_onboarding.cli.token_input import parse_token, read_token_stdin
from payt_onboarding.cli.usage import UsageError, report_usage_error
from payt_onboarding.profile.store import ProfileError
from payt_onboarding.report.formats import format_from, render
from payt_onboarding.report.model import Report
from payt_onboarding.requirements.load import RequirementsError, load_requirements
from payt_onboarding.requirements.model import Requirements


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
        return report_usage_error("check", error)
    progress = TerminalProgress(sys.stderr, args.language) if sys.stderr.isatty() else None
    report = asyncio.run(check_environment(plan.environment, plan.token, requirements,
                                           plan.options, progress))
    if progress:
        progress.clear()
    try:
        _write(report, plan.fmt, args.output)
    except OSError as error:
        return report_usage_error("check", f"cannot write the report to {args.output}: "
                                  f"{error.strerror or error}. Choose another --output.")
    if args.save_profile:
        _save(args.save_profile, plan, requirements, report)
    return exit_codes.BY_VERDICT[report.verdict]


def _save(name: str, plan: _Plan, requirements: Requirements, report: Report) -> None:
    try:
        saved = save_checked_profile(name, plan.environment, plan.token, plan.options,
                                     requirements, report, render(report, "json"))
    except ProfileError as error:
        print(f"The profile was not saved: {error}", file=sys.stderr)
        return
    say_saved(name, saved)


def _plan(args: argparse.Namespace) -> _Plan:
    connectors: dict[str, str] = {}
    mappings: dict[str, dict[str, str]] = {}
    uid, kind, base_url = args.uid, args.environment, args.base_url
    account: str | None = None  # the keyring entry the profile names
    if args.profile:
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
    options = CheckOptions(
        sample_size=None if args.all_rows else args.sample_size,
        language=args.language,
        time_limit=args.time_limit,
        connectors=connectors,
        mappings=mappings,
    )
    return _Plan(environment, token, options, _format(args.format, args.output))


def _format(asked: str | None, output: str | None) -> str:
    """--format, else the --output extension's; a PDF goes to a file, never to a terminal."""
    fmt = asked or format_from(output)
    if fmt is None:
        raise UsageError(f"--output {output}: the extension names no report format. Use .txt, "
                         ".json, .html or .pdf, or give --format.")
    if fmt == "pdf" and output is None:
        raise UsageError("--format pdf writes a file: give --output rapport.pdf.")
    return fmt


def _token(args: argparse.Namespace, account: str) -> AfasToken:
    if args.token_stdin:
        text, where = read_token_stdin("check"), "standard input"
    elif os.environ.get(TOKEN_ENV, "").strip():
        text, where = os.environ[TOKEN_ENV], f"${TOKEN_ENV}"
    else:
        stored = load_stored_token(account)
        if stored.token is None:
            raise UsageError(
                f"no token: {stored.reason} Pipe it in with --token-stdin, or set {TOKEN_ENV}.")
        return stored.token
    return parse_token(text, where)


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


def _requirements(path: str | None) -> Requirements:
    try:
        return load_requirements(path)
    except RequirementsError as error:
        raise UsageError(str(error)) from None


def _bytes(report: Report, fmt: str) -> bytes:
    if fmt == "pdf":
        from payt_onboarding.gui.report_pdf import render_pdf  # Qt, only when asked for

        return render_pdf(report)
    return render(report, fmt).encode("utf-8")


def _write(report: Report, fmt: str, output: str | None) -> None:
    if output is None:
        color = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        try:
            sys.stdout.write(render(report, fmt, color=color))
            sys.stdout.flush()
        except BrokenPipeError:  # `| head`: the reader has what it wanted; the verdict stands
            silence_stdout()
        return
    from payt_onboarding.profile.files import atomic_write
    from payt_onboarding.report.render_text import summary_line

    # A temp file, fsynced, renamed over the target, and removed when anything fails.
    atomic_write(Path(output), _bytes(report, fmt))
    print(f"{summary_line(report)}. → {output}", file=sys.stderr)
