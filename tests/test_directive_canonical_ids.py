"""The spec's equivalences of directive ids (section 3, "one document, one id across all articles"):
`canonical_id` in the extractor and `directive_key` in the scorer fold exactly these and nothing else."""

from __future__ import annotations

import pytest

from pipeline.evaluate import directive_key
from pipeline.extract import extract
from pipeline.extract.directive_grammar import canonical_name
from pipeline.extract.directive_ids import canonical_id
from pipeline.extract.document import ArticleDoc, Segment, build_document
from pipeline.extract.kinds import directives
from pipeline.extract.merge import resolve_overlaps


def _entries(text: str) -> list[dict]:
    doc = ArticleDoc([Segment("text", text, None)])  # type: ignore[arg-type]
    mentions = resolve_overlaps(directives.find(doc))
    return directives.build(mentions, doc, mentions)


NATIONAL = [
    "Nghị quyết Đại hội XIII",
    "Nghị quyết Đại hội XIII của Đảng",
    "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
    "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII",
    "Nghị quyết Đại hội ĐBTQ lần thứ XIII",
    "Nghị quyết Đại hội ĐBTQ lần thứ XIII của Đảng",
    "Nghị quyết Đại hội Đảng toàn quốc lần thứ 13",
    "Nghị quyết Đại hội Đảng toàn Quốc lần thứ 13",
    "Nghị quyết Đại hội lần thứ XIII của Đảng",
    "Nghị quyết Đại hội Đảng lần thứ XIII",
    "nghị quyết Đại hội lần thứ mười ba của Đảng",
    "Nghị quyết Đại hội đại biểu toàn quốc lần XIII của Đảng",  # "lần" without "thứ"
    "Nghị quyết Đại hội Đảng toàn quốc lần XIII",
    "Nghị quyết Đại hội đại biểu Đảng toàn quốc lần thứ XIII",
    "Nghị quyết Đại hội đại biểu lần XIII của Đảng",  # the Party named after the number
    "Nghị quyết Đại hội đại biểu lần thứ XIII của Đảng",
]


@pytest.mark.parametrize("written", NATIONAL)
def test_the_national_congress_resolution_has_one_id(written: str) -> None:
    assert canonical_id(written) == "Nghị quyết Đại hội XIII"


def test_the_national_congress_documents_have_one_id() -> None:
    written = "Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
    assert canonical_id(written) == "Văn kiện Đại hội XIII"
    assert canonical_id("Văn kiện Đại hội XIII") == "Văn kiện Đại hội XIII"
    assert canonical_id("Văn kiện Đại hội Đảng toàn quốc lần XIII") == "Văn kiện Đại hội XIII"


@pytest.mark.parametrize("written", [
    "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV",
    "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX",
    "Nghị quyết Đại hội Đoàn toàn quốc lần thứ XII",
    "Nghị quyết Đại hội Đảng bộ huyện lần thứ XXIV",
    "Nghị quyết Đại hội đại biểu Hội Cựu chiến binh tỉnh Phú Thọ lần thứ VI",
    "Nghị quyết Đại hội XIII của Đảng bộ tỉnh",
    "Nghị quyết Đại hội lần thứ XV",  # the number alone: often the article's own congress (dev12)
    "Nghị quyết Đại hội đại biểu lần thứ XV",
    "Nghị quyết Đại hội đại biểu lần XIII",  # no owner: the number alone
    "Nghị quyết Đại hội Đảng bộ tỉnh lần XV",
    "Nghị quyết Đại hội 13",
    "Nghị quyết Trung ương 4 khóa XIII",
])
def test_another_bodys_congress_keeps_its_name(written: str) -> None:
    assert canonical_id(written) == written


def test_two_congresses_stay_two() -> None:
    assert canonical_id("Nghị quyết Đại hội XII của Đảng") == "Nghị quyết Đại hội XII"
    assert canonical_id("Nghị quyết Đại hội lần thứ XIII của Đảng") == "Nghị quyết Đại hội XIII"
    assert directive_key("Nghị quyết Đại hội XII") != directive_key("Nghị quyết Đại hội XIII")
    province = "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIII"
    assert directive_key("Nghị quyết Đại hội XIII") != directive_key(province)


