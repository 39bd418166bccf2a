"""`payt-onboarding check`: the engine headless, for consultants, scripts and re-checks.

The token never comes from argv: --token-stdin, else PAYT_AFAS_TOKEN, else the keyring.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from payt_onboarding.afas.credentials import (
    ClientAuth,
    ClientSecret,
    CredentialInputError,
    Credentials,
    OAuthClient,
    PrivateKey,
)
from payt_onboarding.afas.environment import Environment, EnvironmentInputError
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app.changes import with_changes
from payt_onboarding.app.check import check_environment
from payt_onboarding.app.credentials import (
    client_secret_account,
    load_stored_client_secret,
    load_stored_token,
    needs_confirmation,
)
from payt_onboarding.app.saving import save_checked_profile
from payt_onboarding.checks.progress import Cancellation
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.cli import exit_codes
from payt_onboarding.cli.parser import CLIENT_SECRET_ENV, TOKEN_ENV
from payt_onboarding.cli.profiles import load_for_check, say_saved
from payt_onboarding.cli.progress_line import TerminalProgress
from payt_onboarding.cli.streams import silence_stdout
from payt_onboarding.cli.texts import language, say
from payt_onboarding.cli.token_input import parse_token, read_token_stdin
from payt_onboarding.cli.usage import UsageError, report_usage_error
from payt_onboarding.messages import Localized
from payt_onboarding.profile.model import OAuthRef, Profile
from payt_onboarding.profile.store import ProfileError
from payt_onboarding.report.formats import format_from, render
from payt_onboarding.report.model import Report
from payt_onboarding.requirements.load import RequirementsError, load_requirements
from payt_onboarding.requirements.model import Requirements
from payt_onboarding.vocabulary import Code


@dataclass(frozen=True)
class _Plan:
    environment: Environment
    credentials: Credentials  # checked in full
    options: CheckOptions
    fmt: str
    also: AfasToken | None = None  # a classic token given beside an OAuth client (Hybrid)
    profile: Profile | None = None  # --profile: its last validation is compared with


def run_check_command(args: argparse.Namespace) -> int:
    try:
        plan = _plan(args)
        requirements = _requirements(args.requirements)
        _check_mappings(plan.options.mappings, requirements)
    except UsageError as error:
        return report_usage_error("check", error)
    progress = TerminalProgress(sys.stderr, args.language) if sys.stderr.isatty() else None
    report = with_changes(asyncio.run(_run(plan, requirements, progress)), plan.profile)
    if progress:
        progress.clear()
    try:
        _write(report, plan.fmt, args.output)
    except OSError as error:
        return report_usage_error("check", say("cli.check.cannot_write", output=args.output,
                                               reason=error.strerror or error))
    if args.save_profile and not _interrupted(report):
        _save(args.save_profile, plan, requirements, report)
    return exit_codes.INTERRUPTED if _interrupted(report) else exit_codes.BY_VERDICT[report.verdict]


async def _run(plan: _Plan, requirements: Requirements,
               progress: TerminalProgress | None) -> Report:
    """The check; Ctrl+C stops it the way the wizard's Cancel does, so what was learned is
    still reported (marked cancelled) and nothing in flight is mistaken for a failure. A
    second Ctrl+C stops at once."""
    cancel = Cancellation()
    loop = asyncio.get_running_loop()

    def interrupted(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        loop.call_soon_threadsafe(cancel.cancel)

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        return await check_environment(plan.environment, plan.credentials, requirements,
                                       plan.options, progress, also=plan.also, cancel=cancel)
    finally:
        signal.signal(signal.SIGINT, previous)


def _interrupted(report: Report) -> bool:
    return any(f.code == Code.CHECK_CANCELLED.value for f in report.findings)


def _save(name: str, plan: _Plan, requirements: Requirements, report: Report) -> None:
    try:
        saved = save_checked_profile(name, plan.environment, plan.credentials, plan.options,
                                     requirements, report, render(report, "json"))
    except ProfileError as error:
        print(say("cli.check.profile_not_saved", reason=error.text(plan.options.language)),
              file=sys.stderr)
        return
    say_saved(name, saved)


def _plan(args: argparse.Namespace) -> _Plan:
    connectors: dict[str, str] = {}
    mappings: dict[str, dict[str, str]] = {}
    uid, kind, base_url = args.uid, args.environment, args.base_url
    saved_oauth: OAuthRef | None = None  # the OAuth client the profile names, when last used
    loaded: Profile | None = None
    if args.profile:
        loaded = load_for_check(args.profile)
        uid = uid or loaded.uid
        kind = kind or loaded.environment
        base_url = base_url or loaded.base_url
        connectors, mappings = dict(loaded.connectors), {
            role: dict(m) for role, m in loaded.mappings.items()}
        same_place = (uid, kind) == (loaded.uid, loaded.environment)
        if loaded.oauth and loaded.auth != "classic_token" and same_place:
            saved_oauth = loaded.oauth
    for role, payt_field, afas_field in args.map or ():
        mappings.setdefault(role, {})[payt_field] = afas_field
    if not uid:
        raise UsageError(say("cli.check.no_uid"))
    try:
        environment = Environment.parse(uid, kind, base_url)
    except EnvironmentInputError as error:
        raise UsageError(error.text(args.language)) from None
    _check_output(args.output)
    if args.save_profile is not None:
        from payt_onboarding.profile.errors import ProfileNameError
        from payt_onboarding.profile.model import checked_name

        try:
            checked_name(args.save_profile)
        except ProfileNameError as error:
            raise UsageError(say("cli.check.bad_profile_name",
                                 reason=error.text(args.language))) from None
    credentials, also = _credentials(args, environment, saved_oauth)
    options = CheckOptions(
        sample_size=None if args.all_rows else args.sample_size,
        language=args.language,
        time_limit=args.time_limit,
        connectors=connectors,
        mappings=mappings,
    )
    return _Plan(environment, credentials, options, _format(args.format, args.output), also,
                 loaded)


def _credentials(args: argparse.Namespace, environment: Environment, saved: OAuthRef | None,
                 ) -> tuple[Credentials, AfasToken | None]:
    """What to check: the OAuth client when a client id is given (and a classic token beside it
    when one is given too), else the classic token; with neither, what the profile used."""
    oauth_flags = args.client_secret_stdin or args.private_key or args.key_id or args.client_auth
    token_given = args.token_stdin or bool(os.environ.get(TOKEN_ENV, "").strip())
    if not args.client_id and saved is not None and not token_given:
        return _saved_client(args, saved, environment), None
    if not args.client_id:
        if oauth_flags:
            raise UsageError(say("cli.check.oauth_without_client_id"))
        return _token(args, environment), None
    if args.token_stdin and args.client_secret_stdin:
        raise UsageError(say("cli.check.one_secret_on_stdin", token_env=TOKEN_ENV))
    return _oauth_client(args), _token(args, environment) if token_given else None


def _saved_client(args: argparse.Namespace, saved: OAuthRef,
                  environment: Environment) -> OAuthClient:
    """The profile's OAuth client: its key file, or its secret from stdin, env or keyring (the
    entry bound to this address, never the one the profile names)."""
    try:
        if saved.pem_file:
            return OAuthClient(saved.client_id, private_key=PrivateKey.load(saved.pem_file),
                               key_id=saved.kid, client_auth=saved.client_auth)
        if args.client_secret_stdin or os.environ.get(CLIENT_SECRET_ENV, "").strip():
            secret = _client_secret(args, saved.client_id)
        else:
            stored = load_stored_client_secret(
                client_secret_account(environment, saved.client_id)) if saved.stored else None
            if stored is None or stored.secret is None:
                reason = (stored.why or stored.reason) if stored else say(
                    "cli.check.no_stored_secret")
                raise UsageError(say("cli.check.no_saved_secret", client_id=saved.client_id,
                                     reason=reason, secret_env=CLIENT_SECRET_ENV))
            _confirm_address(args, environment, Localized("cli.word.client_secret"))
            secret = stored.secret
        return OAuthClient(saved.client_id, secret, client_auth=saved.client_auth)
    except CredentialInputError as error:
        raise UsageError(error.text(args.language)) from None


def _oauth_client(args: argparse.Namespace) -> OAuthClient:
    auth: ClientAuth = args.client_auth or "auto"
    try:
        if args.private_key:
            if auth not in ("auto", "private_key_jwt"):
                raise UsageError(say("cli.check.auth_with_key", auth=auth))
            return OAuthClient(args.client_id, private_key=PrivateKey.load(args.private_key),
                               key_id=args.key_id, client_auth=auth)
        if args.key_id:
            raise UsageError(say("cli.check.key_id_without_key"))
        if auth == "private_key_jwt":
            raise UsageError(say("cli.check.jwt_without_key"))
        return OAuthClient(args.client_id, _client_secret(args, args.client_id),
                           client_auth=auth)
    except CredentialInputError as error:
        raise UsageError(error.text(args.language)) from None


def _client_secret(args: argparse.Namespace, client_id: str) -> ClientSecret:
    if args.client_secret_stdin:
        text = read_token_stdin("check", what=Localized("cli.word.client_secret"))
        where = say("cli.word.stdin")
    elif os.environ.get(CLIENT_SECRET_ENV, "").strip():
        text, where = os.environ[CLIENT_SECRET_ENV], f"${CLIENT_SECRET_ENV}"
    else:
        raise UsageError(say("cli.check.no_secret", client_id=client_id,
                             secret_env=CLIENT_SECRET_ENV))
    try:
        return ClientSecret.parse(text)
    except CredentialInputError as error:
        raise UsageError(say("cli.check.secret_unusable", where=where,
                             reason=error.text(args.language))) from None


def _format(asked: str | None, output: str | None) -> str:
    """--format, else the --output extension's; a PDF goes to a file, never to a terminal."""
    fmt = asked or format_from(output)
    if fmt is None:
        raise UsageError(say("cli.check.unknown_extension", output=output))
    if fmt == "pdf" and output is None:
        raise UsageError(say("cli.check.pdf_needs_output"))
    return fmt


