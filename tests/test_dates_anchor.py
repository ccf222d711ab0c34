"""What yearless and relative dates are read against when an article has no publication day: the month
of a ' date 2023-10' stamp, "N years after 2019", a weekday written with the date, the latest year."""
from __future__ import annotations

from liaison.records import DateValue, Document
from liaison.understand.dates import date_mentions


def dv(start, end=None, precision="day", unstated=False) -> dict:
    return DateValue(start, end or start, precision, unstated).to_json()


def values(doc: Document) -> dict:
    return {m.span.text: m.value for m in date_mentions(doc)}


def test_relative_periods_against_a_stamped_month(dev_docs):
    base = dev_docs["dev003"]             # ' date 2023-10', "lundi à Rabat"
    assert values(base)["lundi"] == dv("2023-10-01", "2023-10-31", "month")
    doc = Document(id="t", source="t", lang="en", meta={"published_month": "2023-10"},
                   text="The accord was signed last year. A report will follow within two weeks.")
    found = values(doc)
    assert found["last year"] == dv("2022-01-01", "2022-12-31", "year")     # the same from any day of October
    # said some day of October: due between 1 October and two weeks after its last day
    assert found["within two weeks"] == dv("2023-10-01", "2023-11-14", "month")


def test_years_after_an_explicit_year_date_the_article(dev_docs):
    doc = dev_docs["dev011"]   # "took place four years after Japan made its first request … in 2019"
    assert doc.published is None and "published_month" not in doc.meta
    found = values(doc)
    assert found["January 30"] == dv("2023-01-30", unstated=True)
    assert found["February 8 to 12"] == dv("2023-02-08", "2023-02-12", unstated=True)
    assert found["2019"] == dv("2019-01-01", "2019-12-31", "year")


def test_weekday_with_date_picks_the_year_without_stamp(dev_docs):
    doc = dev_docs["dev010"].with_(meta={})
    found = values(doc)
    # 29 December fell on a Thursday in 2011, 2016 and 2022: the latest up to today, flagged as a guess
    assert found["jeudi 29 décembre"] == dv("2022-12-29", unstated=True)
    assert found["ce 29 décembre"] == dv("2022-12-29", unstated=True)


def test_latest_explicit_year_not_the_nearest():
    from liaison.nlp.pipelines import parse_batch
    doc = parse_batch([Document(id="t", source="t", lang="en", text=(
        "The agreement of 2015 was renewed in 2023.\nThe plan will run until 2030.\n"
        "The ministers met again on March 3."))])[0]
    found = values(doc)
    assert found["March 3"] == dv("2023-03-03", unstated=True)     # not 2030 (future), not 2015


def test_an_embedded_post_dates_a_page_without_publication_day(dev_docs):
    """dev016 prints no publication day (its first line, 'Saturday, August 2, 2025', is the site's date
    widget) but embeds a post signed '— Libya Review (@LibyaReview) July 6, 2025': the page was written
    on or after that Sunday, and 'met … in Benghazi on Sunday' is that day."""
    doc = dev_docs["dev016"]
    assert doc.published is None
    assert doc.meta["embedded_post_day"] == "2025-07-06"
    assert values(doc)["Sunday"] == dv("2025-07-06")


def test_embedded_post_signoffs_in_several_languages():
    from liaison.ingest.dates import embedded_post_day
    text = ("pic.twitter.com/x\n— Le Monde (@lemondefr) 6 juillet 2025\n"
            "— Ministerio (@interiorgob) 7 de julio de 2025\n— Cut off (@someone) Ja")
    assert embedded_post_day(text) == "2025-07-07"     # the latest post bounds the page
    assert embedded_post_day("— Anonymous July 6, 2025") is None    # no handle: no post's sign-off