@pytest.mark.parametrize(("written", "canonical"), [
    ("Luật Thi đua, khen thưởng năm 2022", "Luật Thi đua, khen thưởng 2022"),
    ("Luật Giáo dục 2019", "Luật Giáo dục 2019"),
    ("Bộ luật Hình sự năm 2015", "Bộ luật Hình sự 2015"),
    ("Hiến pháp năm 2013", "Hiến pháp 2013"),
    ("Luật Giáo dục", "Luật Giáo dục"),  # no year: no other document
    ("Kế hoạch công tác năm 2022", "Kế hoạch công tác năm 2022"),  # not a law: its period as written
    ("Nghị quyết 12 năm 2022", "Nghị quyết 12 năm 2022"),
])
def test_a_laws_year_is_written_without_nam(written: str, canonical: str) -> None:
    assert canonical_id(written) == canonical


def test_a_law_with_and_without_its_year_stay_apart() -> None:
    assert directive_key("Luật Giáo dục năm 2019") == directive_key("Luật Giáo dục 2019")
    assert directive_key("Luật Giáo dục 2019") != directive_key("Luật Giáo dục")
    assert directive_key("Luật Giáo dục 2019") != directive_key("Luật Giáo dục 2005")


def test_i_and_y_after_a_consonant_are_one_spelling() -> None:
    assert canonical_id("Nghị quyết Đại hội chi đoàn nhiệm kì 2009 – 2010") == \
        "Nghị quyết Đại hội chi đoàn nhiệm kỳ 2009 – 2010"
    assert directive_key("Qui chế làm việc") == directive_key("Quy chế làm việc")


def test_the_scorer_key_folds_case_and_the_spec_forms_only() -> None:
    full = "Nghị quyết Đại hội ĐBTQ lần thứ XIII của Đảng"
    assert directive_key(full) == directive_key("nghị quyết đại hội XIII")
    assert directive_key("Chỉ thị 05") != directive_key("Chỉ thị 15")
    assert directive_key("05-CT/TW") == directive_key("05-ct/tw")


@pytest.mark.parametrize("text", [
    "Cán bộ thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và Nghị quyết Đại hội "
    "XIII.",
    "Cán bộ thực hiện Nghị quyết Đại hội ĐBTQ lần thứ XIII, Nghị quyết Đại hội Đảng toàn quốc lần thứ 13.",
])
def test_the_extractor_gives_the_national_congress_one_entry(text: str) -> None:
    assert [e["id"] for e in _entries(text)] == ["Nghị quyết Đại hội XIII"]


def test_the_extractor_keeps_a_provinces_congress_apart() -> None:
    text = ("Cán bộ thực hiện Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ "
            "XV, Nghị quyết Đại hội Đoàn toàn quốc lần thứ XII.")
    ids = {e["id"] for e in _entries(text)}
    assert ids == {"Nghị quyết Đại hội XIII", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV",
                   "Nghị quyết Đại hội Đoàn toàn quốc lần thứ XII"}


def test_a_laws_mention_covers_the_year_its_id_names() -> None:
    [entry] = _entries("Đơn vị thực hiện Luật Thi đua, khen thưởng năm 2022 có hiệu lực từ năm 2024.")
    assert entry["id"] == "Luật Thi đua, khen thưởng 2022"
    assert [m["text"] for m in entry["mentions"]] == ["Luật Thi đua, khen thưởng năm 2022"]
    [bare] = _entries("Đơn vị thực hiện Luật Thi đua, khen thưởng có hiệu lực.")
    assert bare["id"] == "Luật Thi đua, khen thưởng"


