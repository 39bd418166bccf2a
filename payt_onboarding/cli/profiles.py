"""`payt-onboarding profiles`, and the profile side of `check --profile/--save-profile`."""

from __future__ import annotations

import argparse
import sys

from payt_onboarding.afas.environment import Environment, EnvironmentInputError
from payt_onboarding.app.saving import SavedProfile
from payt_onboarding.cli.texts import language, say
from payt_onboarding.cli.token_input import parse_token, read_token_stdin
from payt_onboarding.cli.usage import UsageError, report_usage_error
from payt_onboarding.messages import Localized
from payt_onboarding.profile.model import Profile
from payt_onboarding.profile.store import ProfileError, ProfileExistsError, ProfileStore


def load_for_check(name: str) -> Profile:
    try:
        return ProfileStore().load(name)
    except ProfileError as error:
        raise UsageError(error.text(language())) from None


def unusual_address(profile: Profile) -> str:
    """Why the profile's address deserves a look before use, or "" when it is AFAS's own."""
    if profile.base_url is None:
        return ""
    try:
        environment = Environment.parse(profile.uid, profile.environment, profile.base_url)
    except EnvironmentInputError:
        return say("cli.profile.unusable_address", url=profile.base_url)
    if environment.is_afas_address:
        return ""
    return say("cli.profile.unusual_address", url=environment.base_url, uid=environment.uid,
               kind=environment.kind.value, derived=environment.derived_url)


def say_saved(name: str, saved: SavedProfile) -> None:
    """Where the profile and the token went, on stderr (`check --save-profile`)."""
    what = Localized("cli.word.client_secret" if saved.secret == "client_secret"
                     else "cli.word.token")
    if saved.token == "rejected":
        print(say("cli.saved.rejected", what=what), file=sys.stderr)
    elif saved.token == "failed":
        print(say("cli.saved.failed", what=what, problem=saved.why or saved.problem),
              file=sys.stderr)
    if saved.secret == "private_key" and saved.profile.oauth:
        kept = say("cli.saved.key_file", path=saved.profile.oauth.pem_file)
    elif saved.token == "keyring":
        kept = say("cli.saved.in_store", what=what, store=saved.store_name)
    elif saved.token == "memory":
        problem = saved.why.render(language()) if saved.why else saved.problem
        kept = say("cli.saved.not_stored", what=what, problem=problem.rstrip("."))
    else:
        kept = say("cli.saved.pass_again", what=what)
    print(say("cli.saved", name=name, path=saved.path, kept=kept), file=sys.stderr)


def run_profiles_command(args: argparse.Namespace) -> int:
    from payt_onboarding.profile.listing import format_profiles

    store = ProfileStore()
    action = getattr(args, "action", None) or "list"
    try:
        if action == "list":
            print(format_profiles(store.list(), language()))
        elif action == "rename":
            print(say("cli.profiles.renamed", name=store.rename(args.name, args.new_name).name))
        elif action == "delete":
            store.delete(args.name)
            print(say("cli.profiles.deleted", name=args.name))
        elif action == "restore":
            print(say("cli.profiles.restored", name=store.restore_backup(args.name).name))
        elif action == "export":
            print(say("cli.profiles.exported", path=store.export(args.name, args.file)))
        elif action == "import":
            try:
                profile = store.import_file(args.file, name=args.name, replace=args.replace)
            except ProfileExistsError:
                raise UsageError(say("cli.profiles.import_exists", file=args.file)) from None
            print(say("cli.profiles.imported", name=profile.name))
            unusual = unusual_address(profile)
            if unusual:
                print(say("cli.note", note=unusual), file=sys.stderr)
        elif action == "set-token":
            _set_token(args.name)
    except ProfileError as error:
        return report_usage_error("profiles", error.text(language()))
    except (ValueError, UsageError) as error:
        return report_usage_error("profiles", error)
    return 0


def _set_token(name: str) -> None:
    from payt_onboarding.app.saving import store_new_token

    token = parse_token(read_token_stdin("profiles set-token"), say("cli.word.stdin"))
    saved = store_new_token(name, token)
    if saved.token != "keyring":
        raise UsageError(say("cli.set_token.not_stored", problem=saved.why or saved.problem))
    print(say("cli.set_token.stored", name=saved.profile.name, store=saved.store_name))
    unusual = unusual_address(saved.profile)
    if unusual:
        print(say("cli.note", note=unusual), file=sys.stderr)
