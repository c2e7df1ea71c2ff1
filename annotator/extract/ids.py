"""Stable identifiers: the same source and text always give the same ids, so re-ingesting changes nothing."""

from __future__ import annotations

import hashlib


def sha256_hex(text: str) -> str:
    """Hex sha256 of a string encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(source: str, content_hash: str) -> str:
    """Id of an article from where it came from and what it said."""
    return sha256_hex(f"article\x1f{source}\x1f{content_hash}")[:16]


def claim_id(article_id_value: str, start: int, end: int, text: str) -> str:
    """Id of a claim from its article, its offsets in the body and its text."""
    return sha256_hex(f"claim\x1f{article_id_value}\x1f{start}\x1f{end}\x1f{text}")[:16]
