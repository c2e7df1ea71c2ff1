"""Tagged sentences kept with a model, so the next training tags only the sentences it has not seen.

Tagging with the English pipeline is most of what training the tagged model costs (about 3 ms a sentence, against a
fraction of that for computing the features and fitting the head). A model folder keeps the tokens, tags and entity
types of the sentences it was trained on (and the mean of their token vectors), in `DocBin` chunks named after the tagger that produced them (a different
pipeline never reuses them), each with the exact texts of its Docs beside it. A retrain copies the earlier chunks
forward and adds one chunk of what it tagged; past `MAX_CHUNKS` they are merged into one.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

TAG_ATTRS = ["ORTH", "SPACY", "TAG", "POS", "ENT_IOB", "ENT_TYPE"]
PARALLEL_FROM = 4000
"""Tag in two processes from this many new sentences: the pipeline's start-up in a second process pays off."""
SCORE_BATCH = 256
MAX_CHUNKS = 8


def tagger_name(tagger: Any) -> str:
    """`en_core_web_sm-3.8.0`: the pipeline's package name and version, which the cache files are named after."""
    return f"{tagger.meta['lang']}_{tagger.meta['name']}-{tagger.meta.get('version', '0')}"


def _chunks(folder: Path, tagger: Any) -> list[Path]:
    return sorted(folder.glob(f"tagged-{tagger_name(tagger)}-*.spacy"))


def _texts_of(chunk: Path) -> Path:
    return chunk.with_suffix(".json")


class TagCache:
    """The tagged Docs of the earlier run in `folder` (those of the `wanted` texts), and what this run tagged."""

    def __init__(self, tagger: Any, folder: Path | None = None) -> None:
        self.tagger = tagger
        self.earlier: list[Path] = _chunks(folder, tagger) if folder is not None and folder.is_dir() else []
        self.new_texts: list[str] = []
        self.new_docs: list[Any] = []

    def tag(self, texts: Sequence[str]) -> dict[str, Any]:
        """A tagged Doc for each distinct text: from the earlier chunks where there, the rest tagged now."""
        wanted = set(texts)
        by_text = self._read(wanted)
        missing = [text for text in dict.fromkeys(texts) if text not in by_text]
        processes = 2 if len(missing) >= PARALLEL_FROM else 1
        self.new_texts = missing
        self.new_docs = list(self.tagger.pipe(missing, batch_size=SCORE_BATCH, n_process=processes))
        by_text.update(zip(missing, self.new_docs))
        return by_text

    def write(self, folder: Path, every_doc: dict[str, Any]) -> None:
        """Keep the earlier chunks and one of this run's new Docs in `folder`; all of `every_doc` (by text) in one
        chunk when the chunks would grow past `MAX_CHUNKS`."""
        folder.mkdir(parents=True, exist_ok=True)
        if len(self.earlier) + 1 > MAX_CHUNKS:
            _write_chunk(folder / f"tagged-{tagger_name(self.tagger)}-{0:06d}.spacy", list(every_doc),
                         list(every_doc.values()))
            return
        for chunk in self.earlier:
            for source in (chunk, _texts_of(chunk)):
                shutil.copyfile(source, folder / source.name)
        number = int(self.earlier[-1].stem.rsplit("-", 1)[1]) + 1 if self.earlier else 0
        if self.new_docs or not self.earlier:
            _write_chunk(folder / f"tagged-{tagger_name(self.tagger)}-{number:06d}.spacy", self.new_texts,
                         self.new_docs)

    def _read(self, wanted: set[str]) -> dict[str, Any]:
        from spacy.tokens import DocBin

        found: dict[str, Any] = {}
        for chunk in self.earlier:
            try:
                texts = json.loads(_texts_of(chunk).read_text(encoding="utf-8"))
                if not wanted.intersection(texts):
                    continue
                docs = DocBin(attrs=TAG_ATTRS).from_disk(chunk).get_docs(self.tagger.vocab)
                found.update((text, doc) for text, doc in zip(texts, docs) if text in wanted)
            except (OSError, ValueError, KeyError):
                continue
        return found


def _write_chunk(path: Path, texts: Sequence[str], docs: Sequence[Any]) -> None:
    from spacy.tokens import DocBin

    from annotator.extract.cw_features import keep_tok2vec_mean

    for doc in docs:
        keep_tok2vec_mean(doc)
    DocBin(attrs=TAG_ATTRS, docs=docs, store_user_data=True).to_disk(path)
    _texts_of(path).write_text(json.dumps(list(texts)), encoding="utf-8")
