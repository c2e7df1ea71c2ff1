"""Article reading, parsing and claim extraction: the only package that imports spaCy.

Reading and parsing (`read_inputs`, `parse_article`) need no spaCy; the pipeline and claim functions load it
lazily, so importing this package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.extract.parse import ParsedArticle, parse_article
from annotator.extract.reader import (
    ReadWarning,
    article_from_text,
    outlet_from_url,
    read_file,
    read_inputs,
)

if TYPE_CHECKING:
    from annotator.extract.checkworthiness import (
        checkworthiness,
        checkworthiness_features,
    )
    from annotator.extract.claims import claims_from_doc, extract_claims, extract_many
    from annotator.extract.pipeline import load_pipeline, register_components

_LAZY = {
    "load_pipeline": "annotator.extract.pipeline",
    "register_components": "annotator.extract.pipeline",
    "extract_claims": "annotator.extract.claims",
    "extract_many": "annotator.extract.claims",
    "claims_from_doc": "annotator.extract.claims",
    "checkworthiness": "annotator.extract.checkworthiness",
    "checkworthiness_features": "annotator.extract.checkworthiness",
}

__all__ = [
    "ParsedArticle",
    "ReadWarning",
    "article_from_text",
    "checkworthiness",
    "checkworthiness_features",
    "claims_from_doc",
    "extract_claims",
    "extract_many",
    "load_pipeline",
    "outlet_from_url",
    "parse_article",
    "read_file",
    "read_inputs",
    "register_components",
]


def __getattr__(name: str) -> Any:
    """Import the spaCy-backed functions on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'annotator.extract' has no attribute {name!r}")
