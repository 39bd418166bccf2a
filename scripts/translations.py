"""The wizard's Dutch: update the .ts from the source, and compile it to the .qm the wizard
loads. Run after changing any GUI text, then translate what it reports as unfinished:

    .venv/bin/python scripts/translations.py          # lupdate, then lrelease
    .venv/bin/pyside6-linguist payt_onboarding/resources/i18n/payt_onboarding_nl.ts

tests/gui/test_translations.py fails while a text is untranslated or the .qm is stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(str(p) for p in (ROOT / "payt_onboarding" / "gui").rglob("*.py"))
TS = ROOT / "payt_onboarding" / "resources" / "i18n" / "payt_onboarding_nl.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def lupdate(ts: Path = TS) -> None:
    # No locations: the file changes only when a text does, not when code moves.
    subprocess.run([str(BIN / "pyside6-lupdate"), *SOURCES, "-locations", "none",  # noqa: S603
                    "-no-obsolete", "-target-language", "nl_NL", "-ts", str(ts)],
                   check=True, capture_output=True)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],  # noqa: S603
                   check=True)


def main() -> int:
    lupdate()
    lrelease()
    unfinished = TS.read_text(encoding="utf-8").count('type="unfinished"')
    print(f"{TS.relative_to(ROOT)}: {unfinished} unfinished; {QM.relative_to(ROOT)} written")
    return 1 if unfinished else 0


if __name__ == "__main__":
    sys.exit(main())
