"""The `users` commands: the logins of the browser UI (`annotator serve`)."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer

from annotator.cli.common import DbOption, handle_errors, make_settings, opened_store
from annotator.cli.output import line
from annotator.errors import UsageError

users_app = typer.Typer(name="users", help="Logins for `annotator serve`: who may sign annotations in the browser.",
                        no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    users_app.command("add")(add)
    users_app.command("list")(list_users)
    users_app.command("remove")(remove)
    app.add_typer(users_app)


def read_password(from_stdin: bool) -> str:
    """The new password: one line of stdin, or typed twice at a prompt that does not echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError("no terminal to ask for the password: pipe it in with --password-stdin")
    password = getpass.getpass("password: ")
    if getpass.getpass("again: ") != password:
        raise UsageError("the two passwords differ; nothing was saved")
    return password


@handle_errors
def add(
    name: Annotated[str, typer.Argument(help="The login name; annotations made after logging in are signed with it.")],
    db: DbOption = None,
    lead: Annotated[bool, typer.Option("--lead", help="May open the review screen and adjudicate.")] = False,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
) -> None:
    """Create a login; the password is prompted (or read from stdin) and stored only as a scrypt hash."""
    from annotator.web.logins import add_login, checked_name

    name = checked_name(name)
    password = read_password(password_stdin)
    with opened_store(make_settings(db)) as store:
        user = add_login(store, name, password, lead=lead)
    print(line(f"added {'lead ' if user.lead else ''}{user.name}"), file=sys.stderr)


@handle_errors
def list_users(db: DbOption = None) -> None:
    """Print every login: name, whether they lead, when it was created."""
    with opened_store(make_settings(db)) as store:
        users = store.users.all()
    for user in users:
        print(f"{line(user.name)}\t{'lead' if user.lead else 'annotator'}\t{user.created_at:%Y-%m-%d %H:%M}")


@handle_errors
def remove(name: Annotated[str, typer.Argument(help="The login to remove; its annotations stay.")],
           db: DbOption = None) -> None:
    """Remove a login; what it signed stays, and its open browser sessions cannot start a screen again."""
    with opened_store(make_settings(db)) as store:
        store.users.remove(name.strip())
    print(line(f"removed {name.strip()}"), file=sys.stderr)
