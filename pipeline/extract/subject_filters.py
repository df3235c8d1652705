"""Which names a sentence offers are no subject of its figures (spec section 4a `subject`).

Recipients and partners ("gửi Bộ GD&ĐT", "phối hợp với HTX Kim Hưng, Công ty Ánh Sáng"), kinds
("các TCCSĐ"), a document's issuer ("Chỉ thị 05 của Bộ Chính trị"), the body that set a target
("chỉ tiêu Quốc hội, Chính phủ giao"), the body holding the congress a delegation goes to ("đoàn đại
biểu đi dự Đại hội Đảng bộ Khối X"), a name describing the one before it in brackets, a fund used
inside someone's clause; the clause openings that decide it, and where a group's phrase ends
("khu vực nông, lâm nghiệp và thủy sản"). A part of `subjects.Namer`, which
gives it the segment's words, marks and mentions. The words are in `rules/attribution.yml`.
"""

from __future__ import annotations

import regex

from pipeline.extract.clauses import Words, rules
from pipeline.extract.measure_phrases import Marks
from pipeline.model import Mention
from pipeline.rulebook import compiled
from pipeline.text import alternation

LIST_ITEM_WORDS = 3  # an item of a list of nouns ("cơ quan, đơn vị, doanh nghiệp")
DASHES = ("-", "–", "—")
NAME_WORDS = 6  # the longest name a dash may follow, in words
ADDRESS_WORDS = 12  # how far back an address goes ("trú tại tổ 3, khu phố 2, phường X, quận Y")
LIST_SEPARATORS = frozenset(",;:(")  # what separates a list's items ("Tân Uyên 95; Phú Giáo 88")
GROUP_ENDS = ("frames", "links", "measure_stops", "verbs", "source_after")  # where a group's phrase ends
GROUP_WORDS = 8  # the longest group phrase, in words
AWARD_TITLE_WORDS = 3  # a title between "của" and the issuer's name ("Chủ tịch", "Trung ương")
AWARD_QUALIFIERS = 4  # qualifiers between an award and "của" ("cờ thi đua | xuất sắc | của")
DELEGATION_REACH = 80  # characters before a body its congress's name and the delegation may take


