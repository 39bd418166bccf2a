"""Re-check many saved profiles at once (`check --all-profiles`, the wizard's "Check all").

Qt-free and blocking: the CLI calls `check_profiles` directly, the wizard from a worker of its
thread pool. Credentials come from the keyring only (or a profile's private key file), never
from a prompt: a profile without them is a row "not checked" saying why.

Concurrency: at most `in_flight` environments are checked at once (each check keeps its own
per-token request cap, AFAS's 8); keyring reads and profile saves run one at a time on one
thread of their own, so a slow keyring (D-Bus, a Keychain prompt) never stalls the checks in
flight and two saves never race.
"""

from __future__ import annotations

import asyncio
import dataclasses
import fnmatch
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Literal, TypeVar

from payt_onboarding.afas.credentials import (
    CredentialInputError,
    Credentials,
    OAuthClient,
    PrivateKey,
)
from payt_onboarding.afas.environment import Environment, EnvironmentInputError
from payt_onboarding.app.changes import with_changes
from payt_onboarding.app.check import check_environment
from payt_onboarding.app.credentials import (
    client_secret_account,
    load_stored_client_secret,
    load_stored_token,
    needs_confirmation,
)
from payt_onboarding.checks.deadlines import CredentialKind, Standing, credential_standing
from payt_onboarding.checks.progress import Cancellation
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.messages.catalog import render
from payt_onboarding.messages.ids import BatchReasonId
from payt_onboarding.profile.model import Profile
from payt_onboarding.profile.store import ProfileError, ProfileStore, ProfileSummary
from payt_onboarding.report.model import Report, Verdict
from payt_onboarding.requirements.model import Requirements
from payt_onboarding.vocabulary import SEVERITY_ORDER, Code, Language, Severity

__all__ = [
    "DEADLINE_CODES",
    "DEFAULT_IN_FLIGHT",
    "ClientRow",
    "CredentialKind",
    "ReasonCode",
    "RowStatus",
    "Standing",
    "check_profiles",
    "credential_standing",
    "matching",
    "worst_verdict",
]

# 50 environments at 200 ms per answer finish within 3x the longest single check with 20
# (bench/batch_check.py); AFAS's cap is per token, so environments do not share it.
DEFAULT_IN_FLIGHT = 20

RowStatus = Literal["checked", "not_checked", "failed"]
# Why a row is not checked (or failed), for programs; `ClientRow.reason` says it in words.
ReasonCode = Literal["no_secret", "untrusted_address", "profile_unreadable", "key_unusable",
                     "cancelled", "error"]
# The findings about when the credentials stop working, most urgent first on a tie.
DEADLINE_CODES: tuple[str, ...] = (Code.TOKEN_EXPIRES_SOON.value,
                                   Code.TOKEN_CLASSIC_PHASE_OUT.value)
_VERDICT_ORDER: tuple[Verdict, ...] = ("not_ready", "ready_with_warnings", "ready")
T = TypeVar("T")


@dataclass(frozen=True)
class ClientRow:
    """One profile's line in the summary. Holds no secret; `report` is the full report of a
    checked row (None otherwise)."""

    profile: str
    status: RowStatus
    uid: str | None = None
    environment: str | None = None
    reason_code: ReasonCode | None = None  # not_checked / failed: why, for programs
    reason: str = ""  # the same in the run's language
    verdict: Verdict | None = None
    credential: CredentialKind | None = None
    expiry: date | None = None
    days_left: int | None = None
    deadline: str | None = None  # DEADLINE_CODES' finding in the report, if any
    deadline_severity: Severity | None = None
    changes: int | None = None  # changes since the last validation; None: nothing to compare
    report: Report | None = None
    saved: bool = False  # the profile's saved validation was updated (save=True)
    save_problem: str = ""  # why it was not (save=True), in the run's language

    @property
    def cancelled(self) -> bool:
        return self.report is not None and self.report.cancelled


