"""Saved web pages: the main article text comes out through trafilatura, boilerplate and navigation left behind."""

from __future__ import annotations

from annotator.extract import read_inputs
from annotator.models import Article

PAGE = """<!doctype html>
<html><head>
<title>Ferry strike halts crossings to Lisbeth | Harbour Herald</title>
<meta property="og:site_name" content="Harbour Herald">
<meta property="og:url" content="https://www.harbourherald.example/news/ferry-strike">
<meta property="article:published_time" content="2025-05-06T08:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Ferry strike halts crossings to Lisbeth</h1>
<p>About 3,000 passengers were stranded on Tuesday after ferry crews in Valdremo walked out over pay, the port operator said.</p>
<p>"We will not sail until the company puts a real offer on the table," union leader Marta Quell told reporters at the quay.</p>
<p>The operator said the strike would cost it an estimated 2 million euros a day and that talks would resume on Thursday.</p>
</article>
<aside>Subscribe to our newsletter for the latest updates.</aside>
<footer>Copyright 2025 Harbour Herald. All rights reserved.</footer>
</body></html>
"""


def test_html_page_becomes_an_article_with_title_date_outlet_and_clean_body(tmp_path):
    page = tmp_path / "ferry.html"
    page.write_text(PAGE, encoding="utf-8")
    [article] = list(read_inputs([page]))
    assert isinstance(article, Article), article
    assert article.title and "Ferry strike" in article.title
    assert article.published == "2025-05-06"
    assert article.outlet
    assert "3,000 passengers" in article.body and "Marta Quell" in article.body
    for boilerplate in ("Subscribe", "Copyright", "Sport"):
        assert boilerplate not in article.body


def test_html_without_article_text_is_one_clear_error(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    [error] = list(read_inputs([page]))
    assert "empty.html" in str(error) and "\n" not in str(error)
