"""The token as a user hands it to the command line: piped in, or typed at a masked prompt.
Never from argv."""

from __future__ import annotations

import getpass
import sys

from payt_onboarding.afas.token import AfasToken, TokenFormatError
from payt_onboarding.cli.texts import language, say
from payt_onboarding.cli.usage import UsageError
from payt_onboarding.messages import Localized

_TOKEN = Localized("cli.word.token")


def read_token_stdin(command: str, *, what: Localized = _TOKEN) -> str:
    """The token (or another secret: `what`, such as the OAuth client secret) from standard
    input; typed or pasted at a terminal, it is not shown."""
    stdin = sys.stdin
    if stdin is None or stdin.closed:
        raise UsageError(say("cli.stdin.missing", what=what, command=command,
                             file=what.render("en").replace(" ", "-")))
    try:
        if stdin.isatty():
            # Often on a shared screen: no echo. One line holds every form of the token.
            prompt = say("cli.stdin.prompt", what=what.render(language()).capitalize())
            return getpass.getpass(prompt)
        return stdin.read()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(say("cli.stdin.unreadable", what=what, reason=error)) from None


def parse_token(text: str, where: str) -> AfasToken:
    if not text.strip():
        raise UsageError(say("cli.token.empty", where=where))
    try:
        return AfasToken.parse(text)
    except TokenFormatError as error:
        raise UsageError(say("cli.token.unreadable", where=where,
                             reason=error.text(language()))) from None
