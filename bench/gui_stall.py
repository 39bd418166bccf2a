"""The GUI thread during a check: the longest gap between ticks of a 5 ms timer on the GUI
thread while the wizard's job runner (gui/jobs.py) runs a check on its worker thread, against
the same timer with nothing running. Two checks: the default check with 200 ms per answer, and
a full scan of 20,000 entries (the heaviest Python work, folding pages, competes for the GIL).
"""

from __future__ import annotations

import itertools
import os
import time
from typing import Any

SIZE = 20_000
TICK_MS = 5


def _longest_gap(seconds: float | None, start: Any = None) -> tuple[float, float]:
    """(longest gap between ticks in ms, elapsed s): for `seconds` idle, or while the job that
    `start(jobs, done)` starts runs."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from payt_onboarding.gui.jobs import Jobs

    app = QApplication.instance() or QApplication([])
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    jobs = Jobs()
    began = time.perf_counter()
    timer.start()
    if start is None:
        QTimer.singleShot(round((seconds or 1) * 1000), app.quit)
    else:
        start(jobs, lambda _: app.quit())
    app.exec()
    timer.stop()
    jobs.shutdown()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    return max(gaps) * 1000, time.perf_counter() - began


def _check_job(url: str, sample_size: int | None) -> Any:
    from payt_onboarding.afas.environment import Environment
    from payt_onboarding.afas.token import AfasToken
    from payt_onboarding.app.check import run_check_session
    from payt_onboarding.checks.session import CheckOptions
    from payt_onboarding.requirements.load import load_requirements
    from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID

    environment = Environment.parse(DEMO_UID, base_url=url)
    token = AfasToken.from_data(DEMO_TOKEN_DATA)
    options = CheckOptions(sample_size=sample_size, time_limit=600)
    requirements = load_requirements()

    def start(jobs: Any, done: Any) -> None:
        jobs.start(lambda progress, cancel: run_check_session(
            environment, token, requirements, options, progress=progress, cancel=cancel),
            done, failed=done, progress=lambda event: None)
    return start


def main() -> dict[str, Any]:
    from bench.full_scan import simulator

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    idle, _ = _longest_gap(2.0)
    with simulator(300, latency_ms=200) as url:
        default, default_s = _longest_gap(None, _check_job(url, 200))
    with simulator(SIZE) as url:
        full, full_s = _longest_gap(None, _check_job(url, None))
    print(f"longest GUI-thread stall ({TICK_MS} ms timer): idle {idle:.0f} ms; during the "
          f"default check at 200 ms per answer {default:.0f} ms ({default_s:.1f} s); during a "
          f"full scan of {SIZE} entries {full:.0f} ms ({full_s:.1f} s)")
    return {"tick_ms": TICK_MS, "idle_ms": round(idle, 1), "default_check_ms": round(default, 1),
            f"full_scan_{SIZE}_ms": round(full, 1)}


def in_child() -> dict[str, Any]:
    """main() in a process of its own: Qt's teardown at exit must not end `make bench`."""
    import json
    import subprocess
    import sys

    output = subprocess.run([sys.executable, "-m", "bench.gui_stall"],
                            capture_output=True, text=True, check=False).stdout.splitlines()
    print(output[0])
    return dict(json.loads(output[-1]))


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(main()), flush=True)
    sys.stdout.flush()
    os._exit(0)  # PySide6 may crash tearing down at exit; the figures are out