@pytest.mark.parametrize(("text", "want"), [
    ("Đặc biệt, Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII của Đảng đã khẳng định rõ.",
     "Văn kiện Đại hội XIII"),
    ("Vì vậy, Văn kiện Đại hội XIII tiếp tục yêu cầu thực hiện nhiệm vụ.", "Văn kiện Đại hội XIII"),
    ("QUÁN TRIỆT VĂN KIỆN ĐẠI HỘI XIII CỦA ĐẢNG", "Văn kiện Đại hội XIII"),
    ("Học Tập Văn Kiện Đại Hội XIII Của Đảng", "Văn kiện Đại hội XIII"),  # a title's case
    ("Cán bộ nắm vững các Văn kiện Đại hội Đảng bộ tỉnh lần thứ XVII trong năm nay.",
     "Văn kiện Đại hội Đảng bộ tỉnh lần thứ XVII"),
])
def test_a_congress_s_documents_are_found_as_its_resolution_is(text: str, want: str) -> None:
    [entry] = _entries(text)
    assert (entry["id"], entry["kind"]) == (want, "Văn kiện")


@pytest.mark.parametrize("text", [
    # lower case: the word, no name, but for the national congress's (below)
    "Các đại biểu thảo luận các văn kiện Đại hội Đảng bộ tỉnh lần thứ XVII.",
    "Các đại biểu góp ý vào dự thảo các Văn kiện Đại hội XIV của Đảng.",  # a draft
    "Các đại biểu góp ý vào dự thảo Văn kiện Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.",
    "Các đại biểu đã thảo luận về các văn kiện quan trọng này.",
])
def test_no_congress_document_in_lower_case_or_a_draft(text: str) -> None:
    assert _entries(text) == []


@pytest.mark.parametrize(("text", "want"), [
    ("Các đại biểu thảo luận các văn kiện Đại hội XIII của Đảng.", "Văn kiện Đại hội XIII"),
    ("Báo cáo viên nêu điểm mới trong văn kiện Đại hội toàn quốc lần thứ XIII của Đảng.",
     "Văn kiện Đại hội XIII"),
])
def test_the_national_congress_s_documents_in_lower_case_are_named(text: str, want: str) -> None:
    """The annotated pages list "văn kiện Đại hội toàn quốc lần thứ XIII" (extraction-dev25, 2 hosts)."""
    assert [entry["id"] for entry in _entries(text)] == [want]


@pytest.mark.parametrize(("text", "want", "written"), [
    ("NHỮNG ĐIỂM MỚI CỦA LUẬT GIÁO DỤC NĂM 2019", "luật giáo dục 2019", "LUẬT GIÁO DỤC NĂM 2019"),
    ("Luật Đầu tư NĂM 2014 có hiệu lực.", "luật đầu tư 2014", "Luật Đầu tư NĂM 2014"),
    ("HIẾN PHÁP NĂM 2013 QUY ĐỊNH QUYỀN CON NGƯỜI", "hiến pháp 2013", "HIẾN PHÁP NĂM 2013"),
])
def test_a_law_in_capitals_keeps_its_year(text: str, want: str, written: str) -> None:
    [entry] = _entries(text)
    assert directive_key(entry["id"]) == directive_key(want)
    assert [m["text"] for m in entry["mentions"]] == [written]


@pytest.mark.parametrize("text", [
    "Cán bộ học tập Nghị quyết Đại hội Đảng toàn quốc lần XIII tại cơ sở.",
    "Cán bộ học tập Nghị quyết Đại hội đại biểu lần XIII của Đảng tại cơ sở.",
])
def test_the_extractor_finds_a_congress_numbered_after_lan_alone(text: str) -> None:
    assert [e["id"] for e in _entries(text)] == ["Nghị quyết Đại hội XIII"]


def test_lan_alone_needs_a_numeral() -> None:
    prose = _entries("Nghị quyết Đại hội lần này được triển khai sâu rộng.")  # "this time": no number
    assert all("lần" not in e["id"] for e in prose)
    assert [e["id"] for e in _entries("Học tập Văn kiện Đại hội Đảng toàn quốc lần XIII.")] == [
        "Văn kiện Đại hội XIII"]


