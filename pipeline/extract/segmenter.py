"""underthesea's word segmentation, the same tokens, computed without its per-token feature strings.

`underthesea.word_tokenize` cuts a text with its regex, builds 43 feature strings per token in Rust
(``"T[-1,0].lower=bác sĩ"``...), hands them back to Python and on to its CRF tagger, which looks each
one up again: four fifths of its time go to making and passing those strings. Here the same regex
tokens are looked up template by template in tables read from the same model file (its CRFsuite
weights, feature templates and dictionary), the state scores summed in the same order, and the same
Viterbi path taken. The output equals `word_tokenize(text)`'s, token for token: tests compare both on
every character this path accepts and on corpus articles; `bench/segmenter_check.py` on a whole
corpus. A text holding any other character, or an underthesea whose model or templates differ from
the ones read here, goes to `word_tokenize` itself.
"""

from __future__ import annotations

import pickle
import struct
from collections.abc import Callable, Collection, Sequence
from functools import cache
from itertools import pairwise
from pathlib import Path

import numpy
import regex

from pipeline.extract.name_cuts import cut_words, decode_with_cuts, known_words

# The feature templates of underthesea's word segmentation model (ws_crf_vlsp2013_20230727); a model
# with other templates is left to underthesea.
TEMPLATES = (
    "T[-2]",
    "T[-1]",
    "T[0]",
    "T[1]",
    "T[2]",
    "T[-2,-1]",
    "T[-1,0]",
    "T[0,1]",
    "T[1,2]",
    "T[-2,0]",
    "T[-1,1]",
    "T[0,2]",
    "T[-2].lower",
    "T[-1].lower",
    "T[0].lower",
    "T[1].lower",
    "T[2].lower",
    "T[-2,-1].lower",
    "T[-1,0].lower",
    "T[0,1].lower",
    "T[1,2].lower",
    "T[-1].isdigit",
    "T[0].isdigit",
    "T[1].isdigit",
    "T[-2].istitle",
    "T[-1].istitle",
    "T[0].istitle",
    "T[1].istitle",
    "T[2].istitle",
    "T[0,1].istitle",
    "T[0,2].istitle",
    "T[-2].is_in_dict",
    "T[-1].is_in_dict",
    "T[0].is_in_dict",
    "T[1].is_in_dict",
    "T[2].is_in_dict",
    "T[-2,-1].is_in_dict",
    "T[-1,0].is_in_dict",
    "T[0,1].is_in_dict",
    "T[1,2].is_in_dict",
    "T[-2,0].is_in_dict",
    "T[-1,1].is_in_dict",
    "T[0,2].is_in_dict",
)
MODEL_DIR = "ws_crf_vlsp2013_20230727"
# Characters whose lower case, title test and digit test are the same in Python and in underthesea's
# Rust featurizer (tests/test_segmenter.py checks each one): Latin with Vietnamese, Greek, Cyrillic,
# punctuation, symbols. "ƛ" (U+019B) and "ɤ" (U+0264) are left out: Rust's newer Unicode gives them an
# upper case that Python 3.11's does not.
SAFE_TEXT = regex.compile(
    r"[\x00-\x7e\x80-\u019a\u019c-\u0263\u0265-\u02af\u0300-\u04ff\u1e00-\u1eff\u2000-\u20bf"
    r"\u2100-\u214f\u2190-\u22ff\u2500-\u26ff\ufe00-\ufe0f]*"
)


def _read_cqdb(data: memoryview, offset: int) -> list[str]:
    """The strings of a CRFsuite constant quark database (CQDB chunk at `offset`), by id."""
    chunk, _size, _flag, _order, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if chunk != b"CQDB":
        raise ValueError("not a CQDB chunk")
    strings = [""] * count
    table = data[offset + backward : offset + backward + 4 * count]
    for i, (record,) in enumerate(struct.iter_unpack("<I", table)):
        if record:
            _id, size = struct.unpack_from("<II", data, offset + record)
            strings[i] = bytes(data[offset + record + 8 : offset + record + 7 + size]).decode("utf-8")
    return strings


