"""Pydantic domain models: the records every layer passes around and the public contract's shapes.

Nothing here imports anything but pydantic and the standard library, so every layer may import it. The modules are
split by kind: domain records, the label set, output formats, statistics and query specs.
"""

from annotator.models.base import Record
from annotator.models.formats import AnnotationExportRecord, GoldRecord
from annotator.models.labels import DEFAULT_LABELS, FeverVerdict, Label, rating_scale
from annotator.models.queries import CHECKWORTHY_THRESHOLD, QUEUE_ORDERS, ClaimFilter, QueueOrder, QueueSpec
from annotator.models.records import (
    DECISION_FIELDS,
    Adjudication,
    Annotation,
    Article,
    ArticleRef,
    Claim,
    ClaimEdit,
    Conflict,
    EntitySpan,
    ExportItem,
    LabelVote,
)
from annotator.models.stats import (
    AgreementReport,
    AnnotatorStats,
    FlaggedClaim,
    PairwiseAgreement,
    Progress,
    TeamStats,
)
from annotator.models.times import as_utc, utc_now
from annotator.models.users import User

__all__ = [
    "CHECKWORTHY_THRESHOLD",
    "QUEUE_ORDERS",
    "QueueOrder",
    "DECISION_FIELDS",
    "DEFAULT_LABELS",
    "Adjudication",
    "AgreementReport",
    "Annotation",
    "AnnotationExportRecord",
    "AnnotatorStats",
    "Article",
    "ArticleRef",
    "Claim",
    "ClaimEdit",
    "ClaimFilter",
    "Conflict",
    "EntitySpan",
    "ExportItem",
    "FeverVerdict",
    "FlaggedClaim",
    "GoldRecord",
    "Label",
    "LabelVote",
    "PairwiseAgreement",
    "Progress",
    "QueueSpec",
    "Record",
    "TeamStats",
    "User",
    "as_utc",
    "rating_scale",
    "utc_now",
]
