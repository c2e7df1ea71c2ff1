"""Word lists the rules rely on: reporting verbs, opinion verbs, role nouns and entity label groups."""

from __future__ import annotations

REPORTING_VERBS = frozenset(
    """accept acknowledge add admit advise affirm agree allege announce answer argue ask assert assure believe
    blame boast brief call caution charge cite claim comment complain concede conclude confirm contend criticise
    criticize declare decline deny describe disclose dismiss dispute emphasise emphasize estimate explain
    forecast highlight hint indicate inform insist instruct maintain mention note notify observe point predict
    proclaim promise propose protest recall reckon recount reiterate reject remark remind repeat reply report
    respond reveal say signal speak state stress suggest tell testify threaten tweet underline underscore urge
    voice vow warn write post quip joke retort exclaim shout plead demand lament counter tout brag muse wonder
    pledge accuse read continue quote recall""".split()
)
"""Lemmas of verbs that introduce speech or a stated position."""

NEEDS_CLAUSE = frozenset(
    {"agree", "accept", "decline", "call", "point", "answer", "ask", "speak", "promise", "add", "continue", "read",
     "post", "recall", "quote", "wonder", "demand", "counter", "pledge", "explain"}
)
"""Cues that only report speech with a clause or quote ("agreed that", not "agreed to meet")."""

CUE_DEPS = frozenset({"ROOT", "conj", "ccomp", "parataxis", "advcl", "relcl", "xcomp", "acl", "pcomp"})

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

DOCUMENT_NOUNS = frozenset(
    """statement lawsuit suit complaint filing letter memo memorandum email e-mail report indictment ad
    advertisement commercial video tweet post message release transcript text remarks speech interview document
    documents record records cable article editorial column op-ed poll survey study analysis review audit ruling
    order opinion decision motion brief petition resolution bill draft excerpt excerpts note notes book chart
    footage recording clip broadcast page website account feed paper piece story headline caption file data
    figures testimony response reply answer comment comments words reaction announcement notice summary
    presentation proposal plan guidance guideline guidelines policy blog tweets posts messages emails letters
    reports statements videos ads interviews speeches filings complaints court-filing affidavit subpoena warrant
    charge charges""".split()
)
"""Heads of phrases that name a document or a medium, never a speaker: their author speaks."""

AUTHOR_PREPOSITIONS = frozenset({"from", "by"})

ROLE_TITLES: dict[str, str] = {
    "president": "president", "pres": "president", "senator": "senator", "sen": "senator",
    "representative": "representative", "rep": "representative", "congressman": "representative",
    "congresswoman": "representative", "congressmember": "representative", "governor": "governor",
    "gov": "governor", "justice": "justice", "judge": "judge", "secretary": "secretary", "mayor": "mayor",
    "speaker": "speaker", "ambassador": "ambassador", "chairman": "chair", "chairwoman": "chair", "chair": "chair",
    "minister": "minister", "chancellor": "chancellor", "premier": "premier", "leader": "leader",
    "director": "director", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson", "attorney": "attorney", "lawyer": "lawyer", "counsel": "counsel",
    "nominee": "candidate", "candidate": "candidate", "commissioner": "commissioner", "sheriff": "sheriff",
    "general": "general", "gen": "general", "prosecutor": "prosecutor", "chief": "chief", "king": "king",
    "queen": "queen", "prince": "prince", "pope": "pope", "ceo": "ceo", "host": "host", "anchor": "anchor",
    "aide": "aide", "adviser": "adviser", "advisor": "adviser", "manager": "manager", "founder": "founder",
    "mogul": "mogul", "businessman": "businessman", "businesswoman": "businessman", "official": "official",
    "strategist": "strategist", "lawmaker": "lawmaker", "councilman": "council member",
    "councilwoman": "council member", "councillor": "council member", "councilor": "council member",
    "treasurer": "treasurer", "economist": "economist", "analyst": "analyst", "professor": "professor",
    "rabbi": "rabbi", "bishop": "bishop", "cardinal": "cardinal", "archbishop": "archbishop",
    "lady": "first lady", "diplomat": "diplomat", "envoy": "envoy", "negotiator": "negotiator",
    "commander": "commander", "colonel": "colonel", "captain": "captain", "officer": "officer",
}
"""Words that name a role a person holds ("Sen." and "the senator" name the same role)."""

MALE_WORDS = frozenset(
    """mr mr. mister sir lord king prince congressman spokesman chairman councilman businessman husband father son
    brother uncle grandfather nephew boyfriend man gentleman monsieur herr señor""".split()
)
FEMALE_WORDS = frozenset(
    """mrs mrs. ms ms. miss madam dame lady queen princess congresswoman spokeswoman chairwoman councilwoman
    businesswoman wife mother daughter sister aunt grandmother niece girlfriend woman madame frau señora""".split()
)
"""Honorifics and nouns that tell a person's gender ("Ms. Roe", "the congresswoman")."""

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}

GENERIC_SOURCES = frozenset(
    """official officials aide aides source sources critic critics people person expert experts analyst analysts
    prosecutor prosecutors lawmaker lawmakers observer observers supporter supporters opponent opponents resident
    residents voter voters witness witnesses investigator investigators authority authorities member members
    staff staffer staffers spokesman spokeswoman spokesperson someone many some others other several few most
    man woman men women group groups""".split()
)
"""Heads of unnamed sources: the claim is attributed but the text gives no name."""

ORGANISATION_HEADS = frozenset({"campaign", "administration", "government", "team", "office"})
"""Organisation nouns named by their owner ("the Obama campaign", "the Trump administration")."""
