"""The command line's side of profiles: `check --profile/--save-profile` and `profiles`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.check_command import EXIT_USAGE, UsageError
from payt_onboarding.checks.engine import CheckOptions
from payt_onboarding.profile.checked import save_checked
from payt_onboarding.profile.model import Profile
from payt_onboarding.profile.secrets import SecretStoreError, TokenVault
from payt_onboarding.profile.store import ProfileError, ProfileStore
from payt_onboarding.report.model import Report
from payt_onboarding.requirements.model import Requirements


def load_for_check(name: str) -> Profile:
    try:
        return ProfileStore().load(name)
    except ProfileError as error:
        raise UsageError(str(error)) from None


def token_from_keyring(account: str) -> tuple[AfasToken | None, str]:
    """The stored token, or None and why not, in words that say what to do."""
    vault = TokenVault()
    if not vault.status.usable:
        return None, f"no usable keyring on this computer ({vault.status.reason})."
    try:
        token = vault.load(account)
    except SecretStoreError as error:
        return None, f"{error}."
    if token is None:
        return None, (f"the keyring ({vault.status.name}) holds no token for "
                      f"{account}.")
    return token, ""


def save_after_check(
    name: str,
    environment: Environment,
    token: AfasToken,
    options: CheckOptions,
    requirements: Requirements,
    report: Report,
    report_json: str,
) -> None:
    try:
        saved = save_checked(name, environment, token, options, requirements, report,
                             report_json)
    except ProfileError as error:
        print(f"The profile was not saved: {error}", file=sys.stderr)
        return
    if saved.token == "rejected":
        print("The token was NOT stored: AFAS did not accept it in this check.", file=sys.stderr)
    elif saved.token == "failed":
        print(f"The token was NOT stored: {saved.problem}", file=sys.stderr)
    kept = {
        "keyring": f"the token is in {saved.store_name}",
        "memory": f"the token was NOT stored. {saved.problem.rstrip('.')}",
    }.get(saved.token, "pass the token again next time")
    print(f"Profile '{name}' saved to {saved.path}; {kept}.", file=sys.stderr)


def add_profiles_parser(commands: argparse._SubParsersAction[Any]) -> None:
    profiles = commands.add_parser(
        "profiles",
        help="list and manage the saved profiles",
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


def run_profiles_command(args: argparse.Namespace) -> int:
    from payt_onboarding.profile.listing import format_profiles

    store = ProfileStore()
    action = getattr(args, "action", None) or "list"
    try:
        if action == "list":
            print(format_profiles(store.list()))
        elif action == "rename":
            print(f"Profile '{store.rename(args.name, args.new_name).name}' renamed.")
        elif action == "delete":
            store.delete(args.name)
            print(f"Profile '{args.name}' deleted.")
        elif action == "restore":
            print(f"Profile '{store.restore_backup(args.name).name}' restored from its backup.")
        elif action == "export":
            print(f"Written to {store.export(args.name, args.file)}. It holds no token: your "
                  "colleague passes the token at the first check.")
        elif action == "import":
            profile = store.import_file(args.file, name=args.name, replace=args.replace)
            print(f"Profile '{profile.name}' imported. Give its token at the first check: "
                  f"payt-onboarding check --profile \"{profile.name}\" --token-stdin")
    except (ProfileError, ValueError) as error:
        print(f"payt-onboarding profiles: {error}", file=sys.stderr)
        return EXIT_USAGE
    return 0
