"""Storage: the only package that imports SQLModel/SQLAlchemy; everything outside sees pydantic models."""

from annotator.store.store import AddArticleResult, ImportResult, Store, open_store

__all__ = ["AddArticleResult", "ImportResult", "Store", "open_store"]
