"""Screens of the annotation UI."""

from annotator.tui.screens.agreement import AgreementScreen
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.article import ArticleScreen
from annotator.tui.screens.help import HelpScreen
from annotator.tui.screens.review import ReviewScreen

__all__ = ["AgreementScreen", "AnnotateScreen", "ArticleScreen", "HelpScreen", "ReviewScreen"]
