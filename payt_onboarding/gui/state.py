"""What the pages share: the entered environment and token, the check session, the profile."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from payt_onboarding.vocabulary import Language

if TYPE_CHECKING:  # the engine (httpx), pydantic and the keyring load when first needed
    from payt_onboarding.afas.credentials import Credentials
    from payt_onboarding.afas.environment import Environment
    from payt_onboarding.app.credentials import StoreStatus
    from payt_onboarding.checks.engine import CheckOptions, CheckSession
    from payt_onboarding.profile.model import Profile
    from payt_onboarding.report.model import Report
    from payt_onboarding.requirements.model import Requirements


_loading = threading.Lock()


@dataclass(frozen=True)
class Prefill:
    """What `payt-onboarding demo` fills in: the simulator's UID, address and credentials."""

    uid: str
    base_url: str | None
    token: Credentials  # the classic token, or the OAuth client
    profile_name: str = ""


@dataclass
class WizardState:
    language: Language = "nl"
    prefill: Prefill | None = None
    profile: Profile | None = None  # the saved profile being checked again
    environment: Environment | None = None
    token: Credentials | None = None  # the classic token, or the OAuth client
    remember_token: bool = True
    vault: StoreStatus | None = None  # None until the keyring has been looked at
    session: CheckSession | None = None
    checked_for: tuple[object, ...] = ()  # (environment, token, requirements) of `session`
    unsaved: bool = False  # a result (or a mapping) that is not in a saved profile yet
    # The profile as it was when `session` checked it again: its last validation is what the
    # summary says changed since (kept when this check is saved over it).
    compared_with: Profile | None = None
    # The built-in requirements until a page loads others; parsed (pydantic) on first use, off
    # the first paint: the welcome page's worker asks for them (`requirements`).
    _requirements: Requirements | None = field(default=None, init=False, repr=False)

    @property
    def requirements(self) -> Requirements:
        if self._requirements is None:
            # Loaded once, by one thread: the wizard's warm-up job loads them while a page
            # may ask for them (it waits), or set others (those win).
            with _loading:
                if self._requirements is None:
                    from payt_onboarding.requirements.load import load_requirements

                    self._requirements = load_requirements()
                return self._requirements
        return self._requirements

    @requirements.setter
    def requirements(self, requirements: Requirements) -> None:
        with _loading:
            self._requirements = requirements

    def options(self) -> CheckOptions:
        """The options of a new check: the profile's chosen connectors, and the mappings made
        so far (in this session, else the profile's)."""
        from payt_onboarding.checks.session import CheckOptions

        connectors = dict(self.profile.connectors) if self.profile else {}
        if self.session is not None:
            mappings = self.session.options.mappings
        else:
            mappings = dict(self.profile.mappings) if self.profile else {}
        return CheckOptions(language=self.language, connectors=connectors, mappings=mappings)

    def report(self) -> Report:
        """The session's report, with what changed since the last validation of the profile
        it checked again."""
        from payt_onboarding.app.changes import with_changes

        assert self.session is not None
        return with_changes(self.session.report(), self.compared_with)

    def current_key(self) -> tuple[object, ...]:
        return (self.environment, self.token, self.requirements.origin)
