"""One page's lines and what is known about them while the cleaner classifies them.

Each line carries the rule that makes it furniture on any page, whether its site repeats it, and
what it says as a meta line (dateline, byline, source); `Page` answers the questions the zones of
`lines.py` ask of a line among its neighbours: is it chrome, a list's heading, the start of the
site's furniture, a byline, a unit's name, the head of a list of links.
"""

from __future__ import annotations

import functools

import regex

from pipeline.clean.bylines import (
    BARE_ROLE,
    LEVEL_OPENING,
    LEVEL_WITH_PLACE,
    is_full_name,
    is_signing_unit,
    names_in,
    names_over_unit,
)
from pipeline.clean.furniture import boilerplate_rule, boilerplate_rules, meta_names
from pipeline.clean.page_lines import is_role, split_lines
from pipeline.clean.published import split_date
from pipeline.clean.shapes import (
    HEADLINE_MAX_WORDS,
    has_lowercase,
    is_address,
    is_headline,
    is_listed_headline,
    is_name,
    is_paragraph,
    is_proper_noun_run,
    is_syllable,
    words,
)
from pipeline.clean.structure import (
    join_piece,
    text_joints,
    truncated_copies,
    wrap_width,
    wrapped_headlines,
    wrapped_joints,
    wrapped_pieces,
)
from pipeline.clean.title import SENTENCE_BREAK, spelled_by_host
from pipeline.place_names import opening_place_words
from pipeline.text import casefold_words

LIST_HEADING_WORDS = 7  # "Các tin, bài viết khác": a heading, not a sentence that ends the same way
FURNITURE_NEAR = 3  # lines around a widget's phrase where more chrome shows the furniture has begun
LABEL_WORDS = 3  # "Nghe lại", "Video": a widget's label right above the site's furniture
RECENT_HEADLINES = 2  # headlines right under "Bài viết mới" that show it heads a list
WIDGET_LABEL_WORDS = 4  # "BẢN ĐỒ HÀNH CHÍNH": a widget's label in capitals, the article's signature under it
LINKS_UNDER_BYLINE = 2  # headlines between a byline and the furniture: other articles' links
LIST_TO_THE_END = 3  # headlines closing a page, no heading over them: a list, not the article's last lines
LABEL_MIN_WORDS = 2  # a single word ("Hết") may end the article; a heading of links has more
# letters only, a capital first and lowercase after it: "BBT", "PV" in capitals sign the article
LABEL = regex.compile(r"^\p{Lu}[\p{L}\p{M}]*(?: [\p{L}\p{M}]+)*$(?<=\p{Ll}\p{M}*)")
ABSTRACT_HEADING = regex.compile(r"^(?:tóm tắt|abstract)\s*:?$", regex.IGNORECASE)
EMAIL_LINE = regex.compile(r"^e-?mail\s*:\s*\S+@\S+$", regex.IGNORECASE)
AFFILIATION_LINES = 2  # lines of an author's unit between her name and her email ("Khoa X", "Trường Y")
ABSTRACT_LINES = 4  # "Tóm tắt:", the abstract (a paragraph or a few), then the author's keywords
# "Văn phòng - Thống kê phường 7": an office signs in a few words, a listed headline runs longer
SIGNING_UNIT_WORDS = 6
# under a byline: a unit's name this short ("Hội Nông dân xã", "Phòng Văn hóa - Thông tin"), a newsroom's
# role ("Phóng viên", "BBT") or a unit's acronym ("MTTQ", "VP.UBND"): capitals, no syllable of a word
UNIT_TAG_WORDS = 6
ACRONYM = regex.compile(r"^\p{Lu}[\p{Lu}.\-&/]{1,11}$")
SITE_NAME_LETTERS = 6  # a byline the host spells with this many letters is the site's name
LAST_MODIFIED = "last-modified"  # the rule of rules/boilerplate.yml naming a page's last-edited stamp
# rules that remove a line without saying the site's furniture has begun: a table's dashes and
# numbers, an alt text, an advertiser's phone number, a ">> read also" link are inside articles too,
# and a CMS prints the post's category ("Posted in Tin tức") above the byline as often as below it; a
# journal article's English keywords close its English abstract, and its text may follow; a photo
# gallery's label stands between paragraphs as often as after the last
STRAY_RULES = frozenset({"no-content", "stray-numbers", "leaked-markup", "embed-placeholder", "contact-line",
                         "phone-line", "breadcrumb", "category-line", "english-keywords",
                         "image-alt-placeholder", "editorial-dates", "gallery-label",
                         "calendar-month"})