def read_crfsuite(path: Path) -> tuple[list[str], list[str], numpy.ndarray, numpy.ndarray]:
    """Labels, attributes, state weights (attribute x label) and transition weights of a CRFsuite model."""
    data = memoryview(path.read_bytes())  # slices of it are views, not copies of the 5 MB
    head = struct.unpack_from("<4sI4sIIIIIIIII", data, 0)
    if head[0] != b"lCRF" or head[2] != b"FOMC":
        raise ValueError(f"{path}: not a CRFsuite model")
    labels, attributes = _read_cqdb(data, head[8]), _read_cqdb(data, head[9])
    chunk, _size, count = struct.unpack_from("<4sII", data, head[7])
    if chunk != b"FEAT":
        raise ValueError(f"{path}: no feature chunk")
    state = numpy.zeros((len(attributes) + 1, len(labels)))  # the last row: an attribute the model lacks
    transition = numpy.zeros((len(labels), len(labels)))
    features = data[head[7] + 12 : head[7] + 12 + 20 * count]
    for kind, source, target, weight in struct.iter_unpack("<IIId", features):
        (state if kind == 0 else transition)[source, target] = weight
    return labels, attributes, state, transition


def _is_title(token: str) -> str:
    """underthesea's `istitle`: the first character is its own upper case ("HÀ", "12", "." not "iPhone")."""
    return "True" if token[0].upper() == token[0] else "False"


def _is_digit(token: str) -> str:
    """underthesea's `isdigit`: ASCII digits only ("3.5" and "²" are not)."""
    return "True" if token.isascii() and token.isdigit() else "False"