def _token(args: argparse.Namespace, environment: Environment) -> AfasToken:
    if args.token_stdin:
        text, where = read_token_stdin("check"), say("cli.word.stdin")
    elif os.environ.get(TOKEN_ENV, "").strip():
        text, where = os.environ[TOKEN_ENV], f"${TOKEN_ENV}"
    else:
        stored = load_stored_token(environment)
        if stored.token is None:
            raise UsageError(say("cli.check.no_token", reason=stored.why or stored.reason,
                                 token_env=TOKEN_ENV))
        _confirm_address(args, environment, Localized("cli.word.token"))
        return stored.token
    return parse_token(text, where)


def _confirm_address(args: argparse.Namespace, environment: Environment,
                     what: Localized) -> None:
    """A stored secret goes to an address other than AFAS's own only with --trust-base-url."""
    if needs_confirmation(environment) and not args.trust_base_url:
        raise UsageError(say("cli.check.untrusted_address", what=what,
                             url=environment.base_url, uid=environment.uid,
                             kind=environment.kind.value, derived=environment.derived_url))


def _check_output(output: str | None) -> None:
    """Refuse an --output that cannot be written before the check runs, not after."""
    if output is None:
        return
    target = Path(output)
    if target.is_dir():
        raise UsageError(say("cli.check.output_is_folder", output=output,
                             example=target / "rapport.html"))
    if not target.parent.is_dir():
        raise UsageError(say("cli.check.no_output_folder", output=output,
                             folder=target.parent))


def _check_mappings(mappings: Mapping[str, Mapping[str, str]], requirements: Requirements) -> None:
    """A mapping for a role or field Payt does not know would be ignored without a word."""
    roles = {c.role: c for c in requirements.connectors}
    for role, fields in mappings.items():
        if role not in roles:
            raise UsageError(say("cli.check.unknown_role", role=repr(role),
                                 roles=", ".join(roles)))
        for name in fields:
            if roles[role].field(name) is None:
                raise UsageError(say("cli.check.unknown_field", role=role, field=repr(name),
                                     fields=", ".join(f.name for f in roles[role].fields)))


def _requirements(path: str | None) -> Requirements:
    try:
        return load_requirements(path)
    except RequirementsError as error:
        raise UsageError(error.text(language())) from None


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
