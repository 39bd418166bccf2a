"""`payt-onboarding profiles`, and the profile side of `check --profile/--save-profile`."""

from __future__ import annotations

import argparse
import sys

from payt_onboarding.app.saving import SavedProfile
from payt_onboarding.cli.token_input import parse_token, read_token_stdin
from payt_onboarding.cli.usage import UsageError, report_usage_error
from payt_onboarding.profile.model import Profile
from payt_onboarding.profile.store import ProfileError, ProfileExistsError, ProfileStore


def load_for_check(name: str) -> Profile:
    try:
        return ProfileStore().load(name)
    except ProfileError as error:
        raise UsageError(str(error)) from None


def say_saved(name: str, saved: SavedProfile) -> None:
    """Where the profile and the token went, on stderr (`check --save-profile`)."""
    what = "client secret" if saved.secret == "client_secret" else "token"
    if saved.token == "rejected":
        print(f"The {what} was NOT stored: AFAS did not accept it in this check.",
              file=sys.stderr)
    elif saved.token == "failed":
        print(f"The {what} was NOT stored: {saved.problem}", file=sys.stderr)
    kept = {
        "keyring": f"the {what} is in {saved.store_name}",
        "memory": f"the {what} was NOT stored. {saved.problem.rstrip('.')}",
    }.get(saved.token, f"pass the {what} again next time")
    if saved.secret == "private_key" and saved.profile.oauth:
        kept = f"the private key stays in {saved.profile.oauth.pem_file}"
    print(f"Profile '{name}' saved to {saved.path}; {kept}.", file=sys.stderr)


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
            try:
                profile = store.import_file(args.file, name=args.name, replace=args.replace)
            except ProfileExistsError:
                raise UsageError(
                    f"a profile of that name exists already. Import it under another name "
                    f"with --name NEW, or replace it with --replace (the current one becomes "
                    f"its backup): payt-onboarding profiles import {args.file} --name NEW"
                ) from None
            print(f"Profile '{profile.name}' imported. Give its token at the first check: "
                  f"payt-onboarding check --profile \"{profile.name}\" --token-stdin, or "
                  f"now: payt-onboarding profiles set-token \"{profile.name}\"")
        elif action == "set-token":
            _set_token(args.name)
    except (ProfileError, ValueError, UsageError) as error:
        return report_usage_error("profiles", error)
    return 0


def _set_token(name: str) -> None:
    from payt_onboarding.app.saving import store_new_token

    token = parse_token(read_token_stdin("profiles set-token"), "standard input")
    saved = store_new_token(name, token)
    if saved.token != "keyring":
        raise UsageError(f"the token was NOT stored: {saved.problem} Pass it to each check "
                         "with --token-stdin instead.")
    print(f"The new token of profile '{saved.profile.name}' is in {saved.store_name}. Test "
          f"it: payt-onboarding check --profile \"{saved.profile.name}\"")