def _article_ids(title: str, text: str) -> list[str]:
    doc = build_document(text=text, title=title)
    return [d["id"] for d in extract(doc).get("directives", [])]


def test_a_law_in_a_headlines_capitals_has_the_bodys_id_in_every_article() -> None:
    """One id letter for letter: the database's case-insensitive index folds ASCII letters only."""
    headline = _article_ids("LUẬT GIÁO DỤC NĂM 2019: NHIỀU ĐIỂM MỚI", "Bộ trưởng nói về điểm mới.")
    both = _article_ids("LUẬT GIÁO DỤC NĂM 2019: NHIỀU ĐIỂM MỚI", "Luật Giáo dục năm 2019 có hiệu lực.")
    body = _article_ids("Điểm mới về học phí", "Luật Giáo dục năm 2019 có hiệu lực.")
    assert headline == both == body == ["Luật Giáo dục 2019"]


@pytest.mark.parametrize(("written", "want"), [
    ("Luật BHXH", "Luật BHXH"),  # an acronym is no syllable: kept in capitals
    ("LUẬT ĐẤT ĐAI", "Luật Đất đai"),
    ("LUẬT DƯỢC", "Luật Dược"),
    ("Luật Giáo dục đại học", "Luật Giáo dục đại học"),
])
def test_a_law_named_in_capitals_is_written_as_the_body_writes_it(written: str, want: str) -> None:
    kind, name = written.split(" ", 1)
    assert canonical_name(kind, name, law=True) == want


@pytest.mark.parametrize(("written", "canonical"), [
    ('Đề án "Học bổng cùng em vượt khó đến trường"', "Đề án Học bổng cùng em vượt khó đến trường"),
    ("Đề án “Hỗ trợ phụ nữ khởi nghiệp” giai đoạn 2017 - 2025",
     "Đề án Hỗ trợ phụ nữ khởi nghiệp giai đoạn 2017 - 2025"),
    ("Đề án Học bổng cùng em vượt khó đến trường", "Đề án Học bổng cùng em vượt khó đến trường"),
])
def test_a_quoted_name_is_one_document_with_its_bare_name(written: str, canonical: str) -> None:
    assert canonical_id(written) == canonical
    assert directive_key(written) == directive_key(canonical)


def test_a_quoted_name_keeps_its_words_apart_from_anothers() -> None:
    assert directive_key('Đề án "Học bổng cùng em"') != directive_key("Đề án Học bổng")


@pytest.mark.parametrize(("text", "want"), [
    ("Các cấp Hội thực hiện Nghị quyết Đại hội đại biểu phụ nữ toàn quốc lần thứ XIII, nhiệm kỳ 2022 - 2027.",
     "Nghị quyết Đại hội đại biểu phụ nữ toàn quốc lần thứ XIII"),
    ("Hội viên học tập Nghị quyết Đại hội đại biểu nông dân toàn quốc lần thứ VII.",
     "Nghị quyết Đại hội đại biểu nông dân toàn quốc lần thứ VII"),
    ("Cán bộ học tập Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.",
     "Nghị quyết Đại hội XIII"),
])
def test_a_mass_organisations_national_congress_in_lower_case_keeps_its_name(text: str, want: str) -> None:
    assert [e["id"] for e in _entries(text)] == [want]


@pytest.mark.parametrize(("written", "canonical"), [
    ("Chương trình 135/CP", "135/CP"),
    ("Nghị quyết số 57-NQ/TW", "57-NQ/TW"),
    ("Quyết định số: 1234/QĐ-UBND", "1234/QĐ-UBND"),
])
def test_a_type_word_before_a_whole_symbol_is_no_part_of_the_id(written: str, canonical: str) -> None:
    assert canonical_id(written) == canonical
    assert directive_key(written) == directive_key(canonical)


@pytest.mark.parametrize("written", [
    "Chương trình 135", "Quyết định 15/2020", "Chương trình 135 giai đoạn II",
])
def test_a_type_and_number_without_a_symbol_keeps_its_type(written: str) -> None:
    assert canonical_id(written) == written
