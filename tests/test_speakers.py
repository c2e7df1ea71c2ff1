"""Speaker names take the fullest form the article uses, even where the model only marked a short form."""

from __future__ import annotations

import pytest

from annotator.extract import load_pipeline
from annotator.extract.pipeline import CLAIMS_ATTR
from annotator.extract.speakers import NameTable


def test_a_first_name_before_a_known_surname_completes_it():
    names = NameTable(["Ms Marquardt"])
    names.add_first_names([("Ilse", "Marquardt")])
    assert names.canonical("Ms Marquardt") == "Ilse Marquardt"
    assert names.canonical("Marquardt") == "Ilse Marquardt"


def test_titles_and_function_words_are_not_first_names():
    names = NameTable(["Marquardt", "Berg"])
    names.add_first_names([("Minister", "Marquardt"), ("Doctor", "Berg"), ("Tuesday", "Berg"), ("Under", "Berg")])
    assert names.canonical("Marquardt") == "Marquardt"
    assert names.canonical("Berg") == "Berg"


def test_a_surname_shared_by_two_people_is_left_as_written():
    names = NameTable(["Mr Berg"])
    names.add_first_names([("Anna", "Berg"), ("Tom", "Berg")])
    assert names.canonical("Mr Berg") == "Berg"
    assert names.is_known_person("Berg")
    both = NameTable(["Anna Berg", "Tom Berg", "Berg"])
    assert both.canonical("Berg") == "Berg" and both.canonical("Tom Berg") == "Tom Berg"


def test_a_name_the_model_found_in_full_is_kept():
    names = NameTable(["Tom Berg", "Berg"])
    names.add_first_names([("Tom", "Berg")])
    assert names.canonical("Berg") == "Tom Berg"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def speakers(nlp, text: str) -> set[str]:
    return {claim["speaker"] for claim in nlp(text)._.get(CLAIMS_ATTR) if claim["speaker"]}


def test_sentence_openers_and_line_breaks_never_join_a_name(nlp):
    text = ("Mr Revka said the port handled 2 million containers in 2022. Under Revka, the port doubled its "
            "revenue, officials said.\n\nBudget Cuts Deepen\nRevka said 300 jobs would go by March.")
    found = speakers(nlp, text)
    assert "Revka" in found or "Mr Revka" in found
    assert not any(name.startswith(("Under", "Deepen")) for name in found), found


def test_the_full_name_written_elsewhere_names_the_speaker(nlp):
    text = ("Harbour talks resumed in Valdremo on Tuesday, where Foreign Minister Ilse Marquardt met her "
            "counterpart.\n\n\"We will keep talking,\" Ms Marquardt told reporters after the 90-minute meeting.")
    assert "Ilse Marquardt" in speakers(nlp, text)


def test_a_function_word_the_model_took_into_a_name_is_dropped():
    names = NameTable(["Outside Ahmed's", "Dr Ahmed"])
    assert names.canonical("Dr Ahmed") == "Ahmed"


def test_whatever_precedes_a_title_is_not_part_of_the_name():
    names = NameTable(["House Speaker Pelosi", "Bank of England Governor Andrew Bailey"])
    assert names.canonical("Pelosi") == "Pelosi"
    assert names.canonical("Mr Bailey") == "Andrew Bailey"


def test_a_generational_suffix_keeps_its_full_stop_and_the_surname_before_it_names_the_person(nlp):
    text = ("The harbour board met on Tuesday. Tobias Wrenfield Jr. said the harbour would need 40 million kroner "
            "to repair the quay by 2026. Mr. Wrenfield said the work could start in March.")
    assert speakers(nlp, text) == {"Tobias Wrenfield Jr."}
    founder = "The ferry company's founder, Halvard Mossberg Sr., said the fares would rise by 10 percent next year."
    assert speakers(nlp, founder) == {"Halvard Mossberg Sr."}


def test_a_body_described_in_lower_case_words_is_no_name():
    from annotator.extract.speakers import capitalised

    assert capitalised("Bank of Valdremo") and capitalised("Valdremo Harbour Board 2")
    assert not capitalised("Valdremo harbour committee")
