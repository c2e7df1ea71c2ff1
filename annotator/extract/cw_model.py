"""A trained check-worthiness model: load it from its folder and score sentences with it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.errors import UsageError
from annotator.extract.cw_config import LABEL, MODEL_META_KEY

SCORE_BATCH = 256


@dataclass(frozen=True)
class CheckworthinessModel:
    """A loaded classifier and the version that is stored with every score it gives."""

    nlp: Any
    version: str
    path: Path

    def score(self, texts: Sequence[str]) -> list[float]:
        """The probability that each text is worth checking, rounded to 4 places as stored."""
        return [round(value, 4) for value in score_texts(self.nlp, texts)]


def load_model(path: Path) -> CheckworthinessModel:
    """The model in `path`, or UsageError with one line naming the folder when it is not one."""
    import spacy

    meta_file = path / "meta.json"
    if not path.is_dir():
        raise UsageError(f"{path}: no such model folder (train one with `annotator train --out {path}`)")
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        version = meta[MODEL_META_KEY]["version"]
    except (OSError, ValueError, KeyError, TypeError):
        raise UsageError(f"{path}: not a check-worthiness model (no {MODEL_META_KEY} in meta.json)") from None
    from annotator.extract.cw_architecture import register_architecture

    register_architecture()
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise UsageError(f"{path}: cannot load the model ({str(exc).splitlines()[0][:160]})") from None
    if "textcat" not in nlp.pipe_names:
        raise UsageError(f"{path}: the model has no textcat component")
    return CheckworthinessModel(nlp=nlp, version=str(version), path=path)


def score_texts(nlp: Any, texts: Sequence[str]) -> list[float]:
    """The CHECKWORTHY probability of each text under a textcat pipeline."""
    return [doc.cats.get(LABEL, 0.0) for doc in nlp.pipe(list(texts), batch_size=SCORE_BATCH)]
