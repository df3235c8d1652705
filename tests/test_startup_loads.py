"""What a fresh process loads at start-up is read once, and read faster, without changing what it holds."""

from __future__ import annotations

from pathlib import Path

import joblib
import pytest

from pipeline import place_names, rulebook
from pipeline.extract import gazetteer, segmenter
from pipeline.settings import Settings


def test_the_segmenter_dictionary_read_as_a_plain_pickle_is_joblibs() -> None:
    from underthesea.pipeline import word_tokenize as stock_module

    path = Path(stock_module.__file__).parent / "models" / segmenter.MODEL_DIR / "dictionary.bin"
    read = segmenter._dictionary()
    assert isinstance(read, set) and read == joblib.load(path)


def test_the_address_data_is_parsed_once_for_both_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = []
    original = place_names.address_mapping

    def counted() -> dict:
        parsed.append(1)
        return original()

    monkeypatch.setattr(place_names, "address_mapping", counted)
    place_names.ward_rows.cache_clear()
    before = rulebook._active
    rulebook._active = rulebook.Rulebook(Settings().rules_dir)  # nothing built yet
    try:
        assert place_names.opening_place_words(["Hà", "Tĩnh", "vào", "mùa"]) == 2  # the clean stage asks
        assert gazetteer.province_of("huyện Chợ Lách") == "Bến Tre"  # the extract stage's
    finally:
        rulebook._active = before
        place_names.ward_rows.cache_clear()
    assert len(parsed) == 1


def test_ward_rows_keep_the_five_names_the_stages_read() -> None:
    rows = place_names.ward_rows()
    data = place_names.address_mapping()["ward_mapping"]
    assert len(rows) == len(data)
    fields = place_names.WardRow._fields
    assert all(tuple(row) == tuple(raw.get(f) for f in fields) for row, raw in zip(rows, data, strict=True))
