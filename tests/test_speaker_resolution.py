"""Who a sentence credits when its subject is several people, a role the article gave one person, or a name after
the verb; fictional sentences read as a fact-checker would."""

from __future__ import annotations

import pytest

from annotator.extract import load_pipeline
from annotator.extract.pipeline import CLAIMS_ATTR


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def claim_with(nlp, text: str, words: str) -> dict:
    found = [c for c in nlp(text)._.get(CLAIMS_ATTR) if words in c["text"]]
    assert len(found) == 1, found
    return found[0]


def test_two_people_saying_something_together_credit_neither(nlp):
    text = ("The harbour board met on Tuesday to discuss the budget. Mayor Ilse Varga and Councilman Petter Holm said "
            "the harbour would need 40 million kroner to repair the quay by 2026.")
    claim = claim_with(nlp, text, "40 million kroner")
    assert claim["speaker"] is None and claim["needs_context"]


def test_lawyers_for_two_defendants_are_not_the_second_defendant(nlp):
    text = ("In the new court papers, prosecutors and lawyers for both Halvard Mossberg and Greta Lind said they were "
            "willing to delay the sentencing until June.")
    claim = claim_with(nlp, text, "delay the sentencing")
    assert claim["speaker"] is None and claim["needs_context"]


def test_a_role_and_the_name_after_it_are_one_speaker_even_without_an_and(nlp):
    text = ("Senator Ilse Varga, the chairman of the Ferry Committee, asked for new boats. The chairman of the Senate "
            "Oversight and Fisheries Reform Committee, Representative Tobias Wrenfield, Democrat of South Dakota, said "
            "he intends to hold a hearing on ferry safety at the end of July.")
    assert claim_with(nlp, text, "hold a hearing")["speaker"] == "Tobias Wrenfield"


def test_a_name_right_after_a_reporting_verb_set_off_by_commas_is_the_speaker(nlp):
    text = ("Ilse Varga spoke to the harbour board on Tuesday. Her remarks, said Petter Holm, the board's chairman, "
            "were \"entirely in line with our plans for the quay.\" The plan, said Petter Holm, would cost 40 million "
            "kroner by 2026.")
    assert claim_with(nlp, text, "entirely in line")["speaker"] == "Petter Holm"
    assert claim_with(nlp, text, "40 million kroner")["speaker"] == "Petter Holm"


def test_whoever_a_speaker_told_is_not_the_speaker(nlp):
    text = "\"We all know the board has its own views on the ferry,\" Sen. Petter Holm, D-Kessfjord, told Anna Lindqvist."
    assert claim_with(nlp, text, "its own views")["speaker"] == "Petter Holm"


def test_a_role_written_as_a_prefixed_noun_names_the_one_person_with_that_title(nlp):
    text = ("Former congressman Tobias Wrenfield was charged on Monday with taking bribes from a shipping firm. "
            "When prosecutors charged him, the ex-congressman said the charges were politically motivated.")
    assert claim_with(nlp, text, "politically motivated")["speaker"] == "Tobias Wrenfield"


def test_an_occupation_the_article_gave_one_person_earlier_names_that_person(nlp):
    fire = "The surgeon said the alarms had been switched off for three weeks before the fire started."
    one = "Tobias Wrenfield, a retired surgeon, testified on Monday about the hospital fire. " + fire
    assert claim_with(nlp, one, "alarms had been switched off")["speaker"] == "Tobias Wrenfield"
    two = ("Tobias Wrenfield, a retired surgeon, testified on Monday about the hospital fire. Greta Lind, a surgeon "
           "at the city clinic, testified on Tuesday. " + fire)
    claim = claim_with(nlp, two, "alarms had been switched off")
    assert claim["speaker"] is None and claim["needs_context"]
    later = fire + " Tobias Wrenfield, a retired surgeon, testified on Monday about the hospital fire."
    assert claim_with(nlp, later, "alarms had been switched off")["speaker"] is None


def test_a_dateline_left_in_the_paragraph_is_not_read_as_the_subject_and_stays_in_the_claim(nlp):
    text = "KESSFJORD ― Governor Petter Holm on Monday renewed his attack on the ferry company and said its owners should be jailed."
    claim = claim_with(nlp, text, "should be jailed")
    assert claim["speaker"] == "Petter Holm"
    assert claim["text"].startswith("KESSFJORD ― Governor") and claim["start"] == 0


def test_the_name_next_to_a_verb_without_a_subject_is_the_person_not_the_title(nlp):
    text = "“I urged him to back the ferry bill. He said, ‘Maybe next year,’” said Mr. Gunnarsson, whopraised Ms. Lind on Friday."
    assert claim_with(nlp, text, "ferry bill")["speaker"] == "Gunnarsson"


def test_hard_to_say_is_a_judgment_not_a_report(nlp):
    for text in ("It's difficult to tell how much of the 40 million kroner was spent on the quay.",
                 "It is hard to say how many ferries were sold to the harbour board in 2019."):
        claim = nlp(text)._.get(CLAIMS_ATTR)[0]
        assert claim["kind"] != "attributed" and claim["speaker"] is None, claim
