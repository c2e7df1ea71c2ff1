"""Creating logins and checking passwords against them: the library side of `annotator users` and the login page."""

from __future__ import annotations

import re

from annotator.errors import UsageError
from annotator.models import User
from annotator.store import Store
from annotator.web.passwords import decoy_hash, hash_password, password_problem, verify_password

MAX_NAME_LENGTH = 64
_NAME = re.compile(r"[^\W_][\w.\-]*")


def checked_name(name: str) -> str:
    """The login name trimmed, or UsageError when it could not sign annotations cleanly."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_LENGTH or not _NAME.fullmatch(name):
        raise UsageError(
            f"user name {name!r} must be 1-{MAX_NAME_LENGTH} letters, digits, '.', '_' or '-', starting with a letter"
            " or digit"
        )
    return name


def add_login(store: Store, name: str, password: str, *, lead: bool = False) -> User:
    """Create a login with the password stored as its scrypt hash; a weak password or a taken name is refused."""
    name = checked_name(name)
    problem = password_problem(password)
    if problem:
        raise UsageError(problem)
    return store.users.add(name, hash_password(password), lead=lead)


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The user whose name and password these are, or None; an unknown name takes as long as a wrong password."""
    user = store.users.get(name.strip()) if name.strip() else None
    if user is None:
        verify_password(password, decoy_hash())
        return None
    return user if verify_password(password, user.password_hash) else None
