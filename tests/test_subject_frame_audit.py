"""The subject re-frame audit's frames (bench/subject_frame_audit.py)."""

from __future__ import annotations

from tests.bench_scripts import load_bench_script

audit = load_bench_script("subject_frame_audit")
SENTENCE = "Năm 2020, Hội Nông dân huyện kết nạp 300 hội viên mới."


def test_moving_the_subject_before_keeps_the_fronted_phrase_and_elides_the_subject() -> None:
    moved = audit.moved_before(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    assert moved == (
        "Năm 2020, Hội Nông dân huyện đã nỗ lực vượt khó trong thời gian qua. "
        "Theo đó, kết nạp 300 hội viên mới."
    )


def test_a_place_is_appended_right_after_the_figure() -> None:
    framed = audit.appended_place(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    assert framed == "Năm 2020, Hội Nông dân huyện kết nạp 300 hội viên mới ở xã Tân Phú."


def test_no_venue_is_fronted_before_a_places_own_figure() -> None:
    assert audit.fronted_place("Huyện Duy Tiên có 16 xã.", "Huyện Duy Tiên", "16 xã") is None
    framed = audit.fronted_place(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    assert framed.startswith("Tại xã Tân Phú, năm")


def test_a_figure_keeps_its_subject_in_the_control_frame() -> None:
    kind, got = audit.judge(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới", 300.0)
    assert (kind, got) == ("kept", "Hội Nông dân huyện")


def test_an_object_place_goes_into_the_predicate_of_the_subject_opening_the_sentence() -> None:
    framed = audit.object_place(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    given = "Năm 2020, Hội Nông dân huyện trao quà cho hộ nghèo xã Tân Phú"
    assert framed == f"{given} và kết nạp 300 hội viên mới."
    clause = audit.object_place_clause(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    assert clause == f"{given}; kết nạp 300 hội viên mới."
    assert audit.object_place("Huyện Duy Tiên có 16 xã.", "xã Tân Phú", "16 xã") is None


def test_the_moved_object_frames_open_the_figures_sentence_on_its_verb() -> None:
    framed = audit.moved_object_owner(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    assert framed == (
        "Năm 2020, Hội Nông dân huyện đã nỗ lực vượt khó trong thời gian qua. Theo đó, trao quà cho hộ "
        "nghèo của xã Tân Phú và kết nạp 300 hội viên mới."
    )
    assert audit.object_owner(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới").endswith(
        "cho hộ nghèo của xã Tân Phú và kết nạp 300 hội viên mới."
    )


def test_the_lead_frames_move_the_subject_to_a_lead_paragraph_of_its_own() -> None:
    lead = audit.moved_lead(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    assert lead == (
        "Năm 2020, Hội Nông dân huyện đã nỗ lực vượt khó trong thời gian qua.\n\n"
        "Theo đó, kết nạp 300 hội viên mới."
    )
    purpose = audit.moved_lead_purpose(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    assert purpose.startswith(f"{audit.PURPOSE} năm 2020, Hội Nông dân huyện đã nỗ lực")
    named = audit.moved_lead_purpose("Hội Nông dân huyện kết nạp 300 hội viên mới.", "Hội Nông dân huyện",
                                     "300 hội viên mới")
    assert named.startswith(f"{audit.PURPOSE} Hội Nông dân huyện đã")


def test_the_short_form_frame_names_the_body_in_full_before_and_leaves_its_place_open_after() -> None:
    sentence = "Năm 2020, Hội Nông dân xã Tân Phú kết nạp 300 hội viên mới."
    framed = audit.short_form(sentence, "Hội Nông dân xã Tân Phú", "300 hội viên mới")
    assert framed == ("Hội Nông dân xã Tân Phú tổ chức hội nghị sơ kết. "
                      "Năm 2020, Hội Nông dân xã kết nạp 300 hội viên mới.")
    capital = audit.short_form_capital(sentence, "Hội Nông dân xã Tân Phú", "300 hội viên mới")
    assert capital.endswith("Năm 2020, Hội Nông dân Xã kết nạp 300 hội viên mới.")
    assert audit.short_form(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới") is None  # no place to drop


def test_the_short_form_place_frame_names_another_body_of_the_place_before() -> None:
    sentence = "Năm 2020, Hội Nông dân xã Tân Phú kết nạp 300 hội viên mới."
    framed = audit.short_form_place(sentence, "Hội Nông dân xã Tân Phú", "300 hội viên mới")
    assert framed == ("UBND xã Tân Phú tổ chức hội nghị sơ kết. "
                      "Năm 2020, Hội Nông dân xã kết nạp 300 hội viên mới.")


def test_a_strict_frame_keeps_only_the_full_name() -> None:
    kind, _ = audit.judge(SENTENCE, "Hội Nông dân huyện Tân Phú", "300 hội viên mới", 300.0, strict=True)
    assert kind == "changed"


def test_the_kin_lead_names_the_national_body_of_the_subjects_kind() -> None:
    sentence = "Hội Nông dân huyện Tân Phú kết nạp 300 hội viên mới."
    framed = audit.moved_lead_kin(sentence, "Hội Nông dân huyện Tân Phú", "300 hội viên mới")
    lead = "Hướng tới kỷ niệm ngày thành lập Hội Nông dân Việt Nam, Hội Nông dân huyện Tân Phú"
    assert framed.startswith(lead)
    assert audit.moved_lead_kin(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới") is None  # no place


def test_the_address_lead_names_the_body_with_a_place_going_on_to_a_venue() -> None:
    sentence = "Hội Nông dân huyện Tân Phú kết nạp 300 hội viên mới."
    framed = audit.moved_lead_address(sentence, "Hội Nông dân huyện Tân Phú", "300 hội viên mới")
    assert framed == ("Báo cáo của Hội Nông dân huyện Tân Phú, xã Tân Phú tại hội nghị sơ kết.\n\n"
                      "Theo đó, kết nạp 300 hội viên mới.")
    assert audit.moved_lead_address("Huyện Duy Tiên có 16 xã.", "Huyện Duy Tiên", "16 xã") is None


def test_the_list_label_frames_write_the_subject_as_a_later_items_label() -> None:
    framed = audit.list_label(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    assert framed.endswith("đạt 7 đảng viên; Hội Nông dân huyện 300 hội viên mới.")
    linked = audit.list_label_linked(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    assert linked.endswith("; Hội Nông dân huyện đạt 300 hội viên mới.")
    assert audit.list_label(SENTENCE, "huyện", "300 hội viên mới") is None  # no name
    assert audit.list_label(SENTENCE, "Hội Nông dân huyện", "7 hội viên") is None  # the other item's value


def test_the_parts_frame_names_a_part_after_the_subject_then_goes_on_with_its_verb() -> None:
    framed = audit.moved_parts(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    assert framed == (
        "Năm 2020, Hội Nông dân huyện có 3 mô hình điểm; trong đó, Hội Nông dân xã Tân Phú có 2 mô hình "
        "điểm. Theo đó, kết nạp 300 hội viên mới."
    )


def test_the_rivals_frame_names_the_subject_last_without_a_breakdown_opener() -> None:
    framed = audit.moved_rivals(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    assert framed == (
        "Năm 2020, Hội Nông dân xã Tân Phú có 3 mô hình điểm; Hội Nông dân huyện có 2 mô hình điểm. "
        "Theo đó, kết nạp 300 hội viên mới."
    )


def test_the_linked_topic_frame_links_the_opening_subject_straight_to_its_figure() -> None:
    framed = audit.linked_topic(SENTENCE, "Hội Nông dân huyện", "300 hội viên mới")
    assert framed == "Năm 2020, Hội Nông dân huyện đạt 300 hội viên mới."
    # a figure past the subject's first clause is left out: the frame would cut the sentence apart
    later = "Năm 2020, Hội Nông dân huyện tổ chức hội nghị, kết nạp 300 hội viên mới."
    assert audit.linked_topic(later, "Hội Nông dân huyện", "300 hội viên mới") is None
