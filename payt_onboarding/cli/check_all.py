"""`payt-onboarding check --all-profiles`: re-check every saved profile (or those --match
selects), credentials from the keyring only; one summary, each client's report in a folder.

Exit status: the worst verdict among the profiles checked (not ready also when none could be
checked); 130 after Ctrl+C, which stops the checks in flight and writes what is known.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import FrameType

from payt_onboarding.app.batch import (
    DEFAULT_IN_FLIGHT,
    ClientRow,
    check_profiles,
    matching,
    worst_verdict,
)
from payt_onboarding.checks.progress import Cancellation
from payt_onboarding.checks.session import CheckOptions
from payt_onboarding.cli import exit_codes
from payt_onboarding.cli.batch_summary import Summary, render_summary, summary_format, totals
from payt_onboarding.cli.progress_line import BatchProgress
from payt_onboarding.cli.texts import say
from payt_onboarding.cli.usage import UsageError, report_usage_error
from payt_onboarding.messages.catalog import render as render_text
from payt_onboarding.profile.files import atomic_write, safe_filename
from payt_onboarding.profile.store import ProfileStore
from payt_onboarding.report.formats import render
from payt_onboarding.requirements.load import RequirementsError, load_requirements

# What names one environment: it comes from each profile here.
_SINGLE_ONLY = ("uid", "environment", "base_url", "token_stdin", "client_id",
                "client_secret_stdin", "private_key", "key_id", "client_auth", "map",
                "profile", "save_profile")


_ALL_ONLY = ("match", "output_dir", "save", "in_flight")


def misplaced_batch_options(args: argparse.Namespace) -> str | None:
    """Why a single check's options do not fit, or None: --match, --output-dir, --save and
    --in-flight belong to --all-profiles."""
    given = [f"--{name.replace('_', '-')}" for name in _ALL_ONLY if getattr(args, name, None)]
    if given and not args.all_profiles:
        return say("cli.check_all.only_with_all", options=", ".join(given))
    return None


def run_check_all(args: argparse.Namespace) -> int:
    try:
        fmt = _plan(args)
        requirements = load_requirements(args.requirements)
    except RequirementsError as error:
        return report_usage_error("check", error.text(args.language))
    except UsageError as error:
        return report_usage_error("check", error)
    store = ProfileStore()
    selected = matching(store.list(), args.match)
    if not selected:
        message = render_text("batch.summary.none_matched", args.language, pattern=args.match) \
            if args.match else render_text("batch.summary.no_profiles", args.language)
        return report_usage_error("check", message)
    folder = Path(args.output_dir) if args.output_dir else None
    checked_at = datetime.now().astimezone().isoformat(timespec="seconds")
    reports: dict[str, str] = {}
    progress = BatchProgress(sys.stderr, args.language, len(selected)) \
        if sys.stderr.isatty() else None

    unwritten: list[str] = []

    def arrived(row: ClientRow) -> None:
        if folder is not None and row.report is not None:
            try:
                reports[row.profile] = _write_report(row, folder, args.output)
            except OSError as error:  # a full disk: the summary still says how it went
                unwritten.append(f"{row.profile}: {error.strerror or error}")  # OS words
        if progress:
            progress.finished(row)

    cancel = Cancellation()
    previous = signal.signal(signal.SIGINT, _on_interrupt(cancel))
    try:
        rows = check_profiles(
            store, requirements=requirements, match=args.match,
            options=CheckOptions(sample_size=None if args.all_rows else args.sample_size,
                                 language=args.language, time_limit=args.time_limit),
            in_flight=args.in_flight or DEFAULT_IN_FLIGHT, save=args.save,
            trust_base_url=args.trust_base_url, on_row=arrived,
            on_start=progress.started if progress else None, cancel=cancel)
    finally:
        signal.signal(signal.SIGINT, previous)
        if progress:
            progress.clear()
    summary = Summary(rows, args.language, checked_at, reports)
    try:
        _write_summary(summary, fmt, args.output)
    except OSError as error:
        return report_usage_error("check", say("cli.check_all.cannot_write", output=args.output,
                                               reason=error.strerror or error))
    _say_outcome(args, summary, folder)
    for problem in unwritten:
        print(say("cli.check_all.report_not_written", problem=problem), file=sys.stderr)
    if cancel.cancelled:
        return exit_codes.INTERRUPTED
    worst = worst_verdict(rows)
    return exit_codes.BY_VERDICT[worst] if worst else exit_codes.NOT_READY


def _on_interrupt(cancel: Cancellation) -> Callable[[int, FrameType | None], None]:
    def interrupted(signum: int, frame: FrameType | None) -> None:
        # A second Ctrl+C stops at once.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        cancel.cancel()

    return interrupted


def _plan(args: argparse.Namespace) -> str:
    """The summary's format; UsageError for what does not go with --all-profiles."""
    given = [f"--{name.replace('_', '-')}" for name in _SINGLE_ONLY if getattr(args, name, None)]
    if given:
        raise UsageError(say("cli.check_all.single_only", options=", ".join(given)))
    if args.format:
        raise UsageError(say("cli.check_all.no_format"))
    fmt = summary_format(args.output)
    if fmt is None:
        raise UsageError(say("cli.check_all.unknown_extension", output=args.output))
    if args.output and Path(args.output).is_dir():
        raise UsageError(say("cli.check.output_is_folder", output=args.output,
                             example=Path(args.output) / "overzicht.html"))
    if args.output and not Path(args.output).parent.is_dir():
        raise UsageError(say("cli.check_all.no_output_folder", output=args.output,
                             folder=Path(args.output).parent))
    if args.output_dir:
        folder = Path(args.output_dir)
        if folder.exists() and not folder.is_dir():
            raise UsageError(say("cli.check_all.output_dir_is_file", folder=folder))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UsageError(say("cli.check_all.cannot_create_folder", folder=folder,
                                 reason=error.strerror or error)) from None
    return fmt


def _write_report(row: ClientRow, folder: Path, summary: str | None) -> str:
    """The client's report as HTML and JSON, named after the profile as its profile file is
    (profile.files.safe_filename: no path, no reserved name, distinct per name); returns the
    HTML's path as the summary links it."""
    assert row.report is not None
    stem = safe_filename(row.profile).removesuffix(".json")
    html = folder / f"{stem}.html"
    atomic_write(html, render(row.report, "html").encode("utf-8"))
    atomic_write(folder / f"{stem}.json", render(row.report, "json").encode("utf-8"))
    base = Path(summary).resolve().parent if summary else Path.cwd()
    return Path(os.path.relpath(html.resolve(), base)).as_posix()


def _write_summary(summary: Summary, fmt: str, output: str | None) -> None:
    text = render_summary(summary, fmt)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    atomic_write(Path(output), text.encode("utf-8"))


def _say_outcome(args: argparse.Namespace, summary: Summary, folder: Path | None) -> None:
    language = args.language
    if args.output:
        print(totals(summary), file=sys.stderr)
    if args.output and folder is not None:
        print(render_text("batch.summary.written", language, summary=args.output, folder=folder),
              file=sys.stderr)
    if args.save:
        saved = sum(1 for r in summary.rows if r.saved)
        print(render_text("batch.summary.saved", language, count=saved), file=sys.stderr)
