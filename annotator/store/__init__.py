"""Storage: the only package that imports SQLModel/SQLAlchemy; everything outside sees pydantic models."""

from annotator.store.merge import merge_into
from annotator.store.results import AddArticleResult, ImportResult, MergeResult
from annotator.store.store import Store, open_store

__all__ = ["AddArticleResult", "ImportResult", "MergeResult", "Store", "merge_into", "open_store"]
