"""Helpers for driving the annotation and review apps with Pilot: wait until it is idle, read the screen as text.

Every use of Textual internals sits in `TextualInternals`, so a Textual upgrade that moves them breaks one place.
"""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.tui.screens import AnnotateScreen, ReviewScreen


class TextualInternals:
    """The private Textual attributes the tests need: running workers and the composed frame."""

    @staticmethod
    def workers_running(app: App) -> bool:
        """True while any worker of the app has not finished."""
        return bool(app.workers._workers)

    @staticmethod
    def frame(app: App):
        """The whole screen as Textual last composed it, with the screens below a dialog."""
        return app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)


def annotate_screen(app: App) -> AnnotateScreen:
    """The annotation screen, wherever it sits in the screen stack."""
    return next(screen for screen in app.screen_stack if isinstance(screen, AnnotateScreen))


def working_screen(app: App):
    """The annotation or review screen, wherever it sits in the screen stack."""
    return next(screen for screen in app.screen_stack if isinstance(screen, (AnnotateScreen, ReviewScreen)))


async def settle(pilot: Pilot) -> None:
    """Wait until every Store call has returned and every key typed ahead has been handled."""
    screen = working_screen(pilot.app)
    for _ in range(400):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        keys = screen.session.keys
        if not keys.busy and not keys.waiting and not TextualInternals.workers_running(pilot.app):
            await pilot.pause()
            return
    raise AssertionError("the annotation screen never became idle")


async def press(pilot: Pilot, *keys: str) -> None:
    """Press keys one by one, then wait until the screen is idle."""
    await pilot.press(*keys)
    await settle(pilot)


async def type_text(pilot: Pilot, text: str) -> None:
    """Type a string into the focused widget, one key per character."""
    names = {" ": "space", "/": "slash", "?": "question_mark", ".": "full_stop", ",": "comma", ":": "colon",
             "|": "vertical_line", "-": "minus", "'": "apostrophe"}
    for character in text:
        await pilot.press(names.get(character, character))
    await pilot.pause()


def screen_text(app: App) -> str:
    """What the terminal shows right now, as plain text."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, record=True,
                      legacy_windows=False, safe_box=False)
    console.print(TextualInternals.frame(app))
    return console.export_text()


def take_table_away(db_path, table: str) -> None:
    """Make the database stop answering for one table (renamed aside), as a lost server would for a save."""
    import sqlite3

    with sqlite3.connect(db_path) as connection:
        connection.execute(f"ALTER TABLE {table} RENAME TO {table}_away")


def put_table_back(db_path, table: str) -> None:
    """Undo `take_table_away`: the database answers again."""
    import sqlite3

    with sqlite3.connect(db_path) as connection:
        connection.execute(f"ALTER TABLE {table}_away RENAME TO {table}")


async def wait_for_text(pilot: Pilot, text: str, attempts: int = 100) -> str:
    """Pause until `text` is on screen (or the attempts run out) and return what the screen shows."""
    for _ in range(attempts):
        await pilot.pause(0.05)
        if text in screen_text(pilot.app):
            break
    return screen_text(pilot.app)


def links_panel_text(app: App):
    """What the sources panel draws (a textual Content: its text unwrapped, with its styles)."""
    return app.screen.query_one("#links-text", Static).render()
