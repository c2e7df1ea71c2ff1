"""Tagged sentences kept with a model, so the next training or rescore tags only the sentences it has not seen.

Tagging with the English pipeline is most of what training the tagged model costs (about 3 ms a sentence, against a
fraction of that for computing the features and fitting the head). A model folder keeps the tokens, tags and entity
types of the sentences it was trained on or scored in a `DocBin`, keyed by each sentence's exact text (a Doc gives its
text back exactly) and named after the tagger that produced them, so a different pipeline never reuses them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

TAG_ATTRS = ["ORTH", "SPACY", "TAG", "POS", "ENT_IOB", "ENT_TYPE"]
PARALLEL_FROM = 4000
"""Tag in two processes from this many new sentences: the pipeline's start-up in a second process pays off."""
SCORE_BATCH = 256


def tagger_name(tagger: Any) -> str:
    """`en_core_web_sm-3.8.0`: the pipeline's package name and version, which the cache file is named after."""
    return f"{tagger.meta['lang']}_{tagger.meta['name']}-{tagger.meta.get('version', '0')}"


def cache_file(folder: Path, tagger: Any) -> Path:
    return folder / f"tagged-{tagger_name(tagger)}.spacy"


def read_cache(folders: Iterable[Path], tagger: Any, wanted: set[str]) -> dict[str, Any]:
    """The cached Docs of the `wanted` texts found in these folders' caches for this tagger (unreadable ones skipped)."""
    from spacy.tokens import DocBin

    found: dict[str, Any] = {}
    for folder in folders:
        path = cache_file(folder, tagger)
        if not path.is_file() or len(found) == len(wanted):
            continue
        try:
            stored = DocBin(attrs=TAG_ATTRS).from_disk(path)
            for doc in stored.get_docs(tagger.vocab):
                if doc.text in wanted and doc.text not in found:
                    found[doc.text] = doc
        except (OSError, ValueError, KeyError):
            continue
    return found


def write_cache(folder: Path, tagger: Any, docs: Iterable[Any]) -> None:
    """Keep these Docs' tags in `folder` for the next run."""
    from spacy.tokens import DocBin

    stored = DocBin(attrs=TAG_ATTRS)
    for doc in docs:
        stored.add(doc)
    stored.to_disk(cache_file(folder, tagger))


def tag_texts(tagger: Any, texts: Sequence[str], cached: dict[str, Any] | None = None) -> dict[str, Any]:
    """A tagged Doc for each distinct text: from `cached` where there, the rest tagged by `tagger`."""
    by_text = dict(cached or {})
    missing = [text for text in dict.fromkeys(texts) if text not in by_text]
    processes = 2 if len(missing) >= PARALLEL_FROM else 1
    by_text.update(zip(missing, tagger.pipe(missing, batch_size=SCORE_BATCH, n_process=processes)))
    return by_text
