"""The credentials a scenario's client hands over, built from the simulator's demo values: for
`payt-onboarding demo` and the tests (Scenario.hands_over)."""

from __future__ import annotations

from pathlib import Path

from payt_onboarding.afas.credentials import (
    ClientAuth,
    ClientSecret,
    Credentials,
    OAuthClient,
    PrivateKey,
)
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA
from payt_onboarding.simulator.oauth import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_KEY_ID,
    demo_private_key_pem,
)
from payt_onboarding.simulator.scenarios import HandsOver

DEMO_KEY_NAME = "demo-private-key.pem"


def demo_credentials(hands_over: HandsOver = "token", *, client_auth: ClientAuth = "auto",
                     key_path: Path | None = None) -> Credentials:
    if hands_over == "token":
        return AfasToken.from_data(DEMO_TOKEN_DATA)
    if hands_over == "client_secret":
        return OAuthClient(DEMO_CLIENT_ID, ClientSecret.parse(DEMO_CLIENT_SECRET),
                           client_auth=client_auth)
    key = PrivateKey.from_pem(demo_private_key_pem(), key_path or Path(DEMO_KEY_NAME))
    return OAuthClient(DEMO_CLIENT_ID, private_key=key, key_id=DEMO_KEY_ID)
