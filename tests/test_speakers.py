"""Speaker names take the fullest form the article uses, even where the model only marked a short form."""

from __future__ import annotations

from annotator.extract.speakers import NameTable


def table(mentions: list[str], body: str, blocked: list[str] = ()) -> NameTable:
    names = NameTable(mentions)
    names.add_full_forms(body, [(body.index(word), body.index(word) + len(word)) for word in blocked])
    return names


def test_a_first_name_before_a_known_surname_completes_it():
    names = table(["Ms Marquardt"], "Ilse Marquardt and Tomas Revka met. Ms Marquardt spoke first.")
    assert names.canonical("Ms Marquardt") == "Ilse Marquardt"
    assert names.canonical("Marquardt") == "Ilse Marquardt"


def test_titles_and_role_words_are_not_first_names():
    body = "Foreign Minister Marquardt arrived. Councillor Berg and Tuesday Berg? The Berg report. In Oslo Berg said."
    names = table(["Marquardt", "Berg"], body, blocked=["Oslo"])
    assert names.canonical("Marquardt") == "Marquardt"
    assert names.canonical("Berg") == "Berg"


def test_a_name_the_model_found_in_full_is_kept():
    names = table(["Tom Berg", "Berg"], "Councillor Tom Berg said so. Anna Berg, his sister, did not.")
    assert names.canonical("Berg") == "Tom Berg"