class SubjectFilters:
    """The tests that keep a name from being a subject, over one segment's words."""

    words: Words
    marks: Marks
    mentions: list[Mention]
    named_spans: list[tuple[int, int]]  # the bodies, places and people the segment names

    def predicate_at(self, i: int) -> bool:
        """Whether word `i`, right after a name, opens its predicate: a word in lower case, no
        punctuation, list joiner or link ("UBND tỉnh Bắc Ninh | mời đầu tư dự án ... tại phường Quế
        Võ": the place is where the actor acts, whatever its verb)."""
        words = self.words
        if i >= len(words) or words.is_punct(i) or not words.text[words.starts[i]].islower():
            return False
        return not any(words.term_at(i, table) for table in ("list_joiners", "links", "owner_links"))

    def _instrument(self, i: int) -> bool:
        """Whether a name at word `i` is a fund or programme used inside someone's clause ("TP đã sử
        dụng Quỹ Vì người nghèo trao tặng ..."): the means, not whose figure it is."""
        k = i
        while k > 0 and self.words.lower[k - 1] in ("“", '"'):
            k -= 1  # "Quỹ “Vì người nghèo”" and "“Quỹ vì người nghèo”" alike
        return bool(self.words.term_at(i, "instrument_heads")) and not self.opens_clause(k)

    def _listed_noun(self, i: int) -> bool:
        """Whether word `i` only goes on with a list of nouns a count or plural opened ("của 103 cơ
        quan, đơn vị, doanh nghiệp", "các xã, thị trấn"): its comma joins nouns, it opens no clause."""
        words, k = self.words, i
        while k > 0 and words.lower[k - 1] == ",":
            j = k - 1
            while j > 0 and j > k - 1 - LIST_ITEM_WORDS and not words.is_punct(j - 1):
                j -= 1
                before = words.lower[j - 1] if j > 0 else ""
                counted = before[:1].isdigit() and not self.marks.dated[j - 1]  # not "6 tháng đầu năm"
                if counted or rules().has("plural_markers", before):
                    return True
            k = j
        return False

    def opens_clause(self, i: int) -> bool:
        """Whether word `i` opens a clause: first of its string, after punctuation, after a date that
        frames it ("năm 2020 toàn tỉnh kết nạp ...") or a recurrence opening it ("Mỗi tháng Liên đội
        sẽ ..."), after a topic's "thì" ("đối với giáo dục phổ thông thì nhà nước phải lo"), or after
        a reporting verb ("đề nghị cấp ủy, chính quyền địa phương ...")."""
        words = self.words
        if i == 0 or words.is_punct(i - 1) or self.marks.dated[i - 1] or words.lower[i - 1] == "thì":
            return True
        n = words.term_before(i, "recurring_frames", i - 3)
        if n and (i - n == 0 or words.is_punct(i - n - 1)):
            return True
        return bool(words.term_before(i, "source_after", i - 3))

    def enumerated(self, mentions: list[Mention]) -> set[int]:
        """Starts of the names an enumeration lists: two or more names joined by commas or a list
        joiner alone, after a colon or a word opening a list ("11 huyện: Cẩm Khê, ..., Thanh Thủy và
        Yên Lập với 225 đơn vị hành chính cấp xã", "7 CLB bao gồm: Cẩm Phả, ... và Vân Đồn, với 11 ý
        tưởng"): the members of what is counted, none of them whose figure comes after; the last
        stating its own figure ("như tỉnh Hòa Bình, Phú Thọ và Hà Nội là 156mm") is that item's."""
        text, found = self.words.text, set()
        names = sorted((m for m in mentions if m.type in ("ORG", "LOC")), key=lambda m: m.start)
        chain: list[Mention] = []
        for m in [*names, None]:
            if m is not None and chain and self._joined(text[chain[-1].end : m.start]):
                chain.append(m)
                continue
            if len(chain) >= 2 and self._enumeration_opens(chain[0]):
                found.update(c.start for c in chain if not self._states_own(c))
            chain = [m] if m is not None else []
        return found

    def _states_own(self, m: Mention) -> bool:
        """Whether a listed name states its own figure through a link ("và Hà Nội là 156mm"), not one
        joining the whole list to what it has ("và Yên Lập với 225 đơn vị": all eleven districts')."""
        j = self.words.before(m.end)
        return self._states_figure(m) and not self.words.term_at(j, "comitative_links")

    def _joined(self, between: str) -> bool:
        """Whether the text between two names only joins them as items of a list (", ", " và "), with
        other names the extractors did not take between them (", Đông Triều, Hạ Long, ")."""
        parts = between.split(",")
        if len(parts) == 1 and not rules().has("list_joiners", between.strip().lower()):
            return False  # neither a comma nor "và" between them
        for part in parts:
            written = part.split()
            if written and rules().has("list_joiners", written[0].lower()):
                written = written[1:]  # "và Vân Đồn"
            if written and (len(written) > NAME_WORDS or not all(w[:1].isupper() for w in written)):
                return False
        return True

    def _enumeration_opens(self, m: Mention) -> bool:
        """Whether a name opens an enumeration: right after a colon (or with one the extractor read into
        it: "huyện: Cẩm Khê"), or after a word that opens a list ("gồm", "bao gồm", "như"), a bracket
        between them allowed ("(gồm Thái Nguyên")."""
        words = self.words
        k = words.at(m.start)
        if ":" in m.text:
            return True
        if k > 0 and words.lower[k - 1] == "(":
            k -= 1
        if k > 0 and words.lower[k - 1] == ":":
            return True
        return bool(words.term_before(k, "breakdown_openers", k - 3))

    def _listed_after(self, i: int, blocked_ends: set[int]) -> bool:
        """Whether word `i` opens a name listed after a blocked one ("phối hợp với HTX Kim Hưng, Công
        ty Ánh Sáng và Phòng Lao động huyện mở 8 lớp": every partner, not only the first)."""
        words, k = self.words, i
        while k > 0 and (words.lower[k - 1] == "," or words.term_at(k - 1, "list_joiners", i)):
            k -= 1
        return k < i and k - 1 in blocked_ends

    def _blocked(self, i: int, m: Mention) -> bool:
        words = self.words
        k = i
        while k > 0 and words.lower[k - 1] in (":", "“", '"', "("):
            k -= 1
        for table in ("not_subject_before", "plural_markers", "self_sources"):
            if words.term_before(k, table, k - 3):
                return True
        # "kiểm tra đối với Ban Thường vụ Huyện ủy X": the object of the act, unless the phrase opens
        # the clause as its topic ("Đối với Hội Nông dân, ...")
        if (n := words.term_before(k, "object_markers", k - 3)) and not self.opens_clause(k - n):
            return True
        if k > 1 and words.lower[k - 1] in DASHES:  # "phối hợp với Quỹ Thiện Tâm – Tập đoàn Vingroup"
            j = k - 1
            while j > 0 and k - j <= NAME_WORDS and words.text[words.starts[j - 1]][:1].isupper():
                j -= 1  # back over the capitalised name the dash follows
            if j < k - 1 and words.term_before(j, "not_subject_before", j - 3):
                return True  # the partner's owner or full name: a partner too
        country = m.type == "LOC" and m.attrs.get("level") == "country"
        if country and words.term_before(k, "nation_attributes", k - 3):
            return True  # "bà mẹ Việt Nam anh hùng", "dân tộc Việt Nam": who people are, not a place
        if k > 1 and words.lower[k - 1] == "của" and self._document_before(k - 2):
            return True  # "Chỉ thị 05 của Bộ Chính trị": the issuer of a document
        if self._award_issuer(k):
            return True
        if self._target_setter(k, m) or self._delegated(m):
            return True
        if m.type == "LOC" and self._residence(k):
            return True  # "Hoàng Thị Trang (1963), trú xóm 7, xã Thanh Hà": where a person lives
        if (
            m.type == "PER"
        ):  # a person opening a clause ("chị T.H cho biết"), not "ngày sinh Chủ tịch Hồ Chí Minh"
            start = i - self.titled(m)
            return not (start == 0 or words.is_punct(start - 1))
        return False

    def _award_issuer(self, k: int) -> bool:
        """Whether the name at word `k` issues an award that someone else hands out or units receive
        ("trao bằng khen của Trung ương Hội Nông dân Việt Nam cho 4 tập thể", "cờ thi đua xuất sắc của
        UBND tỉnh cho 48 đơn vị"): back over a capitalised title ("Chủ tịch UBND tỉnh") to "của", then
        over a few lower-case qualifiers to an award word. Like a document's, the issuer owns no count."""
        words, j = self.words, k
        while j > 0 and k - j < AWARD_TITLE_WORDS and words.text[words.starts[j - 1]][:1].isupper():
            j -= 1
        if j < 2 or words.lower[j - 1] != "của":
            return False
        for end in range(j - 1, max(0, j - 1 - AWARD_QUALIFIERS), -1):
            if words.term_before(end, "award_words"):
                return True
            if words.is_punct(end - 1) or not words.text[words.starts[end - 1]][:1].islower():
                return False
        return False

    def _delegated(self, m: Mention) -> bool:
        """Whether a body is named in the name of the congress a delegation goes to ("bầu đoàn đại biểu
        đi dự Đại hội Đảng bộ Khối X lần thứ II gồm 10 đại biểu"): the delegates are the electing
        body's; the body holding that congress owns none of the figures."""
        text = self.words.text
        return bool(delegation_pattern().search(text, max(0, m.start - DELEGATION_REACH), m.start))

    def _residence(self, i: int) -> bool:
        """Whether a place at word `i` goes on a person's address ("trú tại bản Púng Bửa, xã Na Ư,
        huyện Điện Biên"): back over names, numbers, commas and address words to a residence word."""
        words = self.words
        for k in range(i - 1, max(-1, i - ADDRESS_WORDS), -1):
            if words.term_before(k + 1, "residence_words", k - 2):
                return True
            word = words.text[words.starts[k] : words.ends[k]]
            address = word == "," or word[:1].isupper() or word[:1].isdigit()
            if not (address or words.term_at(k, "address_units") or words.term_at(k, "place_words")):
                return False
        return False

    def _states_figure(self, m: Mention) -> bool:
        """Whether a name is the grammatical subject of a link verb right before a figure ("gồm: Bắc
        Giang tăng 14,14%, Khánh Hòa tăng 12,73%"), or the label right before it ("; Đảng bộ huyện Ninh
        Sơn 45,16%;"): each item's own actor, even where a measure read over it."""
        words, marks = self.words, self.marks
        i, j = words.at(m.start), words.before(m.end)
        # it opens its item: after punctuation, a list joiner, "gồm", "tại"; not an object ("rót vào X")
        opens = (
            i == 0
            or words.is_punct(i - 1)
            or any(words.term_before(i, t, i - 2) for t in ("list_joiners", "breakdown_openers", "locatives"))
        )
        if not opens or j >= len(words) or words.is_punct(j):
            return False
        n = words.term_at(j, "links")
        # "...; Đảng bộ huyện Ninh Sơn 45,16%; ...": a label right before its figure opens an item after
        # a list's own separator or joiner, not after a venue's "ở" ("giải đấu ở châu Âu 4 năm tổ chức
        # một lần") nor a dash joining two names ("nút giao Nguyễn Văn Linh - QL 1A 2km")
        if not n and not (
            i == 0
            or words.lower[i - 1] in LIST_SEPARATORS
            or any(words.term_before(i, t, i - 2) for t in ("list_joiners", "breakdown_openers"))
        ):
            return False
        return j + n < len(words) and bool(marks.blocked[j + n]) and not marks.dated[j + n]

    def _target_setter(self, k: int, m: Mention) -> bool:
        """Whether the name at word `k` set a target others are measured against ("đạt chỉ tiêu Quốc
        hội, Chính phủ giao", "kế hoạch do UBND tỉnh giao"): after a plan word or "do", before an
        assigning verb past the list it opens; the body that set it is not whose figure it is."""
        words = self.words
        if not (words.term_before(k, "plan_words", k - 3) or (k > 0 and words.lower[k - 1] == "do")):
            return False
        names = self.named_spans
        j = words.before(m.end)
        # past the names listed with it ("Quốc hội, Chính phủ giao")
        while j < len(words) and (
            words.lower[j] == ","
            or words.term_at(j, "list_joiners")
            or any(a <= words.starts[j] < b for a, b in names)
        ):
            j += 1
        return bool(words.term_at(j, "assigning_verbs"))

    def _apposed(self, m: Mention, mentions: list[Mention]) -> bool:
        """A name in brackets right after another ("anh N.T (Hà Nội)"): it describes that one."""
        text = self.words.text
        before = text[: m.start].rstrip()
        if not before.endswith("("):
            return False
        opening = len(before) - 1
        return any(0 <= opening - other.end <= 1 for other in mentions if other is not m)

    def _document_before(self, i: int) -> bool:
        """Whether word `i` ends a document's reference, past its date ("Nghị định số 05/2011/NĐ-CP
        ngày 14/1/2011", "Báo cáo số 331/BC-TCTK ngày 29/12/2022 của ..."): its "của" names the issuer."""
        words, dated = self.words, self.marks.dated
        while i > 0 and (dated[i] or words.lower[i] in ("ngày", ",", "(", ")")):
            i -= 1  # "ngày" opens the date without being part of it
        return bool(self.marks.blocked[i]) and self._directive_at(i)

    def _directive_at(self, i: int) -> bool:
        start = self.words.starts[i]
        return any(m.type == "DIRECTIVE" and m.start <= start < m.end for m in self.mentions)

    def titled(self, m: Mention) -> int:
        """How many words of title or kin stand right before a person's name ("chị" of "chị T.H")."""
        i = self.words.at(m.start)
        return self.words.term_before(i, "speaker_heads", i - 3)

    def _in_noun_list(self, i: int, j: int, first: int, stop: int) -> bool:
        """Whether a group phrase [i, j) only goes on a list of nouns inside a clause (from word `first`)
        ("Đảng bộ huyện X lãnh đạo, chỉ đạo chính quyền, nhân dân địa phương đoàn kết, ...", "của toàn
        thể cán bộ, công nhân lao động, ..."): after a comma past the sentence's opening phrase, with
        no predicate after it; after the opening phrase's comma it opens the clause ("Đến nay, các
        huyện, thị xã ... duy trì")."""
        words = self.words
        if i == first or words.lower[i - 1] != "," or not (j >= stop or words.is_punct(j)):
            return False
        # past the other items of its own list ("các huyện, thị xã, thành phố | là 1 tỷ"): a predicate acts
        while j < stop and words.lower[j] == ",":
            j = self._phrase_end(j + 1, stop, j + 1 + LIST_ITEM_WORDS)
        if j < stop and any(words.term_at(j, t, stop) for t in ("links", "aspect_markers", "verbs")):
            return False
        return any(words.is_punct(k) for k in range(first, i - 1))

    def _acts(self, j: int, stop: int) -> bool:
        """Whether a verb or an aspect marker follows at word `j`, past the other items of a list
        the phrase before it opens ("Bệnh viện X | và các PKĐKKV | đã khám")."""
        words = self.words
        while (n := words.term_at(j, "list_joiners", stop)) and j + n < stop:
            j = self._phrase_end(j + n, stop)
        return bool(words.term_at(j, "aspect_markers", stop) or words.term_at(j, "verbs", stop))

    def _coordinated_end(self, i: int, j: int, stop: int) -> int:
        """Where a group phrase opening at word `i` ends past the nouns coordinated at its end (at word
        `j`): "khu vực nông, lâm nghiệp và thủy sản", "khu vực công nghiệp và xây dựng" (the word after
        "và" is a noun of the list even where it reads as a verb)."""
        words, cap = self.words, min(stop, i + GROUP_WORDS)
        while j < cap:
            if words.lower[j] == ",":
                ahead = range(j + 1, min(j + 4, cap))
                joiner = next((k for k in ahead if words.term_at(k, "list_joiners", cap)), None)
                if joiner is None or any(words.is_punct(k) for k in range(j + 1, joiner)):
                    return j
                j = joiner
            elif n := words.term_at(j, "list_joiners", cap):
                if j + n >= cap or words.is_punct(j + n):
                    return j
                j = self._phrase_end(j + n + 1, stop, cap)
            else:
                return j
        return j

    def _phrase_end(self, j: int, stop: int, cap: int | None = None) -> int:
        """Where a phrase going on at word `j` ends: at punctuation, another mention's words, or a
        verb, link, frame or cue word (`GROUP_ENDS`); by word `cap` at the latest."""
        words, cap = self.words, min(stop, cap if cap is not None else j + GROUP_WORDS)
        while j < cap and not (
            words.is_punct(j) or self.marks.blocked[j] or any(words.term_at(j, t) for t in GROUP_ENDS)
        ):
            j += 1
        return j


@compiled
def delegation_pattern() -> regex.Pattern:
    """A delegation going to a congress, then the congress word and its lower-case qualifiers ("đoàn
    đại biểu đi dự Đại hội", "Đoàn đại biểu dự Đại hội đại biểu toàn quốc"), ending where a name opens."""
    links = alternation(rules().tables["delegation_links"], spaces="any")
    congress = alternation(rules().tables["congress_words"], spaces="any")
    return regex.compile(
        rf"(?<!\p{{L}}){links}\s+{congress}(?:\s+(?-i:\p{{Ll}}+)){{0,4}}\s+$", regex.IGNORECASE
    )
