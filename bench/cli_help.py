"""`payt-onboarding --help` against a bare argparse program's --help, median of --runs each, and
their ratio (the help must stay within 3x: it is what a user runs first).

    .venv/bin/python -m bench.cli_help [--runs 21]

Both run as `python -c`/`python -m` in a fresh interpreter, in Dutch and in English (the help
loads the message catalog of its language). Times are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Any

BARE = "import argparse; argparse.ArgumentParser(prog='bare').parse_args(['--help'])"
PROGRAMS = {
    "bare argparse": [sys.executable, "-c", BARE],
    "payt-onboarding --help": [sys.executable, "-m", "payt_onboarding.cli", "--help"],
    "payt-onboarding check --help": [sys.executable, "-m", "payt_onboarding.cli", "check",
                                     "--help"],
}


def one_run(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=True, timeout=60)  # noqa: S603
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m bench.cli_help")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    for language in ("nl", "en"):
        env = {**os.environ, "PAYT_ONBOARDING_LANGUAGE": language}
        medians: dict[str, float] = {}
        for name, command in PROGRAMS.items():
            one_run(command, env)  # fills the page cache and the bytecode cache
            # Interleaved with the baseline would be fairer under load; alternate instead.
            medians[name] = statistics.median(one_run(command, env) for _ in range(args.runs))
        bare = medians["bare argparse"]
        for name, median in medians.items():
            print(f"{language} {name:30} median {median * 1000:6.1f} ms  "
                  f"({median / bare:.2f}x bare)")
        results[language] = {name: round(m / bare, 2) for name, m in medians.items()}
    return results


if __name__ == "__main__":
    main()
