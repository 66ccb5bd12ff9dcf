"""The exported PDF, read back with pypdf: what it holds must be what the store says."""

from __future__ import annotations

import re

import pytest

from tests.export.conftest import LOCAL, PAPER, SMALL_EVENTS, WEB, flat
from timeline_app import __version__
from timeline_app.export.content import NumberedSources, gather
from timeline_app.export.pdf import PageSetup, PdfExport
from timeline_app.store import queries
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.wording.dates import span_label
from timeline_app.wording.filters import describe_filter
from timeline_app.wording.sources import attribution

ENERGY = TimelineFilter(themes=frozenset({"energy"}))


def export(db, wanted, path, setup=None, **options):
    return PdfExport(gather(db, wanted, **options), path, setup).run()


@pytest.fixture
def energy_pdf(qapp, bundled_db, tmp_path, read_pdf):
    result = export(bundled_db, ENERGY, tmp_path / "energy.pdf")
    return result, read_pdf(result.path)


def test_a_theme_export_holds_every_filtered_event_with_its_quotes(bundled_db, energy_pdf):
    _, pdf = energy_pdf
    wanted = queries.filtered_events(bundled_db, ENERGY)
    assert wanted, "the bundled timeline has energy events"
    for event in wanted:
        assert flat(event.title) in pdf.text
        assert span_label(event.when) in pdf.text
        assert flat(event.summary) in pdf.text
        for citation in event.citations:
            assert flat(f"“{citation.quote}”") in pdf.text


def test_a_theme_export_leaves_the_other_events_out(bundled_db, energy_pdf):
    _, pdf = energy_pdf
    wanted = queries.filtered_events(bundled_db, ENERGY)
    shown = " ".join(flat(f"{e.title} {e.summary}") for e in wanted)
    others = [e for e in queries.filtered_events(bundled_db, TimelineFilter()) if e not in wanted]
    assert others, "the bundled timeline has events of other themes"
    for event in others:
        if flat(event.title) not in shown:  # a title may be quoted by a shown event
            assert flat(event.title) not in pdf.text


def test_the_heading_says_what_was_exported(bundled_db, energy_pdf):
    result, pdf = energy_pdf
    total = queries.total_events(bundled_db)
    count = len(queries.filtered_events(bundled_db, ENERGY))
    assert (result.events, result.timeline_events) == (count, total)
    first = pdf.pages[0]
    assert first.startswith(queries.timeline_title(bundled_db))
    assert "Themes: Energy" in first
    assert f"{count} of {total} events" in first
    assert re.search(r"Exported \d{1,2} [A-Z][a-z]+ \d{4}", first)


def test_events_come_in_chronological_order(bundled_db, energy_pdf):
    _, pdf = energy_pdf
    body = pdf.text[pdf.text.index("Events ") :]
    wanted = queries.filtered_events(bundled_db, ENERGY)
    positions = [body.index(flat(e.title)) for e in wanted]
    assert positions == sorted(positions)
    assert [e.when.sort_key() for e in wanted] == sorted(e.when.sort_key() for e in wanted)


def test_every_page_is_numbered_page_x_of_y(energy_pdf):
    result, pdf = energy_pdf
    assert result.pages == len(pdf.pages) > 1
    for number, text in enumerate(pdf.pages, start=1):
        assert f"page {number} of {result.pages}" in text


def test_the_metadata_names_title_filter_themes_and_creator(bundled_db, energy_pdf):
    _, pdf = energy_pdf
    info = pdf.reader.metadata
    assert info.title == queries.timeline_title(bundled_db)
    assert info.subject == "Themes: Energy"
    names = {t.slug: t.name for t in queries.themes(bundled_db)}
    assert info.subject == describe_filter(ENERGY, names)
    assert "Energy" in info.keywords.split(", ")
    assert info.creator == f"Timeline {__version__}"
    xmp = pdf.reader.xmp_metadata
    assert xmp.dc_description == {"x-default": "Themes: Energy"}
    assert "Energy" in xmp.dc_subject


