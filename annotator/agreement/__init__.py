"""Inter-annotator agreement statistics over labels: pure numpy, no I/O.

Reliability data is a matrix: rows = annotators, columns = items, None or NaN = missing, labels any hashable.
Every coefficient returns a `Coefficient`, a float as the reference packages return (`abs(ref - ours) < 1e-9`,
`alpha > 0.8`, `np.mean(kappas)` and `json.dumps` all work), carrying `observed`, `expected` and `n_items`; it is
NaN with `reason` saying why when undefined (no item with two ratings, a single category, unequal ratings for
strict Fleiss), and `.value` is then None; nothing raises on such data. Bad input (ragged rows, an unknown level, text labels for interval alpha) raises
`annotator.errors.UsageError` with a one-line message. `*_from_counts` take an items x categories table.

`build_report(annotations, labels=..., gold=..., bootstrap=..., seed=...)` gives a `FullAgreementReport`
(the contract's `AgreementReport` plus extras) and `report_rows_csv(report)` its CSV view.
"""

from annotator.agreement.alpha import (
    alpha_from_counts,
    krippendorff_alpha,
    one_vs_rest_alpha,
)
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
    "Coefficient",
    "ConfidenceInterval",
    "FullAgreementReport",
    "ItemDisagreement",
    "PairwiseDetail",
    "alpha_from_counts",
    "bootstrap_alpha",
    "build_report",
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
