"""python -m bench [--json FILE] [--quick]: every benchmark, each figure against its baseline
measured in the same run, printed and written as JSON (default bench/results.json)."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from bench import (
    batch_check,
    check_concurrency,
    cli_help,
    full_scan,
    gui_stall,
    mapping_rejudge,
    wizard_start,
)

LATENCIES = (0.05, 0.2, 0.5)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--json", type=Path, default=Path(__file__).with_name("results.json"),
                        help="where to write the figures (default bench/results.json)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(full_scan.SIZES),
                        help="sales entries of the full scans (default 20000 50000 200000)")
    args = parser.parse_args()
    started = time.perf_counter()
    results: dict[str, Any] = {"full_scan": full_scan.main(
        ["--sizes", *map(str, args.sizes)])}
    results["check"] = {}
    for latency in LATENCIES:
        results["check"][f"{latency * 1000:.0f}ms"] = check_concurrency.main(
            ["--latency", str(latency)])
    # Many clients at once (issue 16): 50 environments at 200 ms per answer.
    results["batch"] = batch_check.main([])
    results["startup"] = wizard_start.main()
    results["cli_help"] = cli_help.main([])
    results["gui_stall"] = gui_stall.in_child()
    mapping_rejudge.main([])
    results["seconds"] = round(time.perf_counter() - started)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
