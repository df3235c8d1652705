"""Sentences and words by underthesea, carried in a spaCy Doc whose offsets match the text exactly.

underthesea splits codes such as ``05-CT/TW`` and numbers such as ``3.650`` into pieces; we find
those *protected spans* first and merge whatever the segmenter did inside them into one token.
spaCy's own Vietnamese tokenizer needs pyvi, so a blank ``vi`` pipeline gets ours instead.
"""

from __future__ import annotations

import unicodedata

import numpy
import regex
import spacy
from spacy.attrs import SENT_START
from spacy.tokens import Doc
from spacy.util import registry

from pipeline.extract.segmenter import load_segmenter
from pipeline.rulebook import compiled
from pipeline.text import CLOSING_TOKENS, STOP_TOKENS, eth_as_dj

LETTER = regex.compile(r"\p{L}")
# Spans the segmenter must not cut: document symbols, dates, times, numbers with separators, %.
PROTECTED = regex.compile(
    r"""
    \d{1,5}(?:/\d{4})?[-/][\p{Lu}Đđ][\p{L}\d&]*(?:[-/][\p{Lu}Đđ][\p{L}\d&]*)+   # 05-CT/TW 30/2020/NĐ-CP
    | \d{1,5}/\d{4}/[\p{Lu}Đ][\p{L}\d]*                                       # 59/2020/QH14
    | \d{1,2}[-/.]\d{1,2}[-/.]\d{4}                                            # 7-4-2021
    | \d{1,2}h\d{0,2}(?!\p{L})                                                 # 23h50
    | \d{1,2}:\d{2}(?::\d{2})?                                                 # 06:35
    | \d+(?:[.,]\d+)*\s?%                                                      # 97,5 %
    | \d+(?:[.,]\d+)+                                                          # 3.650 1.234,5
    """,
    regex.VERBOSE | regex.V1,
)


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Character spans that must stay one token."""
    return [m.span() for m in PROTECTED.finditer(text)]


def _align(text: str, tokens: list[str], offset: int = 0) -> list[tuple[int, int]]:
    """Character spans of segmenter tokens in `text`.

    A multi-syllable word must be contiguous up to spaces; where the segmenter joined syllables
    across a line break (or rewrote one), the pieces become words of their own.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for token in tokens:
        word_start = word_end = -1
        for syllable in token.split():
            # most syllables stand right at `pos` or after one space: `_locate` only for the others
            if text.startswith(syllable, pos):
                found = pos
            elif text[pos:pos + 1] == " " and text.startswith(syllable, pos + 1):
                found = pos + 1
            else:
                found = _locate(text, syllable, pos)
                if found < 0:
                    continue
            if word_start >= 0 and (text[word_end:found].strip() or "\n" in text[word_end:found]):
                spans.append((offset + word_start, offset + word_end))
                word_start = -1
            if word_start < 0:
                word_start = found
            word_end = pos = found + len(syllable)
        if word_start >= 0:
            spans.append((offset + word_start, offset + word_end))
    return spans


def _toneless(text: str) -> str:
    """The text without combining marks (đ and case kept), to match a syllable the segmenter rewrote."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _locate(text: str, syllable: str, pos: int) -> int:
    """Where a segmenter syllable stands in `text` from `pos`: right there even when the segmenter
    rewrote its tone placement ("hoá" given back as "hóa"); further on only across non-letters, so
    one rewritten syllable never swallows the text up to its next exact occurrence."""
    at = pos
    while at < len(text) and text[at].isspace():
        at += 1
    if text.startswith(syllable, at):
        return at
    here = text[at:at + len(syllable)]
    if len(here) == len(syllable) and _toneless(here) == _toneless(syllable):
        return at
    found = text.find(syllable, pos)
    return found if found >= 0 and not LETTER.search(text, pos, found) else -1


Spans = list[tuple[int, int]]


def _apply_protection(spans: Spans, protected: Spans) -> Spans:
    """Merge tokens inside each protected span into one token, cutting tokens that straddle it."""
    if not protected:
        return spans
    out: list[tuple[int, int]] = []
    pi = 0
    for start, end in spans:
        while pi < len(protected) and protected[pi][1] <= start:
            pi += 1
        if pi >= len(protected) or end <= protected[pi][0]:
            out.append((start, end))
            continue
        p_start, p_end = protected[pi]
        if start < p_start:
            out.append((start, p_start))
        if not out or out[-1] != (p_start, p_end):
            out.append((p_start, p_end))
        if end > p_end:
            # the tail after the protected span may reach into the next one; keep it simple and plain
            out.append((p_end, end))
    # fill any gap the segmenter skipped inside a protected span is already covered; dedupe overlaps
    cleaned: list[tuple[int, int]] = []
    for start, end in sorted(out):
        if cleaned and start < cleaned[-1][1]:
            start = cleaned[-1][1]
        if start < end:
            cleaned.append((start, end))
    return cleaned




def _opens_sentence(text: str) -> bool:
    """Whether a word may open a sentence: a capital, a digit, an opening quote, bracket or dash."""
    first = text[:1]
    return first.isupper() or first.isdigit() or first in "“\"'‘(«-–—•*"


def sentence_starts(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Offsets where sentences start: after a line break, or after . ! ? (and closing quotes)
    when the next word opens a sentence. Cheaper than a second segmentation pass and as good on news."""
    starts: set[int] = set()
    ended = True
    previous_end, previous_word = 0, ""
    for i, (start, end) in enumerate(spans):
        if ended or text.find("\n", previous_end, start) >= 0:
            starts.add(start)
        word = text[start:end]
        if word in STOP_TOKENS or (ended and word in CLOSING_TOKENS and previous_word in STOP_TOKENS):
            ended = i + 1 < len(spans) and _opens_or_closes(text, spans[i + 1])
        else:
            ended = False
        previous_end, previous_word = end, word
    return starts


