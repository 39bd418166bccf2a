"""The token as a user hands it to the command line: piped in, or typed at a masked prompt.
Never from argv."""

from __future__ import annotations

import getpass
import sys

from payt_onboarding.afas.token import AfasToken, TokenFormatError
from payt_onboarding.cli.usage import UsageError


def read_token_stdin(command: str, *, what: str = "token") -> str:
    """The token (or another secret: `what`, such as the OAuth client secret) from standard
    input; typed or pasted at a terminal, it is not shown."""
    stdin = sys.stdin
    if stdin is None or stdin.closed:
        raise UsageError(f"the {what} is read from standard input, but there is no standard "
                         "input. Pipe it in: "
                         f"payt-onboarding {command} ... < {what.replace(' ', '-')}.txt")
    try:
        if stdin.isatty():
            # Often on a shared screen: no echo. One line holds every form of the token.
            return getpass.getpass(f"{what.capitalize()} (wordt niet getoond / not shown): ")
        return stdin.read()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"the {what} cannot be read from standard input ({error}). Save it "
                         "as a UTF-8 text file and pipe that in.") from None


def parse_token(text: str, where: str) -> AfasToken:
    if not text.strip():
        raise UsageError(f"the token from {where} is empty. Paste the token AFAS gave "
                         "(the <token>…</token> text or its long data value).")
    try:
        return AfasToken.parse(text)
    except TokenFormatError as error:
        raise UsageError(f"the token from {where} cannot be read: {error}") from None
