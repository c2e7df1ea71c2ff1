"""Storage: the only package that imports SQLModel/SQLAlchemy; everything outside sees pydantic models."""

from annotator.store.annotations import ImportResult, Store
from annotator.store.articles import AddArticleResult
from annotator.store.store import open_store

__all__ = ["AddArticleResult", "ImportResult", "Store", "open_store"]