class FastSegmenter:
    """underthesea's word segmentation from its own model files, without feature strings.

    Each kind of feature value (the token, its lower case, a pair of lower-cased tokens, a title test...)
    is a column; a column's values are numbered once per text, and each template maps those numbers to
    its attribute's weights, so a token costs a dictionary lookup per column, not one per template.
    """

    def __init__(self, model_dir: Path, dictionary: set[str], templates: Sequence[str]):
        if tuple(templates) != TEMPLATES:
            raise ValueError("unexpected feature templates")
        labels, attributes, self.state, self.transition = read_crfsuite(model_dir / "models.bin")
        if labels != ["B-W", "I-W"]:
            raise ValueError(f"unexpected labels {labels}")
        self.inside = labels.index("I-W")
        self.dictionary = dictionary
        missing = len(attributes)  # the zero row of `state`
        by_template: dict[str, dict[str, int]] = {name: {} for name in TEMPLATES}
        for row, attribute in enumerate(attributes):
            name, _, value = attribute.partition("=")
            by_template[name][value] = row
        # per column: value -> number (0: a value no template knows; BOS, EOS and the tests' values first)
        self.vocab: dict[str, dict[str, int]] = {}
        for name, column, _offset in TEMPLATE_COLUMNS:
            vocab = self.vocab.setdefault(column, {"BOS": 1, "EOS": 2, "True": 3, "False": 4})
            for value in by_template[name]:
                vocab.setdefault(value, len(vocab) + 1)
        # per template (in order): its column, its offset, and column number -> attribute row
        self.layout = []
        for name, column, offset in TEMPLATE_COLUMNS:
            rows = numpy.full(len(self.vocab[column]) + 1, missing, dtype=numpy.intp)
            for value, row in by_template[name].items():
                rows[self.vocab[column][value]] = row
            self.layout.append((column, offset, rows))
        self._unigrams: dict[str, tuple[str, int, int, int, int, int]] = {}

    def _unigram(self, token: str) -> tuple[str, int, int, int, int, int]:
        """A token's lower case, and the numbers of it, its lower case, title, digit and dictionary tests."""
        found = self._unigrams.get(token)
        if found is None:
            if len(self._unigrams) > 200_000:  # a long run of odd text must not grow this without bound
                self._unigrams.clear()
            lower, vocab = token.lower(), self.vocab
            found = self._unigrams[token] = (
                lower,
                vocab["token"].get(token, 0),
                vocab["lower"].get(lower, 0),
                vocab["title"][_is_title(token)],
                vocab["digit"][_is_digit(token)],
                vocab["dict"]["True" if lower in self.dictionary else "False"],
            )
        return found

    def _columns(self, tokens: list[str]) -> dict[str, numpy.ndarray]:
        """Each column's value numbers at each start position, two BOS before and enough EOS after."""
        facts = [self._unigram(token) for token in tokens]
        lower = [fact[0] for fact in facts]
        bos, eos = [1, 1], [2, 2, 2, 2]
        columns = {
            name: numpy.array([*bos, *[fact[i] for fact in facts], *eos], dtype=numpy.intp)
            for i, name in enumerate(("token", "lower", "title", "digit", "dict"), start=1)
        }
        pairs = [f"{a} {b}" for a, b in pairwise(tokens)]
        lower_pairs = [f"{a} {b}" for a, b in pairwise(lower)]
        lower_triples = [f"{a} {b}" for a, b in zip(lower_pairs, lower[2:], strict=False)]
        in_dictionary = self.dictionary
        strings = {
            "pair": pairs,
            "pair.lower": lower_pairs,
            "triple": [f"{a} {b}" for a, b in zip(pairs, tokens[2:], strict=False)],
            "pair.dict": ["True" if p in in_dictionary else "False" for p in lower_pairs],
            "triple.dict": ["True" if t in in_dictionary else "False" for t in lower_triples],
        }
        for name, values in strings.items():
            get = self.vocab[name].get
            columns[name] = numpy.array([*bos, *[get(value, 0) for value in values], *eos], dtype=numpy.intp)
        # title of a pair or triple: every token's own title test (a column of numbers already)
        titles = [fact[3] == self.vocab["title"]["True"] for fact in facts]
        for name, runs in (
            ("pair.title", pairwise(titles)),
            ("triple.title", zip(titles, titles[1:], titles[2:], strict=False)),
        ):
            yes, no = self.vocab[name]["True"], self.vocab[name]["False"]
            columns[name] = numpy.array(
                [*bos, *[yes if all(run) else no for run in runs], *eos], dtype=numpy.intp
            )
        return columns

    def state_scores(self, tokens: list[str]) -> list[list[float]]:
        """Each position's label scores: its features' weights summed in template order, as CRFsuite does."""
        n = len(tokens)
        columns = self._columns(tokens)
        scores = numpy.zeros((n, self.state.shape[1]))
        for column, offset, rows in self.layout:  # `take`: the same rows as indexing, with less overhead
            scores += self.state.take(rows.take(columns[column][offset + 2 : offset + 2 + n]), axis=0)
        return scores.tolist()

    def path(self, tokens: list[str]) -> tuple[list[bool], float]:
        """For each token whether it continues the word before it (the CRF's Viterbi path), and the path's
        score."""
        if not tokens:
            return [], 0.0
        return self.decode(self.state_scores(tokens))

    def decode(self, scores: list[list[float]], starts: Collection[int] = ()) -> tuple[list[bool], float]:
        """The Viterbi path over per-token label scores, each token in `starts` made to start a word."""
        if not scores:
            return [], 0.0
        if starts:
            scores = [list(row) for row in scores]
            for i in starts:
                scores[i][self.inside] = float("-inf")
        (t00, t01), (t10, t11) = self.transition.tolist()
        best0, best1 = scores[0]
        back: list[tuple[int, int]] = []
        for s0, s1 in scores[1:]:
            # CRFsuite keeps the first label on a tie (a strict comparison)
            from0, from1 = best0 + t00, best1 + t10
            came0 = 1 if from1 > from0 else 0
            to0, to1 = best0 + t01, best1 + t11
            came1 = 1 if to1 > to0 else 0
            back.append((came0, came1))
            best0, best1 = (from1 if came0 else from0) + s0, (to1 if came1 else to0) + s1
        label = 1 if best1 > best0 else 0
        score = best1 if label else best0
        labels = [label]
        for step in reversed(back):
            label = step[label]
            labels.append(label)
        labels.reverse()
        return [label == self.inside for label in labels], score


