"""vnie's segmentation path gives underthesea's own words (pipeline/extract/segmenter.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from underthesea import word_tokenize

from pipeline.extract.segmenter import SAFE_TEXT, FastSegmenter, load_segmenter

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def fast() -> FastSegmenter:
    import joblib
    from underthesea.pipeline import word_tokenize as stock_module

    from pipeline.extract.segmenter import MODEL_DIR

    model_dir = Path(stock_module.__file__).parent / "models" / MODEL_DIR
    return FastSegmenter(model_dir, joblib.load(model_dir / "dictionary.bin"),
                         joblib.load(model_dir / "features.bin"))


def _stock_tagger():
    """underthesea's own featurizer and CRF tagger, loaded as word_tokenize loads them."""
    import underthesea.pipeline.word_tokenize as stock_module

    word_tokenize("x")
    return stock_module.word_tokenize_model


def _safe_characters() -> list[str]:
    return [c for c in map(chr, range(0x10000)) if SAFE_TEXT.fullmatch(c) and not c.isspace()]


def test_every_accepted_character_scores_as_underthesea_scores_it(fast: FastSegmenter) -> None:
    """Lower case, title and digit tests in Python equal the Rust featurizer's on each character the fast
    path accepts: the best path's score (every feature's weight summed) is equal to the last bit."""
    model = _stock_tagger()
    tokens = [t for c in _safe_characters() for t in (c, f"a{c}", f"{c}a", f"A{c}", f"{c}{c}", "Bác", "1")]
    for start in range(0, len(tokens), 60):
        chunk = tokens[start:start + 60]
        labels, score = model.estimator.tag_with_score(model.featurizer.process([[[t] for t in chunk]])[0])
        inside, mine = fast.path(chunk)
        assert (inside, mine) == ([label == "I-W" for label in labels], score), chunk


def test_words_equal_underthesea_on_pages_and_odd_text() -> None:
    segment = load_segmenter()
    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "corpus").glob("*.txt"))]
    texts += [
        "Bác sĩ bây giờ có thể thản nhiên báo tin bệnh nhân bị ung thư",
        "TP.HCM: 3.650 đảng viên, 97,5 % (theo Nghị định 30/2020/NĐ-CP) - xem http://dantri.com.vn/a-b.htm",
        "Ông Nguyễn Văn A (SN 1970), trú ở xã N’Thôn Hạ, huyện Krông Bông... v.v. H&M 43H-0530 4K",
        "THỦ TƯỚNG CHÍNH PHỦ QUYẾT ĐỊNH:\n\nĐiều 1. Phê duyệt",
        "x", ".", "  a  ", "hoá học và thuý",
        "Ελλάδα ΟΔΟΣ và Москва, H₂O 10⁰C",
        "α\u0313 và A\u0301 (combining marks NFC composes, one of them outside the accepted set)",
        "Ελλάδα και 中国 — the fallback path 😀",  # characters outside the fast path: underthesea's own
    ]
    assert texts[0]
    for text in texts:
        assert segment(text) == word_tokenize(text), text[:80]


def test_text_outside_the_accepted_characters_takes_underthesea_s_own_path() -> None:
    assert SAFE_TEXT.fullmatch("Hà Nội, ngày 7-4-2021 – “Chỉ thị” số 05-CT/TW…")
    assert SAFE_TEXT.fullmatch("Ελλάδα, Москва")
    assert SAFE_TEXT.fullmatch("tin 中国") is None
    assert SAFE_TEXT.fullmatch("emoji 😀") is None


def test_an_underthesea_without_this_model_keeps_its_own_path(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.extract import segmenter

    monkeypatch.setattr(segmenter, "MODEL_DIR", "ws_crf_some_other_model")
    assert load_segmenter() is word_tokenize
    monkeypatch.setattr(segmenter, "TEMPLATES", segmenter.TEMPLATES[:-1])  # a model with other templates
    monkeypatch.setattr(segmenter, "MODEL_DIR", "ws_crf_vlsp2013_20230727")
    assert load_segmenter() is word_tokenize