def _opens_or_closes(text: str, span: tuple[int, int]) -> bool:
    """Whether the word at `span` opens a sentence, or is a closing quote or bracket (after a full stop)."""
    word = text[span[0]:span[1]]
    return word in CLOSING_TOKENS or _opens_sentence(word)


# underthesea's own regex tokenizer is quadratic on long unbroken runs ("1.1.1.1…", "40-50-40-…");
# such a run is one token of ours anyway, so it is kept away from the segmenter.
LONG_RUN = regex.compile(r"\S{64,}")


@compiled
def segmenter():
    """underthesea's `word_tokenize`, through the faster path of `segmenter.py`, cut where a word glues a
    name to a common word (`name_cuts.py`)."""
    return load_segmenter(cut_names=True)


def word_tokenize(text: str) -> list[str]:
    """The words of `text`, as `underthesea.word_tokenize(text)` gives them but for the name cuts."""
    return segmenter()(text)


def _segment(text: str) -> list[tuple[int, int]]:
    """Word spans from underthesea, long unbroken runs taken as single tokens."""
    text = eth_as_dj(text)  # the segmenter takes a line with an eth for one word; spans keep their offsets
    spans: list[tuple[int, int]] = []
    pos = 0
    for run in LONG_RUN.finditer(text):
        if text[pos:run.start()].strip():
            spans += _align(text[pos:run.start()], word_tokenize(text[pos:run.start()]), pos)
        spans.append(run.span())
        pos = run.end()
    if text[pos:].strip():
        spans += _align(text[pos:], word_tokenize(text[pos:]), pos)
    return spans


def word_spans(text: str) -> list[tuple[int, int]]:
    """Word spans over the whole text, protected spans kept whole."""
    return _apply_protection(_segment(text), _protected_spans(text))


def _doc_from_spans(vocab, text: str, spans: list[tuple[int, int]], sent_starts: set[int]) -> Doc:
    """A Doc whose tokens are `spans` and whose gaps become whitespace, so doc.text == text."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[int] = []  # 1 opens a sentence, -1 does not (spaCy's SENT_START values)
    pos = 0
    for start, end in [*spans, (len(text), len(text))]:  # the last "span" takes the trailing gap
        if start > pos:  # the gap before the word: a space after the last word, else a token of its own
            between = text[pos:start]
            if words and not spaces[-1] and between[0] == " ":
                spaces[-1] = True
                between = between[1:]
            if between:
                words.append(between)
                spaces.append(False)
                starts.append(-1)
        if end > start:
            words.append(text[start:end])
            spaces.append(False)
            starts.append(1 if start in sent_starts else -1)
        pos = end
    doc = Doc(vocab, words=words, spaces=spaces)
    if starts:
        starts[0] = 1
        # what Doc(sent_starts=...) does, without its per-token Python loop
        doc.from_array([SENT_START], numpy.array(starts, dtype=numpy.int32).astype(numpy.uint64))
    return doc


class UndertheseaTokenizer:
    """spaCy tokenizer: text -> Doc with underthesea sentences and words, protected spans whole."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        spans = word_spans(text) if text.strip() else []
        return _doc_from_spans(self.vocab, text, spans, sentence_starts(text, spans))

    # spaCy serialises tokenizers with the pipeline; ours has no state to save.
    def to_bytes(self, **_kwargs) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kwargs) -> UndertheseaTokenizer:
        return self

    def to_disk(self, _path, **_kwargs) -> None:
        return None

    def from_disk(self, _path, **_kwargs) -> UndertheseaTokenizer:
        return self


@registry.tokenizers("vnie.underthesea_tokenizer.v1")
def create_underthesea_tokenizer():
    """Registry entry so a config can name our tokenizer; spaCy calls the result with the nlp."""

    def make_tokenizer(nlp) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab)

    return make_tokenizer


@compiled
def blank_vi():
    """The blank Vietnamese pipeline with our tokenizer, built once per process."""
    config = {"nlp": {"tokenizer": {"@tokenizers": "vnie.underthesea_tokenizer.v1"}}}
    nlp = spacy.blank("vi", config=config)
    # spaCy's 1M-character guard protects its parser's memory; we only tokenize, and ingest caps size
    nlp.max_length = 50_000_000
    return nlp


def tokenize(text: str) -> Doc:
    """Segment `text` into a Doc (sentences and words) with exact character offsets."""
    return blank_vi()(text)
