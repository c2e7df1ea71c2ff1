"""Widgets of the annotation screen; each shows one region and is told what to show by the screen."""

from annotator.tui.widgets.claim_card import ClaimCard
from annotator.tui.widgets.context_view import ContextView
from annotator.tui.widgets.key_legend import KeyLegend
from annotator.tui.widgets.links_panel import LinksPanel
from annotator.tui.widgets.status_line import StatusLine

__all__ = ["ClaimCard", "ContextView", "KeyLegend", "LinksPanel", "StatusLine"]
