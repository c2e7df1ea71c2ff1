"""Inter-annotator agreement statistics over labels: pure numpy, no I/O.

Every coefficient returns a `Coefficient`: a value, or None with the reason it is undefined.
"""

from annotator.agreement.alpha import alpha_from_counts, krippendorff_alpha, one_vs_rest_alpha
from annotator.agreement.bootstrap import AlphaInterval, bootstrap_alpha
from annotator.agreement.coding import CodedMatrix, encode_matrix
from annotator.agreement.csv_view import report_rows, report_rows_csv
from annotator.agreement.kappa import (
    cohen_kappa,
    cohen_kappa_from_table,
    fleiss_kappa,
    fleiss_kappa_from_counts,
    gwet_ac1,
    gwet_ac1_from_counts,
    percent_agreement,
    percent_agreement_from_counts,
)
from annotator.agreement.report import build_report
from annotator.agreement.report_models import (
    AnnotatorAgreement,
    ConfidenceInterval,
    FullAgreementReport,
    ItemDisagreement,
    PairwiseDetail,
)
from annotator.agreement.result import Coefficient

__all__ = [
    "AlphaInterval",
    "AnnotatorAgreement",
    "CodedMatrix",
    "ConfidenceInterval",
    "FullAgreementReport",
    "ItemDisagreement",
    "PairwiseDetail",
    "bootstrap_alpha",
    "build_report",
    "Coefficient",
    "alpha_from_counts",
    "cohen_kappa",
    "cohen_kappa_from_table",
    "encode_matrix",
    "fleiss_kappa",
    "fleiss_kappa_from_counts",
    "gwet_ac1",
    "gwet_ac1_from_counts",
    "krippendorff_alpha",
    "one_vs_rest_alpha",
    "percent_agreement",
    "percent_agreement_from_counts",
    "report_rows",
    "report_rows_csv",
]
