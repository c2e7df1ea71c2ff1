"""Reading and parsing articles (no spaCy): headers, dates, boilerplate, captions, encodings, records, ids."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.errors import InputFileError
from annotator.extract import parse_article, read_inputs
from annotator.extract.dates import parse_published
from annotator.models import Article

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"


def read_one(path: Path, **kwargs) -> Article:
    items = list(read_inputs([path], **kwargs))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 21, 2022", "2022-01-21"),
        ("January 21, 2022, 9:21 AM", "2022-01-21"),
        ("20220121", "2022-01-21"),
        ("13:55 GMT, 21 January 2022", "2022-01-21"),
        ("Published: 21/01/2022", "2022-01-21"),
        ("2022-01-21T10:00:00Z", "2022-01-21"),
        ("Friday", None),
        ("Russia-US Security Talks", None),
    ],
)
def test_published_dates_in_many_forms_become_iso_dates(text, expected):
    assert parse_published(text) == expected


def test_wire_report_header_and_boilerplate():
    article = read_one(ARTICLES / "harbour" / "wire_report.txt")
    assert article.title == "Portvale council approves harbour expansion after six-hour debate"
    assert article.published == "2023-03-03"
    assert article.url == "https://www.example-news.com/local/2023/03/03/portvale-harbour"
    assert article.outlet == "example-news.com"
    assert article.event == "harbour"
    assert article.body.startswith("The Portvale city council voted 7 to 2")  # dateline and byline gone
    for furniture in ("By Jane Doe", "PORTVALE (Reuters)", "Funding row", "no longer available", "Read more",
                      "Subscribe", "Related Topics", "Harbour expansion"):
        assert furniture not in article.body
    assert "According to the port authority" in article.body


def test_subtitle_date_caption_and_credit():
    article = read_one(ARTICLES / "harbour" / "broadcaster.txt")
    assert article.title == "Harbour plan splits Portvale as mayor defends cost"
    assert article.published == "2023-03-03"
    assert "packed the town hall" not in article.body  # the subtitle is not body
    caption = "Mayor Ana Silva speaks at the Portvale town hall on March 2, 2023."
    assert article.body.count(caption) == 1
    assert "PHOTO" not in article.body and "Getty" not in article.body
    assert "Access premium" not in article.body


def test_compact_date_url_line_and_one_line_paragraphs():
    article = read_one(ARTICLES / "harbour" / "compact_date.txt")
    assert article.published == "2023-03-04"
    assert article.outlet == "portvale-gazette.example.org"
    assert len(article.body.split("\n\n")) == 5
    assert "Tags:" not in article.body


def test_gmt_date_line_and_quoted_heading():
    article = read_one(ARTICLES / "harbour" / "gmt_date.txt")
    assert article.published == "2023-03-05"
    assert "Worst Storm" not in article.body


def test_hard_wrapped_paragraphs_are_rejoined():
    parsed = parse_article(
        "A wrapped story\n\nThe harbour board met on Monday and agreed to spend\n"
        "four million on the new breakwater, its chair said.\n\nSecond paragraph here."
    )
    assert parsed.paragraphs[0] == (
        "The harbour board met on Monday and agreed to spend four million on the new breakwater, its chair said."
    )


def test_event_argument_overrides_folder_name():
    assert read_one(ARTICLES / "harbour" / "gmt_date.txt", event="storms").event == "storms"


def test_same_content_same_id_and_changed_content_new_id(tmp_path):
    first = tmp_path / "a.txt"
    shutil.copy(ARTICLES / "harbour" / "gmt_date.txt", first)
    before = read_one(first)
    assert read_one(first).id == before.id
    first.write_text(first.read_text(encoding="utf-8") + "\nA new closing line was added.\n", encoding="utf-8")
    after = read_one(first)
    assert after.id != before.id and after.content_hash != before.content_hash
    assert after.source == before.source == str(first)


def test_cp1252_file_is_decoded(tmp_path):
    path = tmp_path / "cafe.txt"
    text = ("Café owners in Portvale protest rent rise\nMarch 8, 2023\n"
            "The owners of the Café Crème on Quay Street said their rent rose by 30 per cent — to €2,600 a month. "
            "The landlord, Société Portuaire, declined to comment on the dispute with the café.\n")
    path.write_bytes(text.encode("cp1252"))
    article = read_one(path)
    assert "Café Crème" in article.body and "€2,600" in article.body
    assert article.title == "Café owners in Portvale protest rent rise"


def test_bad_files_give_one_line_errors_and_good_files_still_come(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n\t \n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 8)
    shutil.copy(ARTICLES / "harbour" / "gmt_date.txt", tmp_path / "good.txt")
    items = list(read_inputs([tmp_path, tmp_path / "missing.txt"]))
    errors = [i for i in items if isinstance(i, InputFileError)]
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.source for a in articles] == [str(tmp_path / "good.txt")]
    assert len(errors) == 4
    for error in errors:
        assert "\n" not in error.message
    messages = " ".join(e.message for e in errors)
    for name in ("empty.txt", "blank.txt", "image.txt", "missing.txt"):
        assert name in messages


def test_jsonl_records_with_a_bad_line_and_a_record_without_text():
    items = list(read_inputs([ARTICLES / "records" / "articles.jsonl"]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputFileError)]
    assert [a.source for a in articles] == ["pv-001", "pv-002"]
    school, library = articles
    assert school.outlet == "Portvale Gazette" and school.published == "2023-03-06"
    assert school.title == "Portvale school roof to be replaced"
    assert "Read more" not in school.body
    assert library.outlet == "news.example.com" and library.published == "2023-03-07"
    assert school.event == "records"
    assert len(errors) == 2 and all("articles.jsonl" in e.message for e in errors)
    assert any(":3" in e.message for e in errors)


def test_json_file_with_a_list_of_records(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "x1", "title": "T", "text": "Portvale opened a new pier on 3 May 2023."}]))
    article = read_one(path)
    assert article.source == "x1" and article.body == "Portvale opened a new pier on 3 May 2023."


def test_record_event_field_is_used_unless_an_event_is_given(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "e1", "title": "T", "text": "Portvale opened a pier.", "event": "piers"}) + "\n")
    assert read_one(path).event == "piers"
    assert read_one(path, event="openings").event == "openings"


def test_text_without_a_title_line_keeps_its_first_paragraph():
    first = ("The Portvale harbour board said on Monday that the new breakwater, which cost 4 million euros and took "
             "three years to build, had already been damaged by the winter storms that hit the coast in January.")
    parsed = parse_article(first + "\n\nRepairs will start in May.")
    assert parsed.title is None
    assert parsed.paragraphs == [first, "Repairs will start in May."]


def test_record_without_a_title_keeps_its_first_line_as_text(tmp_path):
    path = tmp_path / "untitled.json"
    path.write_text(json.dumps([{"id": "w", "text": "The minister said 30 people died in the flood."}]))
    article = read_one(path)
    assert article.body == "The minister said 30 people died in the flood." and article.title is None
