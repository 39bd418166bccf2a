"""The wizard's Dutch: every GUI text translated, the .ts in step with the source, the .qm in
step with the .ts, and placeholders and mnemonics intact in every translation."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402

FIX = "run: .venv/bin/python scripts/translations.py, translate what it reports, commit both files"


def messages(ts: Path) -> list[tuple[str, str, str | None, str | None]]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314  # our own file
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation.text,
                          translation.get("type")))
    return found


def test_the_ts_holds_exactly_the_texts_of_the_source(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(translations.TS, fresh)
    translations.lupdate(fresh)
    assert fresh.read_text(encoding="utf-8") == translations.TS.read_text(encoding="utf-8"), FIX


def test_every_text_is_translated() -> None:
    found = messages(translations.TS)
    assert len(found) > 100
    untranslated = [(c, s) for c, s, text, kind in found if not text or kind is not None]
    assert not untranslated, FIX


def test_the_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "fresh.qm"
    translations.lrelease(translations.TS, compiled)
    assert compiled.read_bytes() == translations.QM.read_bytes(), FIX


@pytest.mark.parametrize(("context", "source", "text"), [
    (c, s, t) for c, s, t, _ in messages(translations.TS)])
def test_placeholders_and_mnemonics_survive_translation(context: str, source: str,
                                                        text: str) -> None:
    names = re.compile(r"\{(\w+)\}")
    assert sorted(names.findall(text)) == sorted(names.findall(source))
    # One mnemonic at most, where the source has one ("&&" is a literal ampersand).
    assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&") <= 1


def test_the_wizard_speaks_dutch_from_the_compiled_file(qapp: object) -> None:
    from payt_onboarding.gui.texts import set_language, translate

    try:
        set_language("nl")
        assert translate("SummaryPage", "&Save profile") == "Profiel &opslaan"
        set_language("en")
        assert translate("SummaryPage", "&Save profile") == "&Save profile"
    finally:
        set_language("nl")
