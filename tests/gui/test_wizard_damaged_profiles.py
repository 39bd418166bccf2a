"""A profile file nested 1,000 levels deep shows as unreadable in the wizard's list, and the good
profiles beside it are listed and can be chosen."""

from __future__ import annotations

from pathlib import Path

from payt_onboarding.profile.model import Profile
from payt_onboarding.profile.store import ProfileStore
from tests.support.hostile import DEEP
from tests.support.texts import says
from tests.support.wizard import MakeWizard, top_items


def test_a_deep_profile_file_hides_no_good_profile(wizards: MakeWizard, tmp_path: Path) -> None:
    store = ProfileStore()
    store.save(Profile(name="Goed", uid="12345", environment="production"))
    (store.directory / "diep.json").write_text(
        '{"name": "Diep", "uid": "12345", "mappings": ' + DEEP + "}", encoding="utf-8")
    wizard = wizards()
    items = top_items(wizard.welcome.profiles)
    assert [i.text(0) for i in items] == ["diep", "Goed"]  # unreadable: named by its file
    # In the wizard's language (Dutch here), not the store's English reason.
    assert says(items[0].toolTip(0), "profile.detail.too_deep")
    assert "nested" not in items[0].toolTip(0)
    wizard.welcome.profiles.setCurrentItem(items[1])
    assert wizard.welcome.selected_name() == "Goed"