def test_quotes_carry_the_number_of_their_source_in_the_sources_list(
    qapp, small_db, tmp_path, read_pdf
):
    result = export(small_db, TimelineFilter(), tmp_path / "small.pdf")
    pdf = read_pdf(result.path)
    numbers = NumberedSources.cited_by(list(queries.filtered_events(small_db, TimelineFilter())))
    assert len(numbers.sources) == 3  # the web source is quoted twice and listed once
    sources_part = pdf.text[pdf.text.rindex("Sources") :]
    for event in SMALL_EVENTS:
        for citation in event.citations:
            n = numbers.number(citation.source)
            assert flat(f"“{citation.quote}” [{n}]") in pdf.text
    for source in numbers.sources:
        n = numbers.number(source)
        assert sources_part.count(f"[{n}]") == 1
        assert flat(f"[{n}] {attribution(source)}") in sources_part


def test_web_addresses_become_links_and_other_addresses_do_not(qapp, small_db, tmp_path, read_pdf):
    pdf = read_pdf(export(small_db, TimelineFilter(), tmp_path / "links.pdf").path)
    assert set(pdf.links()) == {WEB.url}
    assert LOCAL.url in pdf.text  # printed for the reader, but not a link
    assert PAPER.url is None


def test_azerbaijani_letters_and_markup_like_text_come_out_as_written(
    qapp, small_db, tmp_path, read_pdf
):
    pdf = read_pdf(export(small_db, TimelineFilter(), tmp_path / "letters.pdf").path)
    for text in (
        "Qırmızı Qəsəbə & friends",
        "Mountain Jews Museum opens in Qırmızı Qəsəbə",
        "ə ı ş ğ ç Ə I Ş Ğ Ç",
        "Muzey Qırmızı Qəsəbədə açıldı, şəhərin ğ ç tarixini göstərir.",
        "Şəfəq Ağayeva",
        "Oil flows <i>through</i> the pipeline & beyond",
        "A summary with <script>alert('x')</script> and &amp; left as written.",
        "“The <pipeline> began & carried oil.”",
        "“A <b>printed</b> report & appendix”",
    ):
        assert flat(text) in pdf.text, text
    assert pdf.reader.metadata.title == "Qırmızı Qəsəbə & friends"


def test_a_title_given_for_the_export_replaces_the_timelines(qapp, small_db, tmp_path, read_pdf):
    pdf = read_pdf(export(small_db, TimelineFilter(), tmp_path / "t.pdf", title="Ödev: Ə").path)
    assert pdf.pages[0].startswith("Ödev: Ə")
    assert pdf.reader.metadata.title == "Ödev: Ə"


def test_fonts_are_embedded(energy_pdf):
    _, pdf = energy_pdf
    fonts = {}
    for page in pdf.reader.pages:
        for name, font in page["/Resources"]["/Font"].items():
            fonts[name] = font.get_object()
    assert fonts
    for font in fonts.values():
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_the_timeline_graphic_is_vector_drawing_with_the_events_labels(energy_pdf):
    result, pdf = energy_pdf
    for page in pdf.reader.pages:
        objects = page["/Resources"].get("/XObject") or {}
        images = [o for o in objects.values() if o.get_object().get("/Subtype") == "/Image"]
        assert not images
    drawing = pdf.reader.pages[0].get_contents().get_data()
    operators = re.findall(rb"\s(m|l|c|f\*?)\n", drawing)  # move, line, curve, fill
    assert operators.count(b"m") > result.events  # a path or more for every event
    assert operators.count(b"f") + operators.count(b"f*") > result.events // 2
    legend = pdf.pages[0][: pdf.pages[0].index("Events ")]
    assert "Energy" in legend


