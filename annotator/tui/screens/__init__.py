"""Screens of the annotation UI."""

from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.article import ArticleScreen
from annotator.tui.screens.help import HelpScreen

__all__ = ["AnnotateScreen", "ArticleScreen", "HelpScreen"]
