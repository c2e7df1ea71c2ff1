"""Passwords are stored as salted scrypt hashes that verify the right password and nothing else."""

from __future__ import annotations

import pytest

from annotator.errors import NotFoundError, UsageError
from annotator.web.logins import add_login, authenticate, checked_name
from annotator.web.passwords import hash_password, verify_password


def test_a_hash_verifies_its_password_and_no_other():
    stored = hash_password("harbour-master-1200")
    assert verify_password("harbour-master-1200", stored)
    assert not verify_password("harbour-master-1201", stored)
    assert not verify_password("", stored)


def test_hashes_are_salted_and_never_contain_the_password():
    first, second = hash_password("same password"), hash_password("same password")
    assert first != second
    assert "same password" not in first
    assert first.startswith("scrypt$16384$8$1$")


def test_unicode_passwords_verify():
    stored = hash_password("Grüße aus Dunmore ✓")
    assert verify_password("Grüße aus Dunmore ✓", stored)
    assert not verify_password("Grusse aus Dunmore ✓", stored)


@pytest.mark.parametrize("stored", ["", "plain-text", "md5$abc", "scrypt$16384$8$1$not-base64!$xx", "scrypt$1$2$3"])
def test_a_malformed_hash_never_matches(stored):
    assert not verify_password("anything", stored)


def test_a_login_is_stored_hashed_and_authenticates(store):
    user = add_login(store, "  carol ", "carol-password", lead=True)
    assert user.name == "carol" and user.lead
    stored = store.users.get("carol")
    assert stored.password_hash != "carol-password" and verify_password("carol-password", stored.password_hash)
    assert authenticate(store, "carol", "carol-password").name == "carol"
    assert authenticate(store, "carol", "carol-passwort") is None
    assert authenticate(store, "nobody", "carol-password") is None
    assert authenticate(store, "", "") is None


def test_users_are_listed_counted_and_removed(store):
    add_login(store, "dora", "dora-password")
    add_login(store, "abel", "abel-password", lead=True)
    assert [(user.name, user.lead) for user in store.users.all()] == [("abel", True), ("dora", False)]
    assert store.users.count() == 2
    store.users.remove("dora")
    assert store.users.get("dora") is None and store.users.count() == 1
    with pytest.raises(NotFoundError, match="no user 'dora'"):
        store.users.remove("dora")


def test_a_taken_name_is_refused_and_keeps_its_password(store):
    add_login(store, "erin", "first-password")
    with pytest.raises(UsageError, match="already exists"):
        add_login(store, "erin", "second-password")
    assert authenticate(store, "erin", "first-password") is not None


@pytest.mark.parametrize("password", ["short", "       spaces      ".strip() + " "])
def test_weak_passwords_are_refused(store, password):
    with pytest.raises(UsageError, match="password"):
        add_login(store, "fay", password)
    assert store.users.get("fay") is None


@pytest.mark.parametrize("name", ["", "two words", "-dash", "x" * 65, "semi;colon", "quote'"])
def test_names_that_could_not_sign_cleanly_are_refused(name):
    with pytest.raises(UsageError, match="user name"):
        checked_name(name)