# (template, column of `_columns`, start offset) in the model's template order
def _template_columns() -> list[tuple[str, str, int]]:
    layout = []
    for name in TEMPLATES:
        span, _, test = name[2:].partition("]")
        bounds = [int(b) for b in span.split(",")]
        width = {1: "", 2: "pair", 3: "triple"}[bounds[-1] - bounds[0] + 1]
        test = test.lstrip(".")
        if width:
            column = (
                f"{width}.{test.replace('is_in_dict', 'dict').replace('istitle', 'title')}" if test else width
            )
        else:
            column = {
                "": "token",
                "lower": "lower",
                "isdigit": "digit",
                "istitle": "title",
                "is_in_dict": "dict",
            }[test]
        layout.append((name, column, bounds[0]))
    return layout


TEMPLATE_COLUMNS = _template_columns()


@cache
def _dictionary() -> set[str]:
    """The dictionary of underthesea's segmentation model (raises as `joblib.load` does when it is absent).

    joblib wrote it as a plain pickle, which the C unpickler reads in about a quarter of the time of
    joblib's own (Python) one, to the same set; a file of another form is left to joblib."""
    from underthesea.pipeline import word_tokenize as stock_module

    path = Path(stock_module.__file__).parent / "models" / MODEL_DIR / "dictionary.bin"
    with path.open("rb") as handle:
        try:
            words = pickle.load(handle)  # the installed model's own file, as joblib.load reads it
        except (pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError):
            words = None  # compressed, or written with joblib's array wrappers
    if isinstance(words, set) and all(isinstance(word, str) for word in words):
        return words
    import joblib

    return joblib.load(path)


@cache
def model_words() -> frozenset[str]:
    """The words of two or more syllables the segmenter knows (`known_words` of its model's dictionary),
    or only those the corpus knows when underthesea has no such model."""
    try:
        return known_words(_dictionary())
    except (ImportError, OSError, ValueError, KeyError, IndexError, struct.error):
        return known_words(())


def load_segmenter(cut_names: bool = False) -> Callable[[str], list[str]]:
    """`word_tokenize` of underthesea, through `FastSegmenter` when its model is the one this module reads;
    with `cut_names`, its words cut where they glue a name to a common word (`name_cuts.py`)."""
    from underthesea import word_tokenize
    from underthesea.pipeline import word_tokenize as stock_module

    try:
        import joblib
        from underthesea.pipeline.text_normalize import token_normalize
        from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
        from underthesea.pipeline.word_tokenize import regex_tokenize

        model_dir = Path(stock_module.__file__).parent / "models" / MODEL_DIR
        segmenter = FastSegmenter(model_dir, _dictionary(), joblib.load(model_dir / "features.bin"))
    except (ImportError, OSError, ValueError, KeyError, IndexError, struct.error):  # another underthesea
        return word_tokenize
    known = model_words() if cut_names else frozenset()
    normalised: dict[str, str] = {}

    def normalise(token: str) -> str:
        found = normalised.get(token)
        if found is None:
            if len(normalised) > 200_000:
                normalised.clear()
            found = normalised[token] = token_normalize(token)
        return found

    def segment(text: str) -> list[str]:
        """The words of `text`, as `word_tokenize(text)` gives them (and, with `cut_names`, cut)."""
        normal = normalize_characters_in_text(text)  # NFC may compose characters the set lacks: test after
        if SAFE_TEXT.fullmatch(normal) is None:
            return cut_words(word_tokenize(text), known) if cut_names else word_tokenize(text)
        # the module's pattern at call time, as underthesea's own tokenize reads it
        tokens = [normalise(match.group()) for match in regex_tokenize.patterns.finditer(normal)]
        if not tokens:
            return []
        scores = segmenter.state_scores(tokens)
        path = (
            decode_with_cuts(segmenter.decode, scores, tokens, known)
            if cut_names
            else (segmenter.decode(scores)[0])
        )
        words: list[str] = []
        for token, inside in zip(tokens, path, strict=True):
            if inside and words:
                words[-1] = f"{words[-1]} {token}"
            else:
                words.append(token)
        return words

    return segment
