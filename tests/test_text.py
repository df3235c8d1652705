"""The shared Vietnamese text helpers: each folding meaning, tone placement, sentence starts,
the alternation builder's space options and the longest-first span filter."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pytest
import regex

from pipeline.text import (
    OLD_TONES,
    alternation,
    ascii_fold,
    carries_on,
    casefold_words,
    final_y,
    longest_first,
    modern_tones,
    name_key,
    sentence_initial,
    strip_tones,
    tone_variants,
    wrap_as_space,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- folding -------------------------------------------------------------------------------------


def test_casefold_words_folds_case_and_runs_of_white_space_only() -> None:
    assert casefold_words("  Nghị\t QUYẾT\n\xa0số ") == "nghị quyết số"
    assert casefold_words("Đắk Lắk") == "đắk lắk"  # tone marks and đ stay
    assert casefold_words("hoà") != casefold_words("hòa")  # tone placement stays
    assert casefold_words("") == ""


def test_casefold_words_composes_only_when_asked() -> None:
    decomposed = nfd("Hà Nội")
    assert casefold_words(decomposed) != "hà nội"
    assert casefold_words(decomposed, nfc=True) == "hà nội"


def test_casefold_words_moves_old_tone_placement_only_when_asked() -> None:
    written = "Nghị quyết  Trung ương 4 KHOÁ XII"
    assert casefold_words(written, modern=True) == "nghị quyết trung ương 4 khóa xii"
    assert casefold_words("Hoà giải", modern=True) == casefold_words("Hòa giải")
    assert casefold_words("quý", modern=True) == "quý"  # u after q is part of the consonant
    assert casefold_words("Khoá") == "khoá"


def test_strip_tones_removes_every_mark_and_the_stroke_of_d() -> None:
    assert strip_tones("Hội Nông dân ĐẮK NÔNG") == "hoi nong dan dak nong"
    assert strip_tones("đường Đồng Khởi") == "duong dong khoi"
    assert strip_tones(nfd("Thừa Thiên Huế")) == "thua thien hue"  # combining marks as well
    assert strip_tones("Hoà") == strip_tones("Hòa") == "hoa"
    assert strip_tones("  spaces  kept ") == "  spaces  kept "


def test_ascii_fold_keeps_only_ascii_letters_and_digits() -> None:
    assert ascii_fold("ĐỒNG THÁP") == "dongthap"
    assert ascii_fold("Thừa Thiên - Huế") == "thuathienhue"
    assert ascii_fold(nfd("Quảng Trị 2")) == "quangtri2"
    assert ascii_fold("baoninhthuan.com.vn") == "baoninhthuancomvn"
    assert ascii_fold("北京") == ""


def test_name_key_folds_case_form_tones_spaces_and_hyphen_spacing() -> None:
    assert name_key("Sở Giáo dục-Đào tạo") == name_key(" sở giáo  dục - đào tạo") == "sở giáo dục - đào tạo"
    assert name_key("THUỶ LỢI") == name_key("Thủy lợi") == "thủy lợi"
    assert name_key(nfd("Khánh Hoà")) == name_key("khánh hòa") == "khánh hòa"
    assert name_key("Sở Y tế") != name_key("Sở Y tế Hà Nội")


def test_name_key_moves_tones_inside_words_only_when_asked() -> None:
    assert name_key("Hoàng Mai") == "hoàng mai"
    assert name_key("Hoàng Mai", tones_anywhere=True) == "hòang mai"
    assert name_key("Hòang Mai", tones_anywhere=True) == name_key("Hoàng Mai", tones_anywhere=True)


# --- tone placement ------------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), [
    ("Hoà giải", "Hòa giải"), ("thuỷ lợi", "thủy lợi"), ("khoá XII", "khóa XII"),
    ("Khánh Hoà.", "Khánh Hòa."), ("loè loẹt", "lòe loẹt"),  # a closed syllable keeps its mark
    ("HOÀ", "HOÀ"), ("Oà", "Òa"), ("Uỵch", "Uỵch"),
])
def test_modern_tones_at_syllable_ends(old: str, new: str) -> None:
    assert modern_tones(old) == new
    assert len(modern_tones(old)) == len(old)


def test_modern_tones_leaves_qu_inner_pairs_and_modern_text_alone() -> None:
    assert modern_tones("quý") == "quý"  # u belongs to the consonant
    assert modern_tones("Hoàng") == "Hoàng"  # not the syllable's end
    assert modern_tones("Hòa Ủy") == "Hòa Ủy"
    assert modern_tones("quý", anywhere=True) == "qúy"
    assert modern_tones("hoàng", anywhere=True) == "hòang"


def test_modern_tones_needs_composed_text() -> None:
    assert modern_tones(nfd("Hoà")) == nfd("Hoà")  # callers compose first (name_key does)


def test_every_old_pair_has_a_modern_pair_of_the_same_length() -> None:
    assert len(OLD_TONES) == 15
    for old, new in OLD_TONES.items():
        assert len(old) == len(new) == 2 and strip_tones(old) == strip_tones(new)


def test_tone_variants_gives_both_placements() -> None:
    assert tone_variants("Thanh Hóa") == {"Thanh Hóa", "Thanh Hoá"}
    assert tone_variants("Thanh Hoá") == {"Thanh Hóa", "Thanh Hoá"}
    assert tone_variants("Khánh Hòa, Thủy") >= {"Khánh Hòa, Thủy", "Khánh Hoà, Thuỷ"}
    assert tone_variants("Hà Nội") == {"Hà Nội"}


# --- sentence starts -----------------------------------------------------------------------------


def test_sentence_initial_after_ends_quotes_and_dashes() -> None:
    text = 'Ông nói. “Anh đi” - Anh về; Anh ở\nAnh'
    starts = [m.start() for m in re.finditer("Anh", text)]
    assert [sentence_initial(text, s) for s in starts] == [True, False, True, True]
    assert sentence_initial(text, 0)
    assert not sentence_initial("tại Hà Nội", 4)


def test_sentence_initial_blank_window() -> None:
    text = " " * 50 + "Anh"
    assert sentence_initial(text, 50)  # only openers in view: taken as a start
    assert not sentence_initial(text, 50, blank_window_opens=False)
    assert sentence_initial(" " * 10 + "Anh", 10, blank_window_opens=False)  # the window reaches the start


def test_sentence_initial_options_say_what_counts() -> None:
    assert sentence_initial("a… Anh", 3)
    assert not sentence_initial("a… Anh", 3, ends="\n.!?:")
    assert not sentence_initial("a. • Anh", 5, openers=" \t")


# --- alternations --------------------------------------------------------------------------------


def test_alternation_prefers_the_longest_term() -> None:
    pattern = regex.compile(alternation(["Hà", "Hà Nội", "Hà Nam"]))
    assert pattern.match("Hà Nội").group() == "Hà Nội"
    assert pattern.match("Hà Tĩnh").group() == "Hà"
    spaced = regex.compile(alternation(["sáng", "sáng sớm"], spaces="any"))
    assert spaced.match("sáng  sớm").group() == "sáng  sớm"


def test_alternation_does_not_depend_on_the_order_or_repeats_of_terms() -> None:
    terms = ["chiều", "sáng", "tối", "sáng sớm", "sáng"]
    assert alternation(terms) == alternation(sorted(set(terms), reverse=True))


@pytest.mark.parametrize(("spaces", "matches", "misses"), [
    ("exact", ["sáng sớm"], ["sáng  sớm", "sáng\nsớm", "sángsớm"]),
    ("any", ["sáng sớm", "sáng \t sớm", "sáng\nsớm"], ["sángsớm"]),
    ("inline", ["sáng sớm", "sáng\u2009sớm", "sáng\t\xa0sớm"], ["sáng\nsớm", "sángsớm"]),
    ("plain", ["sáng sớm", "sáng\t\xa0sớm"], ["sáng\u2009sớm", "sáng\nsớm"]),
    ("optional", ["sáng sớm", "sángsớm", "sáng\nsớm"], []),
])
def test_alternation_space_options(spaces: str, matches: list[str], misses: list[str]) -> None:
    pattern = regex.compile(alternation(["sáng sớm"], spaces=spaces) + r"\Z")  # type: ignore[arg-type]
    assert all(pattern.match(m) for m in matches)
    assert not any(pattern.match(m) for m in misses)


def test_alternation_escapes_and_groups() -> None:
    pattern = regex.compile(alternation(["TP.HCM", "(c)"]) + "x")  # the group binds both terms to x
    assert pattern.match("TP.HCMx") and pattern.match("(c)x")
    assert not pattern.match("TPxHCMx")
    assert re.compile(alternation(["nghị quyết"], spaces="plain")).match("nghị\xa0quyết")  # std re too


def test_alternation_case_and_empty() -> None:
    assert regex.compile(alternation(["Luật"], ignore_case=True)).match("LUẬT")
    assert not regex.compile(alternation(["Luật"])).match("LUẬT")
    never = regex.compile(alternation([]))
    assert not never.search("") and not never.search("anything")


# --- overlapping spans ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Sp:
    start: int
    end: int
    rank: int = 0


def test_longest_first_keeps_the_longest_then_returns_text_order() -> None:
    kept = longest_first([Sp(5, 10), Sp(0, 20), Sp(25, 30), Sp(18, 26)])
    assert kept == [Sp(0, 20), Sp(25, 30)]


def test_longest_first_ties_go_to_tiebreak_then_leftmost() -> None:
    assert longest_first([Sp(0, 5, rank=2), Sp(0, 5, rank=1)], tiebreak=lambda s: s.rank) == [Sp(0, 5, 1)]
    assert longest_first([Sp(3, 8), Sp(0, 5)]) == [Sp(0, 5)]


def test_longest_first_touching_spans_and_empty_ones() -> None:
    assert longest_first([Sp(0, 5), Sp(5, 9), Sp(9, 9), Sp(2, 2)]) == [Sp(0, 5), Sp(5, 9)]
    assert longest_first([]) == []


def test_longest_first_agrees_with_a_brute_force_choice() -> None:
    import random

    rnd = random.Random(3)
    for _ in range(300):
        spans = [Sp(s, s + rnd.randint(1, 8), rnd.randint(0, 2)) for s in
                 (rnd.randint(0, 40) for _ in range(rnd.randint(0, 15)))]
        chosen: list[Sp] = []
        for span in sorted(spans, key=lambda s: (s.start - s.end, s.rank, s.start)):
            if not any(span.start < c.end and c.start < span.end for c in chosen):
                chosen.append(span)
        assert longest_first(spans, tiebreak=lambda s: s.rank) == sorted(chosen, key=lambda s: s.start)


@pytest.mark.parametrize(
    ("written", "expected"),
    [("nhiệm kì 2010", "nhiệm kỳ 2010"), ("Qui chế", "Quy chế"), ("quí vị", "quý vị"), ("lí luận", "lý luận"),
     ("ki-lô", "ki-lô"), ("li băng", "li băng"), ("quyết", "quyết"), ("kìm", "kìm")],
)
def test_final_y_respells_only_whole_syllables_and_keeps_length(written: str, expected: str) -> None:
    assert final_y(written) == expected and len(final_y(written)) == len(written)


def test_after_dateline_tag_reads_an_outlets_tag_at_a_paragraphs_start_only() -> None:
    from pipeline.text import after_dateline_tag
    for text, expected in [("QTO - Thôn", True), ("Tin\n(Dân trí) - Thôn", True),
                           ("Ông Nguyễn Văn A - Thôn", False),
                           ("Một câu dài của bài này có QTO - Thôn", False)]:
        assert after_dateline_tag(text, text.index("Thôn")) is expected, text


@pytest.mark.parametrize(
    ("written", "expected"),
    [("Nghị quyết\nsố 26", "Nghị quyết số 26"), ("Đại hội\nđảng viên", "Đại hội đảng viên"),
     ("khóa XI);\nKế hoạch", "khóa XI);\nKế hoạch"), ("hết.\nMới", "hết.\nMới"), ("a\n\nb", "a\n\nb"),
     ("Chỉ thị 05\n- Chỉ thị 06", "Chỉ thị 05\n- Chỉ thị 06"), ("như sau:\nMột", "như sau:\nMột"),
     ("Ngày 15 tháng 01 năm 2018\nSố: 01", "Ngày 15 tháng 01 năm 2018\nSố: 01")],
)
def test_wrap_as_space_joins_a_sentences_wrapped_pieces_only(written: str, expected: str) -> None:
    assert wrap_as_space(written) == expected and len(wrap_as_space(written)) == len(written)


def test_wrap_as_space_joins_a_capital_only_after_the_word_given() -> None:
    import regex
    head = regex.compile(r"quyết$")
    assert wrap_as_space("Nghị quyết\nĐại hội", head) == "Nghị quyết Đại hội"
    assert wrap_as_space("Nghị quyết\nĐại hội") == "Nghị quyết\nĐại hội"


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [("quán triệt Nghị quyết", "số 26-NQ/TW của Ban", True), ("tham dự của", "120 đại biểu", True),
     ("Kế hoạch ban hành ngày 26/9/2017", "của Đảng ủy xã", True), ("toàn xã có", "1.250 đảng viên", False),
     ("Chân dung 27 bí thư cấp tỉnh thuộc thế hệ 7X", "27/63 bí thư tỉnh", False),
     ("Các nội dung chính của", "2. triển khai", False), ("hết.", "sau đó", False),
     ("đồng chí Nguyễn", "Văn Hùng", False), ("Hội nghị", "- thảo luận", False),
     ("Đăng ngày: 20/11/2024", "http://Có một nghề", False)],
)
def test_carries_on_a_sentence_into_a_lowercase_piece_or_a_number_after_a_dangling_word(
        before: str, after: str, expected: bool) -> None:
    assert carries_on(before, after, number_after=regex.compile(r"\s(?:của|và)$")) is expected
