"""Words, sentences and paragraphs of a segment, and the attribution rule file they are read with.

Figure attribution reads the words underthesea segmented (so "cho biết" is one word and its "cho"
never reads as the preposition), sentence by sentence, paragraph by paragraph. A rule term matches
only from a word's start to a word's end. The Vietnamese words live in `rules/attribution.yml`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import regex
from spacy.attrs import IDX, LENGTH, SENT_START

from pipeline.datetime_parse import birth_heads, founding_verbs
from pipeline.extract.document import Segment
from pipeline.extract.word_classes import word_class
from pipeline.rulebook import compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import CLOSING_TOKENS, OPENING_TOKENS, STOP_TOKENS

PLAIN_TABLES = (
    "source_after",
    "source_before",
    "source_nouns",
    "speaker_heads",
    "kin_words",
    "self_sources",
    "speaker_trim",
    "passive_markers",
    "continuation_openers",
    "breakdown_openers",
    "comparison_cues",
    "comparison_bases",
    "ratio_cues",
    "base_value_links",
    "base_value_nouns",
    "ranking_fields",
    "holding_verbs",
    "same_periods",
    "measure_introducers",
    "worth_words",
    "total_words",
    "classifiers",
    "person_classifiers",
    "money_nouns",
    "not_time_cues",
    "deadline_cues",
    "purpose_openers",
    "issuer_links",
    "time_after_cues",
    "period_cues",
    "future_periods",
    "not_subject_before",
    "award_words",
    "object_markers",
    "plural_markers",
    "distributives",
    "country_names",
    "generic_units",
    "composition_links",
    "composing_acts",
    "label_links",
    "demonstratives",
    "measure_openers",
    "figure_nouns",
    "quantity_heads",
    "measure_leads",
    "ratio_units",
    "multipliers",
    "part_links",
    "links",
    "comitative_links",
    "frames",
    "measure_stops",
    "share_stops",
    "place_blockers",
    "self_words",
    "anaphors",
    "body_heads",
    "acting_heads",
    "nation_attributes",
    "residence_words",
    "resident_words",
    "reporting_offices",
    "national_offices",
    "recurring_frames",
    "address_units",
    "group_heads",
    "group_self_words",
    "person_words",
    "present_words",
    "group_tails",
    "instrument_heads",
    "locatives",
    "verbs",
    "own_report_openers",
    "pair_cues",
    "plan_words",
    "assigning_verbs",
    "this_year_words",
    "past_year_words",
    "whole_year_words",
    "as_of_cues",
    "place_introducers",
    "owner_links",
    "area_links",
    "qualifying_periods",
    "whole_places",
    "since_cues",
    "span_start_cues",
    "span_end_cues",
    "year_end_words",
    "aspect_markers",
    "change_starts",
    "share_aspects",
    "area_tails",
    "list_joiners",
    "abbreviations",
    "period_joiners",
    "change_ends",
    "change_verbs",
    "until_now",
    "attendance_openers",
    "occasion_openers",
    "occasion_acts",
    "review_words",
    "plan_periods",
    "implementation_labels",
    "election_words",
    "congress_words",
    "delegation_links",
    "standing_measures",
    "attendance_links",
    "year_to_date_cues",
    "accruing_words",
    "stock_words",
    "fund_heads",
    "era_openers",
    "executive_committees",
    "age_units",
    "holding_events",
)
LEVELS = ("country", "province", "district", "commune")
PLACE_WORDS = lexicon_schema({"level": {"enum": list(LEVELS)}})
PLACE_WORDS["items"]["required"] = ["term", "gloss", "level"]
COMMITTEES = lexicon_schema({"body": {"type": "string"}})
COMMITTEES["items"]["required"] = ["term", "gloss", "body"]
SCHEMA = strict_object(
    {
        **{name: lexicon_schema() for name in PLAIN_TABLES},
        "place_words": PLACE_WORDS,
        "committees": COMMITTEES,
        "head_aliases": COMMITTEES,
    }
)
PUNCT = regex.compile(r"[^\p{L}\p{N}\s]+")
EDGE_PUNCT = regex.compile(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$")


@dataclass(frozen=True)
class Rules:
    """The rule file as lookup tables: table name -> lower-cased term -> value (True, or a level)."""

    tables: dict[str, dict[str, Any]]  # place_words give a level, committees a body head
    longest: dict[str, int]  # table name -> most syllables in one of its terms
    heads: dict[str, frozenset[str]]  # table name -> every leading run of a term's syllables
    tails: dict[str, frozenset[str]]  # table name -> every trailing run of a term's syllables

    def has(self, name: str, phrase: str) -> bool:
        """Whether `phrase` (any case and spacing) is a term of table `name`."""
        return " ".join(phrase.lower().split()) in self.tables[name]

    def get(self, name: str, phrase: str) -> Any:
        """The value `phrase` (any case and spacing) has in table `name` (a level, a body), else None."""
        return self.tables[name].get(" ".join(phrase.lower().split()))


@compiled
def rules() -> Rules:
    """Load and check `rules/attribution.yml` once per process."""
    data = load_rules("attribution", SCHEMA)
    tables = {
        name: {" ".join(e["term"].lower().split()): e.get("level", e.get("body", True)) for e in data[name]}
        for name in (*PLAIN_TABLES, "place_words", "committees", "head_aliases")
    }
    # a birth year is no period of a figure: the birth words of rules/dates.yml (the one list)
    tables["not_time_cues"].update(dict.fromkeys((" ".join(t.lower().split()) for t in birth_heads()), True))
    # the day something came to be frames no period after its sentence: the founding verbs of rules/dates.yml
    tables["founding_verbs"] = dict.fromkeys((" ".join(t.lower().split()) for t in founding_verbs()), True)
    longest = {name: max((len(t.split()) for t in table), default=1) for name, table in tables.items()}
    # a word that starts (ends) no term is rejected at once: most words start none
    heads = {
        name: frozenset(" ".join(t.split()[:k]) for t in table for k in range(1, len(t.split()) + 1))
        for name, table in tables.items()
    }
    tails = {
        name: frozenset(" ".join(t.split()[-k:]) for t in table for k in range(1, len(t.split()) + 1))
        for name, table in tables.items()
    }
    return Rules(tables, longest, heads, tails)


class Words:
    """A segment's word tokens in order: offsets, lower-cased text, and which words open sentences."""

    def __init__(self, segment: Segment, cuts: list[int] | None = None):
        """`cuts`: offsets where a word must end, such as a figure's end inside "đồng tiền lãi"."""
        self.segment = segment
        self.text = text = segment.text
        table = segment.doc.to_array([IDX, LENGTH, SENT_START]).tolist() if len(segment.doc) else []
        starts: list[int] = []
        ends: list[int] = []
        sentence_starts = {0}
        cut_at = sorted(set(cuts or ()))
        k, count = 0, len(cut_at)
        stops: list[int] = []  # the words that are a full stop, "?", "…": split-off pieces, never a word
        for idx, length, sent_start in table:
            end = idx + length
            if sent_start == 1:
                sentence_starts.add(idx)
            # words come in text order: k moves on (no search per word) to the first cut past idx
            while k < count and cut_at[k] <= idx:
                k += 1
            if text[idx].isalnum() and text[end - 1].isalnum() and not (k < count and cut_at[k] < end):
                starts.append(idx)  # most words: nothing to strip, split or cut
                ends.append(end)
                continue
            for piece_start, piece_end in _split(text, _pieces(text, idx, end), cut_at):
                if text[piece_start:piece_end] in STOP_TOKENS:
                    stops.append(len(starts))
                starts.append(piece_start)
                ends.append(piece_end)
        # the rules, read once: term_at runs ~1,000 times an article, mostly to reject a word at once
        self.rules = found = rules()
        # "9.146 USD. Đơn cử": a stop the segmenter kept inside a word still ends the sentence
        short = found.tables["abbreviations"]
        for k in stops:  # not every word: one with a letter or digit at both ends is no stop
            if k < len(starts) - 1 and not (
                k and ends[k - 1] == starts[k] and text[starts[k - 1] : ends[k - 1]].lower() in short
            ):  # "Tp. Phan Rang": an abbreviation's stop ends no sentence
                j = k + 1
                while j < len(starts) - 1 and text[starts[j] : ends[j]] in CLOSING_TOKENS:
                    j += 1
                first = text[starts[j] : ends[j]]
                if first[:1].isupper() or first[:1].isdigit() or first in OPENING_TOKENS:
                    sentence_starts.add(starts[j])
        self.starts, self.ends = starts, ends
        lowered = text.lower()
        if len(lowered) == len(text):  # one lower-casing for the whole string, sliced
            self.lower = [lowered[a:b] for a, b in zip(starts, ends, strict=True)]
        else:  # a letter whose lower case is longer ("İ"): word by word
            self.lower = [text[a:b].lower() for a, b in zip(starts, ends, strict=True)]
        joined = "\x00".join(self.lower)  # one look at all words: few hold a line break or two spaces
        if "  " in joined or "\n" in joined or "\t" in joined:
            for k, word in enumerate(self.lower):
                if "  " in word or "\n" in word or "\t" in word:
                    self.lower[k] = " ".join(word.split())
        self.sentence_starts = sorted(sentence_starts)
        self.punct = [
            not (w[:1].isalnum() or w[-1:].isalnum()) and PUNCT.fullmatch(w) is not None for w in self.lower
        ]
        self.paragraphs = paragraphs(text)
        self.paragraph_starts = [p[0] for p in self.paragraphs]

    def __len__(self) -> int:
        return len(self.starts)

    def at(self, pos: int) -> int:
        """Index of the first word starting at or after `pos`."""
        return bisect.bisect_left(self.starts, pos)

    def before(self, pos: int) -> int:
        """Index one past the last word ending at or before `pos`."""
        return bisect.bisect_right(self.ends, pos)

    def sentence(self, pos: int) -> tuple[int, int]:
        """Character bounds of the sentence holding `pos` (never across a paragraph break)."""
        i = max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)
        start = self.sentence_starts[i]
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        para_start, para_end = self.paragraph_bounds(pos)
        return max(start, para_start), min(end, para_end)

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph holding `pos`."""
        return max(0, bisect.bisect_right(self.paragraph_starts, pos) - 1)

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        """Character bounds of the paragraph holding `pos`."""
        return self.paragraphs[self.paragraph_index(pos)] if self.paragraphs else (0, len(self.text))

    def term_at(self, i: int, name: str, limit: int | None = None) -> int:
        """How many words from word `i` on spell the longest term of table `name` (0: none)."""
        found = self.rules
        if i >= len(self.lower) or self.lower[i] not in found.heads[name]:
            return 0
        table, most = found.tables[name], found.longest[name]
        best, phrase, syllables = 0, "", 0
        stop = min(len(self.starts), limit if limit is not None else len(self.starts))
        for j in range(i, stop):
            phrase = f"{phrase} {self.lower[j]}" if phrase else self.lower[j]
            syllables += self.lower[j].count(" ") + 1
            if syllables > most:
                break
            if phrase in table:
                best = j - i + 1
        return best

    def opens_with(self, i: int, name: str) -> bool:
        """Whether word `i` opens with a term of table `name`, also where the segmenter glued the term
        to the next word ("dự đại hội", "dự động viên"): a word longer than the term by more than one
        syllable, which no compound the term heads is ("dự án", "dự kiến" are one word, not "dự"); or
        by one syllable, a noun heading the phrase after it, where the word has no usual class of its
        own ("Dự kỳ | họp", "Dự Phiên | trù bị": not a compound the lexicon knows)."""
        if self.term_at(i, name):
            return True
        if i >= len(self.lower):
            return False
        syllables, table = self.lower[i].split(), self.rules.tables[name]
        if any(" ".join(syllables[:k]) in table for k in range(1, len(syllables) - 1)):
            return True
        return (
            len(syllables) > 1
            and " ".join(syllables[:-1]) in table
            and word_class(self.lower[i]) is None
            and word_class(syllables[-1]) == "noun"
        )

    def none_of(self, i: int, j: int, *names: str) -> bool:
        """Whether no word of i..j-1 can start a term of the named tables (a quick pass in C)."""
        found, span = self.rules, self.lower[i:j]
        return all(found.heads[name].isdisjoint(span) for name in names)

    def term_before(self, i: int, name: str, floor: int = 0) -> int:
        """How many words right before word `i` spell the longest term of table `name` (0: none)."""
        found = self.rules
        if i <= max(floor, 0) or self.lower[i - 1] not in found.tails[name]:
            return 0
        table, most = found.tables[name], found.longest[name]
        best, phrase, syllables = 0, "", 0
        for j in range(i - 1, max(floor, 0) - 1, -1):
            phrase = f"{self.lower[j]} {phrase}" if phrase else self.lower[j]
            syllables += self.lower[j].count(" ") + 1
            if syllables > most:
                break
            if phrase in table:
                best = i - j
        return best

    def phrase(self, i: int, j: int) -> str:
        """The text of words i..j-1 as written."""
        return self.text[self.starts[i] : self.ends[j - 1]] if j > i else ""

    def is_punct(self, i: int) -> bool:
        """Whether word `i` is punctuation only."""
        return self.punct[i]

    def compared(self, i: int, back: int, table: str = "comparison_bases") -> bool:
        """Whether word `i` stands in the base of an explicit comparison: a term of `comparison_bases`
        (or of `table`) ends at most `back` words before it, in the same clause ("so với bình quân cả
        nước", "so với cùng kỳ của năm 2019"). Never a base closing the sentence before ("... tăng 385%
        so với cùng kỳ. Riêng tháng 12/2022, ..."): the look stays inside the word's sentence."""
        first = self.at(self.sentence(self.starts[i])[0]) if i < len(self.starts) else 0
        for k in range(i, max(i - back, first + 1, 1) - 1, -1):
            if self.term_before(k, table, k - 3):
                return True
            if k < i and self.is_punct(k):
                return False
        return False


def _split(text: str, pieces: list[tuple[int, int]], cuts: list[int]) -> list[tuple[int, int]]:
    """Pieces cut at the given offsets where a space falls there ("đồng tiền" after "300.000 đồng")."""
    if not cuts:
        return pieces
    out = []
    for start, end in pieces:
        inside = cuts[bisect.bisect_right(cuts, start) : bisect.bisect_left(cuts, end)]
        for cut in inside:
            if text[cut : cut + 1].isspace() or text[cut - 1 : cut].isspace():
                left = text[start:cut].rstrip()
                if left:
                    out.append((start, start + len(left)))
                start = cut + len(text[cut:end]) - len(text[cut:end].lstrip())
        if start < end:
            out.append((start, end))
    return out


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A segmenter token without surrounding spaces, its leading and trailing punctuation split off
    (the segmenter sometimes keeps " USD." whole); inner marks stay ("T.H", "GD&ĐT", "9.146")."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    word = text[start:end]
    if not word or PUNCT.fullmatch(word):
        return [(start, end)] if word else []
    pieces, lead = [], EDGE_PUNCT.match(word)
    if lead and lead.start() == 0 and lead.end():
        pieces += _marks(text, start, range(lead.end()))
        start += lead.end()
        word = text[start:end]
    tail = EDGE_PUNCT.search(word)
    if tail and tail.end() == len(word) and tail.start() > 0:
        pieces.append((start, start + tail.start()))
        pieces += _marks(text, start, range(tail.start(), len(word)))
    else:
        pieces.append((start, end))
    return pieces


def _marks(text: str, start: int, offsets: range) -> list[tuple[int, int]]:
    """One piece per mark at `offsets` from `start`, leaving out the spaces between them (the segmenter
    keeps "doanh nghiệp.... Toàn" as "doanh nghiệp" and ".... Toàn": a space is no word)."""
    return [(start + k, start + k + 1) for k in offsets if not text[start + k].isspace()]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character bounds of the non-empty lines of a segment (the body joins paragraphs by blank lines)."""
    found, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            found.append((pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    return found or [(0, len(text))]
