"""Assess: weigh the evidence table into source accuracies and hypothesis probabilities."""

from fogline.assess.baselines import majority_vote
from fogline.assess.grades import RELIABILITY_PRIORS, reliability_prior
from fogline.assess.model import EvidenceRow, HypothesisModel

__all__ = [
    "RELIABILITY_PRIORS",
    "EvidenceRow",
    "HypothesisModel",
    "majority_vote",
    "reliability_prior",
]
