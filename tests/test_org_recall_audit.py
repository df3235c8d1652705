"""bench/org_recall_audit.py: the short forms it names a body by, and how it finds them."""

from __future__ import annotations

from tests.bench_scripts import load_bench_script

audit = load_bench_script("org_recall_audit")


def test_short_forms_drop_a_wrapper_head_spell_initials_and_lower_a_kept_head() -> None:
    assert audit.short_forms("Công ty Hòa Phát")["head-dropped"] == "Hòa Phát"
    assert audit.short_forms("Ủy ban Kiểm tra")["acronym"] == "UBKT"
    assert audit.short_forms("Bệnh viện Bạch Mai")["lower-head"] == "bệnh viện Bạch Mai"
    assert "acronym" not in audit.short_forms("Hội Nông dân tỉnh")  # a place inside: pages keep it whole


def test_covered_needs_a_mention_at_the_short_forms_place() -> None:
    text = "Hôm qua, Sở Y tế (SYT) đã tổ chức hội nghị. Theo SYT, số ca giảm."
    assert audit.covered(text, "SYT", text.index("Theo"))
    assert not audit.covered("Hôm qua, trời mưa to.", "mưa", 0)


def test_new_term_frame_drops_only_a_committee_of_heads_alone() -> None:
    new_term = audit.ELECTED["new-term"]
    assert not audit.covered(new_term.replace("{S}", "Ban Chấp hành Đảng bộ"), "Ban Chấp hành Đảng bộ", 0)
    named = "Ban Chấp hành Đảng bộ tỉnh"
    assert audit.covered(new_term.replace("{S}", named), named, 0)
