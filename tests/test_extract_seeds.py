"""The five real seed articles against hand-made gold: recall, precision, speakers and no boilerplate.

The gold (tests/fixtures/seed_claims_gold.json) names each sentence only by its first words; the articles are
read from ../shared/seeds and the test skips when they are absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.extract import extract_many, load_pipeline, read_inputs
from annotator.models import Article

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
GOLD = json.loads((Path(__file__).resolve().parent / "fixtures" / "seed_claims_gold.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}")

_QUOTE_MARKS = re.compile("[\"“”‘’'«»]")


def normalised(text: str) -> str:
    return " ".join(_QUOTE_MARKS.sub("", text).replace("—", "-").replace("–", "-").lower().split())


def normalised_speaker(name: str | None) -> str | None:
    if name is None:
        return None
    return re.sub(r"^(the|a|an) ", "", name.strip().lower())


@pytest.fixture(scope="module")
def extracted():
    nlp = load_pipeline()
    articles = [a for a in read_inputs([SEEDS]) if isinstance(a, Article)]
    return {Path(article.source).name: claims for article, claims in extract_many(nlp, articles)}


@pytest.fixture(scope="module")
def scores(extracted):
    found = total = matched_claims = all_claims = speaker_right = speaker_total = 0
    misses, wrong_speakers = [], []
    for name, gold in GOLD["articles"].items():
        claims = extracted[name]
        texts = [normalised(c.text) for c in claims]
        matched: set[int] = set()
        for prefix, speaker in gold["claims"]:
            total += 1
            hits = [i for i, text in enumerate(texts) if normalised(prefix) in text]
            if not hits:
                misses.append(f"{name}: {prefix}")
                continue
            found += 1
            matched.update(hits)
            if speaker is not None:
                speaker_total += 1
                predicted = claims[hits[0]].speaker
                expected = None if speaker == "?" else speaker
                if normalised_speaker(predicted) == normalised_speaker(expected):
                    speaker_right += 1
                else:
                    wrong_speakers.append(f"{name}: {prefix} -> {predicted!r}, expected {expected!r}")
        matched_claims += len(matched)
        all_claims += len(claims)
    result = {
        "recall": found / total,
        "precision": matched_claims / all_claims,
        "speaker_accuracy": speaker_right / speaker_total,
        "gold": total,
        "extracted": all_claims,
        "speakers_scored": speaker_total,
        "misses": misses,
        "wrong_speakers": wrong_speakers,
    }
    print(
        f"\nseed gold: recall {result['recall']:.3f} ({found}/{total}), precision {result['precision']:.3f} "
        f"({matched_claims}/{all_claims}), speaker accuracy {result['speaker_accuracy']:.3f} "
        f"({speaker_right}/{speaker_total})"
    )
    for line in misses + wrong_speakers:
        print("  ", line)
    return result


def test_recall_of_gold_claims(scores):
    assert scores["recall"] >= 0.9, scores["misses"]


def test_speakers_of_attributed_claims(scores):
    assert scores["speaker_accuracy"] >= 0.8, scores["wrong_speakers"]


def test_precision_is_reported(scores):
    assert 0.0 < scores["precision"] <= 1.0


def test_no_boilerplate_in_claims(extracted):
    for name, gold in GOLD["articles"].items():
        texts = [normalised(c.text) for c in extracted[name]]
        for furniture in gold["boilerplate"]:
            assert not any(normalised(furniture) in text for text in texts), (name, furniture)
        for not_claim in gold["not_claims"]:
            assert not any(normalised(not_claim) in text for text in texts), (name, not_claim)
        for claim in extracted[name]:
            assert claim.text.count(".") < 40 and "\n\n" not in claim.source_text


def test_photo_caption_kept_once(extracted):
    captions = [c for c in extracted["001_4bce54f4d67760f2.txt"] if "gives a press conference in Geneva" in c.text]
    assert len(captions) == 1
