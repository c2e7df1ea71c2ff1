"""Word lists the rules rely on: reporting verbs, opinion verbs, role nouns and entity label groups."""

from __future__ import annotations

REPORTING_VERBS = frozenset(
    """accept acknowledge add admit advise affirm agree allege announce answer argue ask assert assure believe
    blame boast brief call caution charge cite claim comment complain concede conclude confirm contend criticise
    criticize declare decline deny describe disclose dismiss dispute emphasise emphasize estimate explain
    forecast highlight hint indicate inform insist instruct maintain mention note notify observe point predict
    proclaim promise propose protest recall reckon recount reiterate reject remark remind repeat reply report
    respond reveal say signal speak state stress suggest tell testify threaten tweet underline underscore urge
    voice vow warn write""".split()
)
"""Lemmas of verbs that introduce speech or a stated position."""

NEEDS_CLAUSE = frozenset({"agree", "accept", "decline", "call", "point", "answer", "ask", "speak", "promise"})
"""Cues that only report speech with a clause or quote ("agreed that", not "agreed to meet")."""

CUE_DEPS = frozenset({"ROOT", "conj", "ccomp", "parataxis", "advcl", "relcl", "xcomp", "acl"})

OPINION_VERBS = frozenset({"think", "believe", "feel", "hope", "wish", "guess", "suppose", "want", "love", "like"})
FIRST_PERSON = frozenset({"i", "we"})
RESOLVABLE_PRONOUNS = frozenset({"he", "she", "him", "her"})
UNRESOLVABLE_PRONOUNS = frozenset(
    {"i", "we", "they", "it", "you", "both", "this", "that", "these", "those", "one", "all", "some", "each", "who", "which"}
)
ROLE_NOUNS = frozenset(
    """minister diplomat secretary spokesman spokeswoman spokesperson president official ambassador envoy chief
    leader head negotiator premier chancellor senator governor mayor general commander counterpart""".split()
)
"""Heads of definite descriptions ("the foreign minister") that refer back to the last named speaker."""

NUMERIC_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
TEMPORAL_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
NAMED_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}
)
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
COMPARISON_WORDS = frozenset(
    """first last largest biggest smallest highest lowest record most least double doubled triple tripled
    half increase increased decrease decreased cut rise rose fall fell grow grew more less fewer percent""".split()
)
