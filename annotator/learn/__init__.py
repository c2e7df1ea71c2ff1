"""Model in the loop: train check-worthiness from the team's resolved labels and re-score stored claims with it.

Sits above the store and extract (it reads labels from one and trains with the other), below the CLI and the
annotation session, which retrains as reviewers label.
"""

from annotator.learn.examples import database_examples, file_examples
from annotator.learn.rescore import RescoreReport, rescore_claims
from annotator.learn.retrain import Retrainer, RetrainOutcome, retrain_now
from annotator.learn.train import TrainingRun, gather_examples, train_from_labels

__all__ = [
    "RescoreReport",
    "RetrainOutcome",
    "Retrainer",
    "TrainingRun",
    "database_examples",
    "file_examples",
    "gather_examples",
    "rescore_claims",
    "retrain_now",
    "train_from_labels",
]