def check_profiles(
    store: ProfileStore | None = None,
    *,
    requirements: Requirements,
    options: CheckOptions | None = None,
    match: str | None = None,
    in_flight: int = DEFAULT_IN_FLIGHT,
    save: bool = False,
    trust_base_url: bool = False,
    on_row: Callable[[ClientRow], None] | None = None,
    on_start: Callable[[str], None] | None = None,
    cancel: Cancellation | None = None,
    today: date | None = None,
) -> list[ClientRow]:
    """Check every saved profile whose name `matches` `match` (all when None), at most
    `in_flight` at once, and return one row per profile in the store's order (by name).

    `options` gives the language, sample size and time limit of every check; each profile's
    own connectors and mappings are added to it. `trust_base_url`: send stored secrets to a
    profile's address that is not AFAS's own (the simulator); without it such a profile is
    "not checked". `save`: after each finished check, update that profile's saved validation
    (atomically, one profile at a time, never its token reference). `on_row` is called with
    each row as it is known, `on_start` with a profile's name when its check begins; both on
    the thread that called this (in the wizard, a worker: marshal to the GUI thread).
    `cancel` stops the checks in flight (their rows are checked and `cancelled`) and leaves
    the rest not checked. Blocks until all rows are known; never raises for a profile."""
    store = store or ProfileStore()
    options = options or CheckOptions()
    summaries = matching(store.list(), match)
    run = _Batch(store, requirements, options, max(1, in_flight), save, trust_base_url,
                 on_row or (lambda row: None), on_start or (lambda name: None),
                 cancel or Cancellation(), today)
    return asyncio.run(run.all(summaries))


def matching(summaries: Sequence[ProfileSummary], pattern: str | None) -> list[ProfileSummary]:
    """The profiles `pattern` selects, case-insensitively: a shell pattern (`acme-*`,
    `*test?`) when it has *, ? or [, else any name containing it. None selects all."""
    if pattern is None or not pattern.strip():
        return list(summaries)
    wanted = pattern.strip().casefold()
    if any(ch in wanted for ch in "*?["):
        return [s for s in summaries if fnmatch.fnmatchcase(s.name.casefold(), wanted)]
    return [s for s in summaries if wanted in s.name.casefold()]


def worst_verdict(rows: Sequence[ClientRow]) -> Verdict | None:
    """The worst verdict among the checked rows; None when none was checked."""
    verdicts = {r.verdict for r in rows if r.verdict is not None}
    return next((v for v in _VERDICT_ORDER if v in verdicts), None)


def _deadline(report: Report) -> tuple[str | None, Severity | None]:
    found = [f for f in report.findings if f.code in DEADLINE_CODES]
    if not found:
        return None, None
    first = min(found, key=lambda f: (SEVERITY_ORDER.index(f.severity),
                                      DEADLINE_CODES.index(f.code)))
    return first.code, first.severity


