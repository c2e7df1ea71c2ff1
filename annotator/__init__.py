"""annotator: a fact-checking annotation tool (spaCy extraction, Textual review, SQL storage)."""

__version__ = "0.1.0"
