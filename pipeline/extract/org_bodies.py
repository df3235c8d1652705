"""Listed organisations that need no head ("Quốc hội", "NHCSXH", "Google"): when the context makes one
a body, its branch in a unit ("NHCSXH huyện") or a foreign country's ("Chính phủ Mỹ")."""

from __future__ import annotations

from pipeline.extract.document import ArticleDoc
from pipeline.extract.gazetteer import HOME_COUNTRY
from pipeline.extract.org_branches import branch_end
from pipeline.extract.org_definitions import Candidate, clean_span
from pipeline.extract.org_parts import Scan
from pipeline.extract.org_place_ends import place_end
from pipeline.extract.org_rules import rules
from pipeline.extract.org_scan import read_name
from pipeline.extract.org_view import View, sentence_initial
from pipeline.extract.org_words import capitalised, place_level
from pipeline.text import name_key

CENTRAL_REACH = 16  # characters before a name that a central word and its space can take


def central_start(view: View, start: int, found: list[Candidate]) -> int | None:
    """Start of a central word written right before `start` ("Trung ương Đảng", "Trung ương Mặt trận
    Tổ quốc Việt Nam"), outside any name already read there ("Ban Kinh tế Trung ương"); else None."""
    lead = rules().central_re.search(view.norm, max(0, start - CENTRAL_REACH), start)
    if lead is None or any(c.view is view and c.start <= lead.start() < c.end for c in found):
        return None
    return lead.start()


def national_name(view: View, start: int, end: int) -> bool:
    """The name is a national organisation's: it ends on the home country ("Mặt trận Tổ quốc Việt Nam")."""
    return name_key(view.norm[start:end]).endswith(" " + HOME_COUNTRY)


def take_body(view: View, start: int, end: int, key: str, found: list[Candidate]) -> None:
    """A listed body, unless its context says it is something else."""
    org_rules = rules()
    lead = central_start(view, start, found)
    if lead is not None and (key in org_rules.coordinated or national_name(view, start, end)):
        found.append(Candidate(view, lead, end, clean_span(view, lead, end)))
        return  # "Ủy viên Trung ương Đảng": the Party's central body, one body of its own
    if key in org_rules.mid_sentence and sentence_initial(view.norm, start):
        return  # "Dân trí Vượt lên khó khăn...": the outlet'start dateline, or the common noun
    if key in org_rules.members and _taken_as_people(view, start):
        return  # "vận động Cựu chiến binh", "“Cựu chiến binh gương mẫu”": the people, not their association
    if key in org_rules.coordinated and not (org_rules.partner_after.match(view.norm, end)
                                     or org_rules.partner_before.search(view.norm[max(0, start - 30):start])):
        return  # "Đảng" alone is the Party only beside another national body
    if key in org_rules.national:
        country = _foreign_country(view, end)
        # "Chính phủ Việt Nam" as written: the home country is part of the name, as a foreign one is
        home = _place_after(view, end)[0] if country == end and national_name(
            view, start, _place_after(view, end)[0]) else end
        named = max(country, home)
        found.append(Candidate(view, start, named, clean_span(view, start, named), long_form=country > end,
                               national=key))
        return
    local = _local_branch(view, end) if key not in org_rules.coordinated | org_rules.mid_sentence else None
    if local is not None:  # "NHCSXH huyện", "Ngân hàng Chính sách xã hội tỉnh Bắc Giang": its branch there
        found.append(Candidate(view, start, local.end, clean_span(view, start, local.end),
                               open_end=local.open_end))
        return
    branch = province_branch(view, end) if key not in org_rules.coordinated | org_rules.members else end
    branch = branch_end(view, branch, read_name)  # "NHCSXH – Chi nhánh tỉnh Quảng Trị": its branch, one name
    found.append(Candidate(view, start, branch, clean_span(view, start, branch)))


def province_branch(view: View, end: int) -> int:
    """End of a province written whole right after a listed body or a bank's brand ("Viettel Hà Giang",
    "FPT Bình Định", "Agribank Hà Giang"): the body's branch in that province, as with an administrative
    word; so too the home country written after it, a foreign firm's company here ("Forbes Việt Nam",
    "Nestlé Việt Nam") or the body's full name ("Bộ GD&ĐT Việt Nam"); else `end`."""
    place, level = _place_after(view, end)
    home = level == "country" and name_key(view.norm[end:place].strip()) == HOME_COUNTRY
    if level != "province" and not home:
        return end
    more = view.next_word(place)  # "FPT Hà Nội Nguyễn Văn A" or a longer name: not the province alone
    return end if more is not None and capitalised(view.word(more)) else place


def _place_after(view: View, end: int) -> tuple[int, str | None]:
    """A known place written whole right after `end`: its end and level; (`end`, None) when none."""
    after = view.next_word(end)
    if after is None or not capitalised(view.word(after)):
        return end, None
    place = place_end(view, after[0])
    return (place, place_level(view.norm[after[0]:place])) if place > after[0] else (end, None)


def _local_branch(view: View, end: int) -> Scan | None:
    """An administrative word and its place right after a listed body, read as after a head: the
    body's branch in that unit; None when no administrative word follows."""
    after = view.next_word(end)
    admin = rules().admin_re.match(view.norm, after[0]) if after else None
    if admin is None or not (view.norm[after[0]].islower() or view.norm[after[0]:admin.end()].isupper()):
        return None
    scan = read_name(view, end, None, capital_head=True)
    return scan if scan.parts == 1 and scan.end > end else None


def _foreign_country(view: View, end: int) -> int:
    """End of a foreign country named right after a national body ("Chính phủ Mỹ"), else `end`."""
    place, level = _place_after(view, end)
    return place if level == "country" and name_key(view.norm[end:place].strip()) != HOME_COUNTRY else end


def foreign_national_bodies(doc: ArticleDoc, found: list[Candidate]) -> None:
    """In an article with no Vietnamese province, a bare national body ("Chính phủ") is the one
    foreign body of that kind the article names ("Chính phủ Nhật Bản"), not Vietnam's."""
    if doc.province:
        return
    named: dict[str, set[str]] = {}
    for cand in found:
        if cand.national and cand.long_form:
            named.setdefault(cand.national, set()).add(cand.key)
    for cand in found:
        home = cand.key.endswith(" " + HOME_COUNTRY)  # "Chính phủ Việt Nam" is named, not bare
        if cand.national and not cand.long_form and not home and len(named.get(cand.national, ())) == 1:
            cand.key = next(iter(named[cand.national]))


def _taken_as_people(view: View, start: int) -> bool:
    """A body named by its members ("Cựu chiến binh") names the association only as a clause's subject,
    after punctuation ("...; Cựu Chiến binh tham gia"); a word before it takes it as its object or
    complement ("hội viên Cựu Chiến binh", "vận động Cựu chiến binh"), and an opening quote makes it
    the first word of a slogan ("“Cựu chiến binh gương mẫu”")."""
    before = view.norm[:start].rstrip(" \t\xa0")
    return bool(before) and (before[-1].isalnum() or before[-1] in "“\"‘")