class Page:
    """One page's lines and what is known about them while they are classified."""

    def __init__(self, text: str, title: str | None, template: frozenset[str], url: str | None = None):
        self.rules = boilerplate_rules()
        self.url = url
        self.lines = split_lines(text)
        self.texts = [line.text for line in self.lines]
        self.folded = [casefold_words(t) for t in self.texts]
        for line, folded in zip(self.lines, self.folded, strict=True):
            line.rule = boilerplate_rule(line.text, folded)
            line.template = folded in template
        self.cut_copies = truncated_copies(self.folded)  # a line cut with "..." -> the line it copies
        for i in self.cut_copies:
            self.lines[i].rule = self.lines[i].rule or "truncated-copy"
        # a last-modified stamp reads like a dateline but says when the page was edited: chrome, never meta
        self.meta = [None if line.rule == LAST_MODIFIED else meta_names(line.text) for line in self.lines]
        for i, found in enumerate(self.meta):  # a time alone is meta only beside a date ("16:02 (GMT+7)")
            if found is not None and found[0] == "time" and not self._beside_dateline(i):
                self.meta[i] = None
        for i in range(len(self.lines) - 1):  # "27" then "06/2016": one dateline over two lines
            if self.meta[i] is None and self.meta[i + 1] is None and split_date(*self.texts[i:i + 2]):
                self.meta[i] = self.meta[i + 1] = ("dateline", [])
        for i, found in enumerate(self.meta):  # "Lò Văn Mạnh - Sở Tư pháp Sơn La": a byline, no headline
            if found is None and (names := names_over_unit(self.texts[i], self.rules.honorifics,
                                                           self.rules.units)):
                self.meta[i] = ("byline", names)
        self.title_folded = casefold_words(title) if title else None
        self.title_set_off: tuple[str, str] | None = None  # (headline, its words set off): copies_title's
        # a paragraph a dump wrapped: its pieces, each piece but the last joined to the next
        breaks = {i for i, line in enumerate(self.lines) if line.after_blank}
        width = wrap_width(self.texts, breaks)  # read once: the three passes below share it
        joints = wrapped_joints(self.texts, self.rules.dangling, breaks, width)
        self.wrapped = wrapped_pieces(joints)
        joined = text_joints(self.texts, joints, breaks, width)
        for joint in joined:
            self.lines[joint].joins_next = True
        self.wrapped_headlines = wrapped_headlines(self.texts, joined, breaks, self._stands_apart, width)
        self._mark_journal_bylines()
        self._mark_site_footer()

    def _stands_apart(self, i: int) -> bool:
        """A dateline or chrome under a line that may end a headline: no piece of it. Under a line left
        open ("... nhiệm kỳ 2023 -" over "2028", "... diễn ra từ ngày" over "13/10/2015") it goes on."""
        above = self.texts[i - 1].rstrip()
        return (self.meta[i] is not None or self.lines[i].rule is not None) \
            and not above.endswith(("-", "–", ",")) and self.rules.dangling.search(above) is None

    def _mark_journal_bylines(self) -> None:
        """"ThS. Lò Thu Hà", her unit, then her email or the abstract's heading ("Tóm tắt:"): a journal
        article's byline wherever it stands (above the headline too), and the lines of her unit under it."""
        for i, text in enumerate(self.texts):
            if self.meta[i] is not None or self.rules.honorifics.match(text) is None:
                continue
            if not (names := self.names(i)):
                continue
            j = i + 1
            while j < len(self.texts) and j - i <= AFFILIATION_LINES and self.meta[j] is None \
                    and not self.is_chrome(j) and len(self.texts[j].split()) <= LABEL_WORDS * 4 \
                    and not is_paragraph(self.texts[j]) and not ABSTRACT_HEADING.match(self.texts[j]):
                j += 1
            email = j < len(self.texts) and EMAIL_LINE.match(self.texts[j]) is not None
            if j > i + 1 and (email or (j < len(self.texts) and ABSTRACT_HEADING.match(self.texts[j]))):
                self.meta[i] = ("byline", names)
                for k in range(i + 1, j + email):
                    self.meta[k] = ("affiliation", [])

    def _mark_site_footer(self) -> None:
        """The site's name in capitals over its postal address at the foot of the page ("CÔNG TY
        NHIỆT ĐIỆN DUYÊN HẢI" / "Xã Dân Thành, thị xã Duyên Hải, tỉnh Trà Vinh"), only contact lines
        or chrome after them: the footer, the furniture's last block, whatever lists stand above it."""
        end = len(self.lines)
        while end > 0 and self.meta[end - 1] is None and (
                self.lines[end - 1].rule is not None or is_address(self.texts[end - 1])):
            end -= 1
        addresses = [i for i in range(end, len(self.lines)) if self.lines[i].rule is None]
        name = end - 1
        if not addresses or name < 0 or self.meta[name] is not None or has_lowercase(self.texts[name]) \
                or len(self.texts[name].split()) < LABEL_MIN_WORDS or is_paragraph(self.texts[name]):
            return
        for i in (name, *addresses):
            self.lines[i].rule = "site-footer"

    def abstract_keywords(self) -> list[int]:
        """"Từ khóa: ..." closing a journal article's abstract ("Tóm tắt:" just above): the author's
        keywords, front matter of the article, not the site's tag list (the article's text, cut from
        a stored page, may end there all the same)."""
        return [i for i, line in enumerate(self.lines) if line.rule == "tag-list" and any(
            ABSTRACT_HEADING.match(text) for text in self.texts[max(0, i - ABSTRACT_LINES):i])]

    def _beside_dateline(self, i: int) -> bool:
        return any(0 <= j < len(self.meta) and (found := self.meta[j]) is not None and found[0] == "dateline"
                   for j in (i - 1, i + 1))

    def signs(self, i: int) -> bool:
        """A byline or a source line: it signs the article."""
        found = self.meta[i]
        return found is not None and found[0] in ("byline", "source")

    def is_chrome(self, i: int) -> bool:
        """Site furniture by rule, or a line the site repeats on its pages (a sentence excepted)."""
        line = self.lines[i]
        return line.rule is not None or (line.template and not is_paragraph(line.text))

    def is_marker(self, i: int) -> bool:
        """A heading of a list of other articles ("Tin liên quan", "Các bài viết khác")."""
        folded = self.folded[i]
        return folded in self.rules.tail_markers or (
            len(folded.split()) <= LIST_HEADING_WORDS and self.rules.list_heading.search(folded) is not None
        ) or self._heads_recent(i)

    def _heads_recent(self, i: int) -> bool:
        """"Bài viết mới" with two headlines right under it: a list of recent articles, not a
        subheading that ends the same way ("Nông thôn mới" then its paragraphs)."""
        if not self._is_label(i, LABEL_MIN_WORDS) or self.rules.recent_heading.search(self.folded[i]) is None:
            return False
        under = self.texts[i + 1:i + 1 + RECENT_HEADLINES]
        return len(under) == RECENT_HEADLINES and all(is_listed_headline(text) for text in under)

    def _strong_chrome(self, i: int) -> bool:
        line = self.lines[i]
        return self.is_marker(i) or line.template or line.rule not in (None, "phrase", *STRAY_RULES)

    def is_furniture(self, i: int) -> bool:
        """A line that says the site's furniture has begun: a list heading, a footer, a repeated line,
        or a widget's phrase with more chrome near it (a lone "Họ tên" may head a table)."""
        if self._strong_chrome(i):
            return True
        if self.lines[i].rule != "phrase":
            return False
        near = range(max(0, i - FURNITURE_NEAR), min(len(self.lines), i + FURNITURE_NEAR + 1))
        return any(j != i and (self._strong_chrome(j) or self.lines[j].rule == "phrase") for j in near)

    def _furniture_at(self, i: int) -> bool:
        return i >= len(self.lines) or self.is_furniture(i)

    def _list_to_the_end(self, i: int) -> bool:
        """Three headlines or more from here, then only the site's footer to the page's end (no sentence,
        byline or dateline; its name in capitals): a list of other articles with no heading the rules
        know over it ("Tin khác" printed as an image). A list heading among them heads the list under
        it, and a byline, a unit's name, a dashed item or a table's cell of numbers before the third,
        or a colon over the first, shows the lines are the article's last (a subheading, captions, its
        own list, a paragraph the stored page cut short)."""
        introduced = i > 0 and self.texts[i - 1].endswith(":")  # a colon leads into the article's list
        if i >= len(self.lines) or introduced or not is_headline(self.texts[i]):
            return False
        headlines = footer = 0
        for j in range(i, len(self.lines)):
            text, listed = self.texts[j], headlines >= LIST_TO_THE_END
            if is_paragraph(text) or self.is_marker(j) or self.meta[j] is not None or (
                    is_name(text) and not (listed and self.is_unit(j))):  # "BÁO QUẢNG TRỊ" under them
                return False
            if not any(c.isalpha() for c in text):
                return False  # a table's cell of numbers: the article's table, under its captions
            footer += listed  # a line under the third headline: the footer's (a list ends the page above it)
            if not listed and (self.names(j) is not None or self.is_unit(j) or self._signs_as_unit(j)):
                return False
            if self.is_chrome(j):
                continue  # the site's own lines ("In bài viết") among the list: none of its headlines
            if is_headline(text) and has_lowercase(text) and not is_address(text):
                headlines += 1
            elif not (listed or self._is_label(j) or not has_lowercase(text)):
                return False  # among the headlines only labels and chrome (a dashed item is the article's
                # list as often as a link); under them the footer's lines
        return headlines >= LIST_TO_THE_END and footer > 0

    def precedes_furniture(self, i: int) -> bool:
        """The next line that is neither meta, nor a unit's name, nor another byline's names is
        furniture, or there is none.

        Under a byline's name the author's unit or the outlet may stand ("Tạp chí Cửa Việt số 356"),
        or a second author's byline ("Thu Hòa/VOV4" then "Việt Phú").
        """
        j = i + 1
        while j < len(self.lines) and (self.meta[j] is not None or self.is_unit(j) or self._unit_tag(j)
                                       or self.names(j) or self._words_in_capitals(j)):
            j += 1
        return j >= len(self.lines) or self._furniture_at(j) or self._list_to_the_end(j) \
            or (self._links_over_furniture(j) and not self._address(i))

    def _address(self, i: int) -> bool:
        """Places set off by commas, a province's or a district's whole name last ("Xuân Mai, Chương Mỹ,
        Hà Nội"): the site's address among its furniture, shaped like a byline's names, none of them."""
        parts = [part.split() for part in self.texts[i].split(",")]
        return len(parts) >= 2 and 0 < opening_place_words(parts[-1]) == len(parts[-1])

    def _links_over_furniture(self, i: int, stopped: bool = False) -> bool:
        """Two headlines or more from here, then the site's furniture (a list's heading too): other
        articles' links under a byline, their own heading printed as an image or lost in the dump.
        Prose among them, or a name, a meta line or a unit's name (a signature further down), and they
        are the article's last lines (a subheading, captions), not a list of links. With `stopped`, a
        link may be one sentence with its full stop or run long ("... khối phố.", a headline of 35
        words), two of them headlines still."""
        headlines = 0
        for j in range(i, len(self.lines)):
            if self._furniture_at(j):
                return headlines >= LINKS_UNDER_BYLINE
            text = self.texts[j]
            one_sentence = stopped and _one_sentence_link(text)
            if not (is_listed_headline(text) or one_sentence) or self.meta[j] is not None \
                    or self.names(j) is not None or self.is_unit(j) or self._unit_tag(j):
                return False
            headlines += is_listed_headline(text)
        return False

    def signs_over_links(self, i: int) -> bool:
        """A byline's names on line `i`, and under them other articles' links (one sentence each, a
        full stop maybe) down to the site's furniture: the article ended above the names. Meta lines
        may stand between the names and the links ("Theo tuoitre.vn", "Trình bày: Quang Đạt"): the
        signature goes on with its source or credits."""
        if self.names(i) is None or self._address(i):
            return False
        j = i + 1
        while j < len(self.lines) and self.meta[j] is not None:
            j += 1
        return self._links_over_furniture(j, stopped=True)

    def _words_in_capitals(self, i: int) -> bool:
        """A line of a name's shape that is no person's full name ("CẦN PHÁT HUY CÁCH", "Nhiệt Liệt Chào
        Mừng", "ĐỂ BÁO CHÍ LÀ": no family name opens it, or its syllables are ordinary words): a link's
        headline cut short or a banner, no sentence of the article and no name."""
        return (is_name(self.texts[i]) and not is_full_name(self.texts[i])) or self._unit_of_a_place(i)

    def _unit_of_a_place(self, i: int) -> bool:
        """A short line of proper nouns with a level and a place's name in it ("ĐOÀN ĐBQH TỈNH TRÀ", "Hội
        Nông dân xã Hòa An"): a unit of the place, whatever word opens it (the rules' unit words are few)."""
        return is_role(self.texts[i]) and LEVEL_WITH_PLACE.search(self.texts[i]) is not None

    def _unit_tag(self, i: int) -> bool:
        """A unit's short name, a newsroom's role, a unit's acronym or a place with its level alone on a
        line ("Hội Nông dân xã", "Phóng viên", "MTTQ", "Xã Hòa An"): where the author works, under a
        byline, no more of the article."""
        text = self.texts[i].strip()
        if is_paragraph(text) or len(text.split()) > UNIT_TAG_WORDS or self.is_chrome(i):
            return False
        acronym = ACRONYM.match(text) is not None and not is_syllable(text)
        return acronym or BARE_ROLE.match(text) is not None or self.rules.units.match(text) is not None \
            or (LEVEL_OPENING.match(text) is not None and is_proper_noun_run(text))  # "Thị trấn Phú Mỹ"

    def is_unit(self, i: int) -> bool:
        """A short line that names a unit or an outlet ("Hội Nông dân huyện Như Xuân")."""
        text = self.texts[i]
        return self.rules.units.match(text) is not None and is_role(text) and not self.is_chrome(i)

    def labels_furniture(self, i: int) -> bool:
        """A label of a few words right above the site's furniture ("Nghe lại", "Video")."""
        return len(self.texts[i].split()) <= LABEL_WORDS and not is_paragraph(self.texts[i]) and (
            self._furniture_at(i + 1) and i + 1 < len(self.lines))

    def labels_chrome(self, i: int) -> bool:
        """Labels of a few words from here to a line of the site's chrome ("Thống kê truy cập" over
        "Đang truy cập: 25"; "Tải về", "Tệp đính kèm" over the file's name): a widget's heading and
        items, where the article's own short lines (a heading, a name) have prose or a signature under
        them. A table's cells over its numbers (stray, inside articles too) or over a lone phrase ("TT"
        over "Họ tên") are no widget, nor a lead-in with its colon over the office that signs the
        article ("Lãnh đạo hiện nay:" over "Văn phòng Đảng ủy": the list it leads into was cut)."""
        if self.texts[i].endswith(":") and i + 1 < len(self.lines) and self._signs_as_unit(i + 1):
            return False
        j = i
        while j < len(self.lines) and not self.is_chrome(j):
            text = self.texts[j]
            if j - i >= FURNITURE_NEAR or len(text.split()) > LABEL_WORDS + 1 or is_paragraph(text) \
                    or self.meta[j] is not None or self.names(j) is not None:
                return False
            j += 1
        return i < j < len(self.lines) and (
            self.lines[j].rule not in (*STRAY_RULES, "phrase") or self.is_furniture(j))

    def _signs_as_unit(self, i: int) -> bool:
        """An office's name alone right above the site's furniture ("Văn phòng Đảng ủy" over "Lượt xem:
        1.207"): the unit that signs the article, no item of a widget or a menu ("Chi bộ Đảng" among
        more of the menu's items)."""
        text = self.texts[i]
        return is_signing_unit(text, self.rules.units) and not is_paragraph(text) and (
            len(regex.findall(r"\w+", text)) <= SIGNING_UNIT_WORDS) and self._furniture_at(i + 1)

    def heads_a_list(self, i: int) -> bool:
        """Two or more headline-shaped lines from here, and site furniture right after them.

        A list heading after them heads the list under it, and a byline among them (names, or an
        office's name: "Văn phòng - Thống kê phường 7") signs the article: the lines before either
        are the article's last (a caption, a subheading, a paragraph the stored page cut short).
        Short labels may stand among the headlines, or head them ("Bài viết mới", "Sản phẩm"): a
        heading the rules do not know, or a menu's items.
        """
        if self._list_to_the_end(i):
            return True
        if not is_listed_headline(self.texts[i]) and not self._is_label(i, LABEL_MIN_WORDS):
            return False
        j = headlines = 0
        for j in range(i, len(self.lines)):
            if self._furniture_at(j) or self.names(j) is not None or self._signs_as_unit(j):
                break
            if is_listed_headline(self.texts[j]):
                headlines += 1
            elif not self._is_label(j):
                break
        else:
            j = len(self.lines)
        return headlines >= 2 and j < len(self.lines) and self._furniture_at(j) and not self.is_marker(j)

    def is_widget_label(self, i: int) -> bool:
        """A few words in capitals that name a widget ("BÀI MỚI ĐĂNG", "BẢN ĐỒ HÀNH CHÍNH"), no heading of
        the article's: a word no person's name holds, and no sentence."""
        text = self.texts[i]
        return len(text.split()) <= WIDGET_LABEL_WORDS and not has_lowercase(text) and (
            not is_paragraph(text) and self.rules.label.search(self.folded[i]) is not None)

    def is_menu_item(self, i: int) -> bool:
        """A label of a few words with another right above or under it: an item of the site's menu ("Tin
        tức" / "Hoạt động Hội", "• Chính trị" / "• Xã hội"), side by side with the others. A headline
        this short stands alone between the menu and the lead; a table's cells hold numbers."""
        return self._menu_label(i) and any(self._menu_label(j) for j in (i - 1, i + 1))

    def _menu_label(self, i: int) -> bool:
        if not 0 <= i < len(self.lines) or self.meta[i] is not None or self.lines[i].rule is not None:
            return False  # a widget's phrase ("Zalo") over a short headline makes no menu of it
        text = self.texts[i]
        return len(text.split()) <= LABEL_WORDS and any(c.isalpha() for c in text) \
            and not any(c.isdigit() for c in text) and not is_paragraph(text)

    def _is_label(self, i: int, least: int = 1) -> bool:
        """A few capitalised words, nothing else: a menu's item or a heading ("Sản phẩm")."""
        return LABEL.match(self.texts[i]) is not None and least <= len(self.texts[i].split()) <= LABEL_WORDS

    def headline_text(self, i: int) -> str:
        """The line, with the pieces under it when a dump wrapped a headline there (`wrapped_headlines`)."""
        return functools.reduce(join_piece, self.texts[i:self.wrapped_headlines.get(i, i + 1)])

    def headline_folded(self, i: int) -> str:
        """The folded line, or the folded headline a dump wrapped from it (`headline_text`)."""
        return self.folded[i] if i not in self.wrapped_headlines else casefold_words(self.headline_text(i))

    def names(self, i: int) -> list[str] | None:
        """The names of a byline made of names, unless the line is an item of a menu."""
        found = names_in(self.texts[i], self.rules.honorifics, self.rules.units)
        if not found:
            return found  # no names (None) or a team's ([]): what every check below returns then
        following = next((j for j in range(i + 1, len(self.lines)) if self.meta[j] is None), None)
        before = next((j for j in range(i - 1, -1, -1) if self.meta[j] is None), None)
        # a neighbour of a person's shape only: "THI HÀNH KỶ LUẬT" under "THANH HẢI - NGỌC TÚ" is a link
        beside = [j for j in (before, following)
                  if j is not None and is_name(self.texts[j]) and is_full_name(self.texts[j])]
        capitals = not has_lowercase(self.texts[i])
        # a menu's items share their case ("ĐỀ CƯƠNG" over "Thanh Bình" is no menu)
        if found and is_name(self.texts[i]) and any(has_lowercase(self.texts[j]) != capitals for j in beside):
            return None  # "GIỚI THIỆU", "TIN TỨC", "LIÊN HỆ": a menu in capitals ("Thu Hòa/VOV4" is no item)
        if found and capitals and following in beside:
            return None  # "ĐỀ CƯƠNG TUYÊN TRUYỀN" over "Thanh Bình": a heading in capitals over the byline
        if found and self.rules.label.search(self.folded[i]) is not None:
            return None  # "BÀI MỚI ĐĂNG", "BẢN ĐỒ HÀNH CHÍNH": a widget's label in capitals
        if found and spelled_by_host(" ".join(found), self.url, SITE_NAME_LETTERS):
            return None  # "Mạng Y Tế" on mangyte.vn: the site signs its pages, no person
        if found and following is not None and self.rules.continuation.match(self.texts[following].strip()) \
                and not is_paragraph(self.texts[following]) and not self._furniture_at(following) \
                and has_lowercase(self.texts[i]) == has_lowercase(self.texts[following]):
            # a heading runs on in its own case ("Hồ Quân - Trung tâm ..." over "ĐỂ BÁO CHÍ LÀ" is a byline)
            return None  # "MỤC TIÊU, NHIỆM VỤ" then "VÀ CÁC GIẢI PHÁP ...": a heading over two lines
        return found


def _one_sentence_link(text: str) -> bool:
    """A line a list of links may hold: one sentence, a capital or a number first, a headline's length."""
    first = next((c for c in text if c.isalnum()), "")
    return (first.isupper() or first.isdigit()) and words(text) <= HEADLINE_MAX_WORDS \
        and SENTENCE_BREAK.search(text) is None
