"""Start-up: from starting the wizard's program to its first page shown, the bundle
(dist/payt-onboarding/payt-onboarding-wizard, `make bundle`) against the pip install
(.venv/bin/payt-onboarding-wizard), median of --runs each.

    .venv/bin/python -m bench.startup [--runs 7] [--cold]

Warm: the files are in the page cache (one run first to fill it). Cold, with --cold (root on
Linux only): the page cache is dropped before every run (`/proc/sys/vm/drop_caches`; this slows
everything else on the machine for a moment). Each run ends itself once the first page has been
shown ($PAYT_ONBOARDING_QUIT_WHEN_SHOWN, gui/app.py); the platform is $QT_QPA_PLATFORM's
(offscreen unless set). Times are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = {
    "pip install": Path(sys.executable).parent / "payt-onboarding-wizard",
    "bundle": ROOT / "dist" / "payt-onboarding" / "payt-onboarding-wizard",
}


def drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def one_start(program: Path, env: dict[str, str], *, cold: bool) -> float:
    if cold:
        drop_caches()
    started = time.perf_counter()
    result = subprocess.run([str(program)], env=env, capture_output=True, text=True,  # noqa: S603
                            timeout=120, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{program} exited {result.returncode}: {result.stderr}")
    return elapsed


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.startup")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cold", action="store_true", help="drop the page cache before each run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "PAYT_ONBOARDING_QUIT_WHEN_SHOWN": "1",
               "PAYT_ONBOARDING_CONFIG_DIR": str(Path(scratch) / "config"),
               "PAYT_ONBOARDING_LOG_DIR": str(Path(scratch) / "logs")}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        medians = {}
        for name, program in PROGRAMS.items():
            if not program.exists():
                raise SystemExit(f"{program} is missing: run make bundle first")
            one_start(program, env, cold=False)  # fills the cache, writes the first config
            times = [one_start(program, env, cold=args.cold) for _ in range(args.runs)]
            medians[name] = statistics.median(times)
            print(f"{name:12} {'cold' if args.cold else 'warm'}: median "
                  f"{medians[name] * 1000:.0f} ms over {args.runs} runs "
                  f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
    print(f"bundle / pip install: {medians['bundle'] / medians['pip install']:.2f}")


if __name__ == "__main__":
    main()
