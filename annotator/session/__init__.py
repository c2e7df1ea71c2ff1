"""Review sessions: what a reviewer is doing, without any drawing (the layer between the TUI and the store).

`AnnotationSession` walks one annotator's queue in some `order`; `AdjudicationSession` lets a lead settle disputes.
Both hand the view `Step`s and jobs (frozen snapshots a worker thread runs), and take the jobs' outcomes back.
"""

from annotator.session.annotate import AnnotationSession
from annotator.session.core import Job, JobContext, Notice, Step
from annotator.session.jobs import Routing
from annotator.session.moves import PendingExtras
from annotator.session.order import ReadingOrder, RoutedOrder
from annotator.session.review import AdjudicationSession, ReviewItem

__all__ = ["AdjudicationSession", "AnnotationSession", "Job", "JobContext", "Notice", "PendingExtras",
           "ReadingOrder", "ReviewItem", "RoutedOrder", "Routing", "Step"]
