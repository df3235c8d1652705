"""Sentences and words by underthesea, carried in a spaCy Doc whose offsets match the text exactly.

underthesea splits codes such as ``05-CT/TW`` and numbers such as ``3.650`` into pieces; we find
those *protected spans* first and merge whatever the segmenter did inside them into one token.
spaCy's own Vietnamese tokenizer needs pyvi, so a blank ``vi`` pipeline gets ours instead.
"""

from __future__ import annotations

from functools import lru_cache

import regex
import spacy
from spacy.tokens import Doc
from spacy.util import registry
from underthesea import sent_tokenize, word_tokenize

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
    """Character spans of segmenter tokens in `text`; tokens the segmenter rewrote are skipped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for token in tokens:
        syllables = token.split()
        if not syllables:
            continue
        start = text.find(syllables[0], pos)
        if start < 0:
            continue
        end = start + len(syllables[0])
        for syllable in syllables[1:]:
            nxt = text.find(syllable, end)
            # a multi-syllable word must be contiguous up to whitespace
            if nxt < 0 or text[end:nxt].strip():
                break
            end = nxt + len(syllable)
        spans.append((offset + start, offset + end))
        pos = end
    return spans


def _apply_protection(spans: list[tuple[int, int]], protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans: underthesea's splitter inside each line, since a line break always ends one."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        if line.strip():
            for start, end in _align(line, sent_tokenize(line)):
                spans.append((line_start + start, line_start + end))
        line_start += len(line) + 1
    return spans


def word_spans(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Word spans over the whole text, segmented sentence by sentence."""
    spans: list[tuple[int, int]] = []
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        words = _align(sentence, word_tokenize(sentence), s_start)
        protected = [(a + s_start, b + s_start) for a, b in _protected_spans(sentence)]
        spans.extend(_apply_protection(words, protected))
    return spans


def _doc_from_spans(vocab, text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> Doc:
    """A Doc whose tokens are `spans` and whose gaps become whitespace, so doc.text == text."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    sent_starts = {s for s, _ in sentences}
    pos = 0

    def gap(upto: int) -> None:
        between = text[pos:upto]
        if not between:
            return
        if between == " " and words and not spaces[-1]:
            spaces[-1] = True
            return
        if words and not spaces[-1] and between.startswith(" "):
            spaces[-1] = True
            between = between[1:]
        if between:
            words.append(between)
            spaces.append(False)
            starts.append(False)

    for start, end in spans:
        gap(start)
        words.append(text[start:end])
        spaces.append(False)
        starts.append(start in sent_starts)
        pos = end
    gap(len(text))
    if starts:
        starts[0] = True
    return Doc(vocab, words=words, spaces=spaces, sent_starts=starts)


class UndertheseaTokenizer:
    """spaCy tokenizer: text -> Doc with underthesea sentences and words, protected spans whole."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        sentences = sentence_spans(text)
        return _doc_from_spans(self.vocab, text, word_spans(text, sentences), sentences)

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


@lru_cache(maxsize=1)
def blank_vi():
    """The blank Vietnamese pipeline with our tokenizer, built once per process."""
    config = {"nlp": {"tokenizer": {"@tokenizers": "vnie.underthesea_tokenizer.v1"}}}
    return spacy.blank("vi", config=config)


def tokenize(text: str) -> Doc:
    """Segment `text` into a Doc (sentences and words) with exact character offsets."""
    return blank_vi()(text)
