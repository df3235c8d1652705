"""A text dump hard-wrapped at a fixed width: the clean text joins each paragraph's pieces back."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from pipeline.clean.fields import body_paragraphs, title_from
from pipeline.clean.lines import BODY, TITLE, classify
from pipeline.engine.stages import process
from pipeline.evaluate import as_ingested, kept_lines
from pipeline.model import RawArticle
from tests.cleaning_pages import LAST, LEAD, RELATED, SECOND, TITLE_LINE, page_of
from tests.conftest import SHARED, needs_shared
from tests.test_invariants import check_offsets

SEED = SHARED / "corpus" / "seeds" / "000_97edc108545c4d6d.txt"


def _record(text: str) -> dict[str, Any]:
    return process(RawArticle(path="page.txt", text=text, digest="d"))


def _dump(text: str, width: int | None) -> str:
    """The page as a dump prints it: one paragraph a line, blank lines apart, wrapped at `width`."""
    lines = [line for line in text.split("\n") if line.strip()]
    return "\n\n".join("\n".join(textwrap.wrap(line, width)) if width else line for line in lines) + "\n"


def _mentions(record: dict[str, Any], field: str) -> list[str]:
    return sorted(m.get("text") or m.get("id") or m.get("name") or str(m) for m in record[field])


@needs_shared
# at 72 and 78 the seed's headline wraps into two lines ("... Thi đua học tập và" / "làm theo Bác"): one title
# (at 72 one body paragraph stays in two: "... theo tinh" over a blank line, the text differs there)
@pytest.mark.parametrize(("width", "same_text"), [(72, False), (78, True), (80, True)])
def test_a_wrapped_seed_reads_as_the_unwrapped_seed(width: int, same_text: bool) -> None:
    seed = SEED.read_text(encoding="utf-8")
    whole, wrapped = _record(_dump(seed, None)), _record(_dump(seed, width))
    assert wrapped["title"] == whole["title"]
    assert wrapped["text"].startswith(whole["text"][:200])  # the headline's pieces are none of the text
    if same_text:
        assert wrapped["text"] == whole["text"]
    assert wrapped["captions"] == whole["captions"]
    for field in ("figures", "directives", "organizations"):
        assert _mentions(wrapped, field) == _mentions(whole, field), field
    check_offsets(wrapped)  # every mention's offsets index the joined text


def _wrapped_page(width: int) -> str:
    """A page whose article paragraphs a dump wrapped, a menu of short lines over it, a list of
    headlines under it, no blank line inside either list."""
    menu = "Trang chủ\nThời sự\nKinh tế\nVăn hóa\nThể thao"
    body = "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in (LEAD, SECOND, LAST))
    return f"{menu}\n\n{TITLE_LINE}\n\n{body}\n\nTin liên quan\n" + "\n".join(RELATED) + "\n"


def test_wrapped_paragraphs_join_but_a_menu_and_headlines_do_not() -> None:
    lines = classify(_wrapped_page(60))
    paragraphs = body_paragraphs(lines)
    assert paragraphs[:3] == [LEAD, SECOND, LAST]
    for item in ("Trang chủ", "Thời sự", *RELATED):
        assert not any(item in p for p in paragraphs)
    assert not any(line.joins_next for line in lines if line.text in ("Trang chủ", *RELATED))


def test_an_unwrapped_page_joins_no_lines() -> None:
    items = ["- Nghiên cứu (tìm kiếm các giải pháp và kiến thức mới),",
             "- Quản lý (kiểm soát lượng sử dụng và bền vững), và",
             "- Tương tác cộng đồng (thực hiện các nhiệm vụ, hoạt động gắn với địa phương)."]
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, *items, LAST))
    assert not any(line.joins_next for line in lines)
    assert [p for p in body_paragraphs(lines) if p.startswith("- ")] == items


def test_a_word_broken_after_its_hyphen_joins_without_a_space() -> None:
    lines = classify(_wrapped_page(60))
    for line in lines:
        line.cls = BODY
    first = next(i for i, line in enumerate(lines) if line.joins_next)
    lines[first].text += " COVID-"
    lines[first + 1].text = "19 " + lines[first + 1].text
    assert "COVID-19 " in body_paragraphs(lines[first:first + 2])[0]


def test_the_scores_match_gold_lines_a_paragraph_joins_back() -> None:
    pieces = ["Ngày thành lập Hội Liên hiệp Phụ nữ Việt", "Nam 20/10/1930, các chi hội ôn lại truyền thống."]
    kept = kept_lines(f"Tin tức\n\n{pieces[0]} {pieces[1]}\n\nHết", ["Tin tức", *pieces, "Nam", "Hết"])
    assert kept == {as_ingested(x) for x in ("Tin tức", *pieces, "Hết")}
    assert kept_lines("COVID-19 lan rộng", ["COVID-", "19 lan rộng"]) == {"covid-", "19 lan rộng"}
    assert kept_lines("Tin tức mới", ["Tin tức", "mới nhất"]) == set()  # a run must spell it whole
    # a drop capital the page prints apart from its word joins it without a space
    assert kept_lines("Ngoài hai khu di tích", ["N", "goài hai khu di tích"]) == {"n", "goài hai khu di tích"}
    assert kept_lines("N goài", ["N", "goài"]) == {"n", "goài"}


def test_a_wrapped_piece_that_reads_as_a_dateline_stays_in_its_paragraph() -> None:
    law = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật Sửa đổi, bổ sung một số điều "
           "của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;")
    text = "\n\n".join("\n".join(textwrap.wrap(p, 78)) for p in (law, LEAD, SECOND, LAST))
    assert textwrap.wrap(law, 78)[-1] == "phương ngày 22/11/2019;"
    assert body_paragraphs(classify(text))[:4] == [law, LEAD, SECOND, LAST]


HEADLINE = "Huyện ủy sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW về đẩy mạnh học tập và làm theo Bác"


@pytest.mark.parametrize("blank", ["\n\n", "\n"])
def test_a_headline_a_dump_wrapped_at_its_width_is_one_title(blank: str) -> None:
    menu = "Trang chủ\nThời sự\nKinh tế"
    paragraphs = (HEADLINE, "Thứ Hai, 12/4/2021 08:30", LEAD, SECOND, LAST)
    pieces = ["\n".join(textwrap.wrap(p, 60)) for p in paragraphs]
    lines = classify(blank.join([menu, *pieces]) + "\n")
    assert title_from(lines, None) == HEADLINE
    assert body_paragraphs(lines)[0] == LEAD
    # the container's title printed on the page, wrapped: its copy, every piece
    lines = classify(blank.join([menu, *pieces]) + "\n", HEADLINE)
    assert not any(line.cls == TITLE for line in lines)
    assert body_paragraphs(lines)[0] == LEAD


def test_a_dateline_under_a_headline_that_fills_the_width_is_no_piece_of_it() -> None:
    headline = "Huyện ủy sơ kết 5 năm thực hiện Chỉ thị 05 của Bộ Chính trị về"  # 62 columns: fills 64
    body = "\n".join(textwrap.wrap(f"{LEAD} {SECOND} {LAST}", 64))
    lines = classify(f"Trang chủ\n{headline}\n12/4/2021\n{body}\n")
    assert not any(line.cls == TITLE and line.text == "12/4/2021" for line in lines)


def test_a_piece_opening_on_a_glued_mark_is_no_wrapped_headline() -> None:
    # found by tests/test_properties.py: a dump wraps at spaces, so ":0" under a headline as long as the
    # page's lines is no piece of it; the page keeps one title line
    headline = "Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh Ninh Thuận: Thi đua học tập và làm theo Bác"
    page = "\n".join([headline, headline, "Theo\xa0http://baoninhthuan.com.vn", headline, ":0", "- Không."])
    classes = [line.cls for line in classify(page, None)]
    assert classes.count(TITLE) == 1


def test_the_short_first_piece_of_a_paragraph_pasted_with_its_line_breaks_joins_it() -> None:
    # a paragraph pasted with its breaks: its first line runs short (an indent took its room), the next
    # goes on in lowercase and fills the width, as the lines under it do
    first = "Qua 5 năm, toàn huyện"
    pieces = [first, *textwrap.wrap(SECOND[len(first) + 1:], 60)]
    assert pieces[1][:1].islower() and len(pieces) > 2
    lead = textwrap.wrap(LEAD, 60)
    lines = classify(f"{TITLE_LINE}\n\n" + "\n".join([*lead, *pieces, LAST]) + "\n")
    assert body_paragraphs(lines)[:2] == [LEAD, SECOND]


def test_a_short_line_over_a_lowercase_line_that_fills_no_width_stays_apart() -> None:
    # a label over a lowercase tag list: no wrapped paragraph's piece under it
    text = "\n".join([TITLE_LINE, *textwrap.wrap(LEAD, 60), *textwrap.wrap(SECOND, 60), "Từ khóa",
                      "chuyển đổi số", "báo chí", LAST])
    lines = classify(text + "\n")
    assert not any(line.joins_next for line in lines if line.text == "Từ khóa")


# a sapo printed without its full stop, longer than any headline: its pieces fill the width and open
# with capitals and brackets, none ends a sentence
UNSTOPPED_SAPO = ("Hướng tới kỷ niệm 93 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam "
                  "(18/11/1930 - 18/11/2023) và Ngày hội Đại đoàn kết toàn dân tộc, chào mừng Đại hội "
                  "MTTQ Việt Nam các cấp nhiệm kỳ 2024-2029, huyện tổ chức chương trình Ngày hội Đại đoàn "
                  "kết tại các khu dân cư")


@pytest.mark.parametrize("width", [72, 80])
def test_a_sapo_without_its_full_stop_a_dump_wrapped_is_one_body_paragraph(width: int) -> None:
    pieces = textwrap.wrap(UNSTOPPED_SAPO, width)
    text = "\n".join(["Tin tức", TITLE_LINE, *pieces, *textwrap.wrap(SECOND, width), LAST, *RELATED])
    lines = classify(text + "\n")
    assert title_from(lines, None) == TITLE_LINE
    assert body_paragraphs(lines)[:2] == [UNSTOPPED_SAPO, SECOND]


def test_a_headline_that_fills_the_width_over_an_unstopped_lead_is_no_piece_of_it() -> None:
    # the headline fills the width by chance; the lead under it opens on a capital and ends no sentence
    lead = textwrap.wrap(UNSTOPPED_SAPO, 72)
    headline = "Huyện ủy sơ kết 5 năm thực hiện Chỉ thị 05 của Bộ Chính trị tại xã Hải"
    assert len(headline) <= 72 < len(headline) + 1 + len(lead[0].split()[0])
    lines = classify("\n".join([headline, *lead, *textwrap.wrap(SECOND, 72), LAST]) + "\n")
    assert title_from(lines, None) == headline
    assert body_paragraphs(lines)[0] == UNSTOPPED_SAPO