class _NotChecked(Exception):
    def __init__(self, code: ReasonCode, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values
        self.profile: Profile | None = None  # when loaded: its saved credentials still show


@dataclass
class _Batch:
    store: ProfileStore
    requirements: Requirements
    options: CheckOptions
    in_flight: int
    save: bool
    trust_base_url: bool
    on_row: Callable[[ClientRow], None]
    on_start: Callable[[str], None]
    cancel: Cancellation
    today: date | None

    @property
    def language(self) -> Language:
        return self.options.language

    async def all(self, summaries: Sequence[ProfileSummary]) -> list[ClientRow]:
        # One thread for the keyring and the profile files: calls that block, one at a time.
        self._serial = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-keyring")
        self._slots = asyncio.Semaphore(self.in_flight)
        try:
            return list(await asyncio.gather(*(self._one(s) for s in summaries)))
        finally:
            self._serial.shutdown(wait=True)

    async def _blocking(self, call: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._serial, call)

    async def _one(self, summary: ProfileSummary) -> ClientRow:
        async with self._slots:
            try:
                row = await self._checked(summary)
            except _NotChecked as why:
                row = self._row(summary, "not_checked", why.code, **why.values)
                if why.profile is not None:
                    row = self._saved_standing(row, why.profile)
            except Exception as error:  # a bug in one check must not lose the other rows
                row = self._row(summary, "failed", "error",
                                detail=f"{type(error).__name__}: {error}")
        self.on_row(row)
        return row

    def _row(self, summary: ProfileSummary, status: RowStatus, code: ReasonCode,
             **values: object) -> ClientRow:
        reason_id: BatchReasonId = f"batch.reason.{code}"  # type: ignore[assignment]
        return ClientRow(summary.name, status, summary.uid, summary.environment, code,
                         render(reason_id, self.language, **values))

    def _saved_standing(self, row: ClientRow, profile: Profile) -> ClientRow:
        """A row not checked still shows the credentials the last validation saw."""
        saved = profile.validation
        standing = credential_standing(profile.auth, saved.token_expiry if saved else None,
                                       self.today)
        return dataclasses.replace(row, credential=standing.kind, expiry=standing.expiry,
                                   days_left=standing.days_left)

    async def _checked(self, summary: ProfileSummary) -> ClientRow:
        if self.cancel.cancelled:
            raise _NotChecked("cancelled")
        if summary.error is not None:
            problem = summary.problem.render(self.language) if summary.problem else summary.error
            raise _NotChecked("profile_unreadable", detail=problem.rstrip("."))
        try:
            profile = await self._blocking(lambda: self.store.load(summary.name))
        except ProfileError as error:  # changed or removed since the list was read
            raise _NotChecked("profile_unreadable",
                              detail=error.text(self.language).rstrip(".")) from None
        try:
            return await self._check(profile)
        except _NotChecked as why:
            why.profile = profile
            raise

    async def _check(self, profile: Profile) -> ClientRow:
        try:
            environment = Environment.parse(profile.uid, profile.environment, profile.base_url)
        except EnvironmentInputError as error:
            raise _NotChecked("profile_unreadable",
                              detail=error.text(self.language).rstrip(".")) from None
        credentials = await self._blocking(lambda: self._credentials(profile, environment))
        if self.cancel.cancelled:
            raise _NotChecked("cancelled")
        self.on_start(profile.name)
        options = dataclasses.replace(
            self.options, connectors=dict(profile.connectors),
            mappings={role: dict(m) for role, m in profile.mappings.items()})
        report = await check_environment(environment, credentials, self.requirements, options,
                                         cancel=self.cancel)
        report = with_changes(report, profile)
        saved, problem = False, ""
        if self.save:
            saved, problem = await self._blocking(lambda: self._save(profile, report))
        standing = credential_standing(report.target.auth, report.target.token_expiry,
                                       self.today)
        deadline, severity = _deadline(report)
        since = report.since_last_validation
        return ClientRow(
            profile.name, "checked", profile.uid, profile.environment, verdict=report.verdict,
            credential=standing.kind, expiry=standing.expiry, days_left=standing.days_left,
            deadline=deadline, deadline_severity=severity,
            changes=len(since.changes) if since is not None else None, report=report,
            saved=saved, save_problem=problem)

    def _credentials(self, profile: Profile, environment: Environment) -> Credentials:
        """From the keyring (or the profile's key file): on the serial thread, it blocks."""
        oauth = profile.oauth if profile.auth != "classic_token" else None
        if oauth is not None and oauth.pem_file:
            try:
                return OAuthClient(oauth.client_id, private_key=PrivateKey.load(oauth.pem_file),
                                   key_id=oauth.kid, client_auth=oauth.client_auth)
            except CredentialInputError as error:
                raise _NotChecked("key_unusable",
                                  detail=error.text(self.language).rstrip(".")) from None
        if needs_confirmation(environment) and not self.trust_base_url:
            raise _NotChecked("untrusted_address", url=environment.base_url)
        if oauth is not None:
            stored = load_stored_client_secret(
                client_secret_account(environment, oauth.client_id)) if oauth.stored else None
            if stored is None or stored.secret is None:
                raise _NotChecked("no_secret")
            return OAuthClient(oauth.client_id, stored.secret, client_auth=oauth.client_auth)
        token = load_stored_token(environment)
        if token.token is None:
            raise _NotChecked("no_secret")
        return token.token

    def _save(self, profile: Profile, report: Report) -> tuple[bool, str]:
        """Only this profile's validation, on the serial thread: one profile at a time."""
        from payt_onboarding.app.saving import record_validation

        try:
            done = record_validation(profile.name, report, store=self.store)
        except ProfileError as error:
            return False, render("batch.save.failed", self.language,
                                 detail=error.text(self.language).rstrip("."))
        if done == "recorded":
            return True, ""
        return False, render("batch.save.cancelled" if done == "cancelled"
                             else "batch.save.not_accepted", self.language)

