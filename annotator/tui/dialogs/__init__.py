"""Modal dialogs of the annotation screen; each returns a typed result through `dismiss`, or None when cancelled."""

from annotator.tui.dialogs.claim_edit import ClaimEditDialog, ClaimEditResult
from annotator.tui.dialogs.correction import CorrectionDialog
from annotator.tui.dialogs.goto import GotoDialog
from annotator.tui.dialogs.note import NoteDialog, NoteResult
from annotator.tui.dialogs.review_filter import ReviewFilterDialog
from annotator.tui.dialogs.search import SearchChoice, SearchDialog

__all__ = ["ClaimEditDialog", "ClaimEditResult", "CorrectionDialog", "GotoDialog", "NoteDialog", "NoteResult", "ReviewFilterDialog",
           "SearchChoice",
           "SearchDialog"]
