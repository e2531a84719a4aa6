import pytest

from geo.errors import InputError
from geo.text import decode_article, find_dateline, find_title, read_article, split_sentences


def test_utf8_bom_and_crlf_are_normalised():
    read = decode_article("\ufeffMunich talks\r\n\r\nIn Munich.\rDone.".encode())
    assert read.text == "Munich talks\n\nIn Munich.\nDone."
    assert read.warnings == ()


def test_invalid_utf8_falls_back_to_cp1252_with_a_warning():
    read = decode_article("Café in Baku “quoted”".encode("cp1252"), name="x.txt")
    assert read.text == "Café in Baku “quoted”"
    assert read.warnings and "x.txt" in read.warnings[0] and "cp1252" in read.warnings[0]


@pytest.mark.parametrize(
    "data, reason", [(b"", "empty"), (b"  \n ", "empty"), (b"\x00\x01\x02" * 100, "binary")]
)
def test_unusable_bytes_raise_a_clear_error(data, reason):
    with pytest.raises(InputError, match=reason):
        decode_article(data, name="bad.txt")


def test_directory_is_refused(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_article(tmp_path)


def test_seed_keeps_its_replacement_characters(seed_text):
    assert seed_text.count("\ufffd") == 3


def test_seed_title_and_dateline(seed_text):
    assert find_title(seed_text).startswith("Blinken Offers Pashinyan US Assistance")
    start, end = find_dateline(seed_text)
    assert seed_text[start:end] == "WASHINGTON"


@pytest.mark.parametrize(
    "line, place",
    [
        ("KYIV, Ukraine (AP) — Russian forces", "KYIV"),
        ("MOSCOW, March 20 (Reuters) - The Kremlin", "MOSCOW"),
        ("NEW YORK (CNN) — A storm", "NEW YORK"),
        ("MUZAFFARABAD: The district administration", "MUZAFFARABAD"),  # the South Asian press's colon
    ],
)
def test_datelines(line, place):
    text = f"Headline\n\n{line} said."
    start, end = find_dateline(text)
    assert text[start:end] == place


def test_a_colon_dateline_gives_way_to_another_and_to_a_transcript():
    text = "UPDATE: This story has been corrected.\nWASHINGTON (AP) — The Senate voted."
    start, end = find_dateline(text)
    assert text[start:end] == "WASHINGTON"
    assert find_dateline("SALINAS: I think the vote was a mistake.\nTAPPER: Why?\nSALINAS: Because.") is None
    text = "LAHORE: The Punjab government said."
    assert text[slice(*find_dateline(text))] == "LAHORE"


@pytest.mark.parametrize(
    "text, place",
    [
        ("Council approves budget. HUDSON -- Officials in central Ohio said.", "HUDSON"),
        ("Board approves proposed budget. FALLS VILLAGE—The board met.", "FALLS VILLAGE"),
        ("Fire guts a barn . ROSWELL - A man was hurt.", "ROSWELL"),
        # Not after the headline: an acronym mid-article is no dateline.
        ("Budget passes. The mayor spoke. FBI (the bureau) agents came.", None),
    ],
)
def test_a_dateline_run_into_the_headline(text, place):
    found = find_dateline(text)
    assert (text[found[0] : found[1]] if found else None) == place


def test_sentences_tile_the_text_and_respect_paragraphs(seed_text):
    sentences = split_sentences(seed_text)
    assert sentences[0].start == 0 and sentences[-1].end == len(seed_text)
    assert all(a.end == b.start for a, b in zip(sentences, sentences[1:], strict=False))
    texts = [seed_text[s.start : s.end].strip() for s in sentences]
    assert "Occasional clashes have since occurred on the border." in texts
    assert any(t.startswith("On February 18, 2023") and t.endswith("in Munich.") for t in texts)


def test_abbreviations_do_not_end_sentences():
    text = "Mr. Smith met Dr. Jones in St. Louis. They left."
    spans = [text[s.start : s.end].strip() for s in split_sentences(text)]
    assert spans == ["Mr. Smith met Dr. Jones in St. Louis.", "They left."]


def test_html_articles_are_read_with_a_real_parser():
    page = (
        "<!DOCTYPE html><html><head><title>Talks in Baku</title><style>p{color:red}</style>"
        "<script>var x = '<p>Paris</p>';</script></head><body><nav>Home</nav>"
        "<p>Leaders met in <b>Munich</b> &amp; Baku.</p><p>Then   they left.</p></body></html>"
    )
    read = decode_article(page.encode(), name="page.html")
    assert read.text == "Leaders met in Munich & Baku.\n\nThen they left."  # the menu is not the story
    assert read.meta is not None and read.meta.title == "Talks in Baku"  # the headline is the title, not text
    assert read.format == "html" and read.warnings == ()


def test_html_page_without_text_is_refused():
    with pytest.raises(InputError, match="no readable text"):
        decode_article(b"<html><body><script>x()</script></body></html>", name="empty.html")


def test_a_title_is_a_headline_line_never_the_first_paragraph():
    assert find_title("Storm Hits Tulsa\n\nRain fell on Tulsa.") == "Storm Hits Tulsa"
    assert find_title("Talks in Munich\nOfficials met there.") == "Talks in Munich"
    assert find_title("Leaders met in Munich and Baku.\n") is None  # the only paragraph
    assert find_title("Leaders met in Munich and Baku.\n\nThey left on Monday.") is None  # a sentence
    assert find_title("Aid Offered In Talks - State Dept.\n\nText.") == "Aid Offered In Talks - State Dept."
