"""A non-editable install (the built wheel) works on its own, as a user's `pip install .` does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_holds_every_module_and_runs_from_its_own_install(tmp_path: Path) -> None:
    # Build from a copy: setuptools leaves build/ behind, and a stale one hides missing files.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path),
         str(source)],
        check=True, capture_output=True, timeout=300,
    )
    (wheel,) = tmp_path.glob("payt_onboarding-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "payt_onboarding").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert sources <= names, f"missing from the wheel: {sorted(sources - names)}"

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(target), str(wheel)], check=True, capture_output=True,
                   timeout=300)
    probe = (
        "import payt_onboarding, sys; from payt_onboarding.cli import main; "
        "print(payt_onboarding.__file__); "
        "sys.exit(main(['demo', '--text', '--scenario', 'oauth_healthy']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(target)}, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(str(target))
    # The demo ran the whole check, OAuth token request included, from the wheel.
    assert "KLAAR VOOR PAYT" in result.stdout