def test_landscape_and_letter_pages(qapp, small_db, tmp_path, read_pdf):
    setup = PageSetup(size="Letter", landscape=True)
    pdf = read_pdf(export(small_db, TimelineFilter(), tmp_path / "l.pdf", setup).path)
    box = pdf.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)


def test_a_filter_that_matches_nothing_gives_a_document_that_says_so(
    qapp, small_db, tmp_path, read_pdf
):
    wanted = TimelineFilter(first_year=1800, last_year=1801)
    result = export(small_db, wanted, tmp_path / "none.pdf")
    pdf = read_pdf(result.path)
    assert result.events == 0 and result.pages == 1
    assert "0 of 3 events" in pdf.text
    assert "No events match this filter." in pdf.text
    assert "1800–1801" in pdf.text


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_the_graphic_labels_every_event_of_the_whole_timeline(
    qapp, bundled_db, tmp_path, read_pdf, size
):
    result = export(bundled_db, TimelineFilter(), tmp_path / f"{size}.pdf", PageSetup(size=size))
    pdf = read_pdf(result.path)
    # White space is left out: a long title may wrap in the events, at a dash with no space.
    text = re.sub(r"\s+", "", pdf.text)
    graphic, body = text[: text.index("Events")], text[text.index("Events") :]
    events = queries.filtered_events(bundled_db, TimelineFilter())
    assert len(events) >= 36
    for event in events:
        title = re.sub(r"\s+", "", event.title)
        assert title in graphic, f"{event.title!r} has no label in the graphic"
        assert title in body


def test_each_event_says_where_its_date_comes_from_and_how_many_sources_back_it(energy_pdf):
    _, pdf = energy_pdf
    assert (
        "13 July 2006 · date from general knowledge · backed by 2 independent sources" in pdf.text
    )
    assert "2009 · date from the sources · backed by one source" in pdf.text
    assert (
        "January 2024 · date from the sources · backed by one independent source of the 2 cited"
        in pdf.text
    )
    # The sources list says why: the retelling paraphrases The Jerusalem Post.
    listed = pdf.text[pdf.text.rindex("Sources") :]
    number = re.search(r"\[(\d)\] “Israel becomes Azerbaijan", listed).group(1)
    assert re.search(r"“Strengthening Bonds[^\[]*It paraphrases \[" + number + r"\]", listed)


def test_each_quote_is_marked_verified_not_found_or_unverifiable(qapp, bundled_db, tmp_path,
                                                                   read_pdf):  # fmt: skip
    from timeline_app.store import editing
    from timeline_app.timeline.drafts import CitationDraft, SourceDraft

    text = "The embassy opened in March. Radar talks went on all summer."
    added = editing.add_source(
        bundled_db, SourceDraft("Field notes", None, None, None, False, None, text, None)
    )
    added.apply(bundled_db)
    bare = editing.add_source(
        bundled_db, SourceDraft("Unarchived", None, None, None, False, None, None, None)
    )
    bare.apply(bundled_db)
    event = queries.filtered_events(bundled_db, ENERGY)[0]
    for source_id, quote in (
        (added.source_id, "Radar talks went on all summer."),
        (added.source_id, "Radar talks ended in May."),
        (bare.source_id, "Words kept nowhere."),
    ):
        editing.add_citation(bundled_db, event.id, CitationDraft(source_id, quote)).apply(
            bundled_db
        )
    pdf = read_pdf(export(bundled_db, ENERGY, tmp_path / "marked.pdf").path)
    marks = re.findall(r"“([^”]+)” \[\d+\] · ([a-z: ]+?source)", pdf.text)
    by_quote = dict(marks)
    assert by_quote["Radar talks went on all summer."] == "verified in the archived source"
    assert by_quote["Radar talks ended in May."] == "not found in the archived source"
    assert by_quote["Words kept nowhere."] == "unverifiable: no archived source"
    bundled = [quote for quote, mark in marks if mark == "verified in the archived source"]
    assert len(bundled) > 3  # the bundled quotes, found in documents kept outside the file
