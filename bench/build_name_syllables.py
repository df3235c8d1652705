"""Build `pipeline/extract/data/name_syllables.tsv`: how often a syllable stands in a person's given name
and how often the same corpus writes it in lower case, as an ordinary word.

Offline, once: vnie's own run over a corpus (by default the 2,619 Dân trí articles of 2020,
`$VNIE_SHARED/corpus/dantri-2020.jsonl`, run with `python -m pipeline run CORPUS -o DIR -w 1 -q`) gives
the people it found and the bylines; every syllable of a name but a family name that opens it
("Nguyễn Thị Thu Hà" → thị, thu, hà; the pen name "Minh Anh" → minh, anh) counts once per article it
names a person in. The articles' own text gives how often each syllable is written in lower case.
vnie reads the file at run time to tell a name from capitalised words ("Tôn Vinh Những Người": những,
người stand in no name and run through every article in lower case).

    python bench/build_name_syllables.py --records DIR/records.jsonl [--corpus FILE] [--min-lower 3]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.name_syllables import SYLLABLE, given_syllables  # noqa: E402
from pipeline.people_rules import name_syllables  # noqa: E402

OUT = ROOT / "pipeline" / "extract" / "data" / "name_syllables.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", required=True, help="records.jsonl of vnie's run over the corpus")
    shared = Path(os.environ.get("VNIE_SHARED", ROOT.parent / "shared"))
    parser.add_argument("--corpus", default=str(shared / "corpus" / "dantri-2020.jsonl"))
    parser.add_argument("--min-lower", type=int, default=3,
                        help="keep a syllable no name has if written in lower case this often")
    args = parser.parse_args()
    surnames, _ = name_syllables()
    in_names: Counter[str] = Counter()
    with open(args.records, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            names = {p["name"] for p in record.get("people") or []} | set(record.get("authors") or [])
            in_names.update({s for name in names for s in given_syllables(name, surnames)})
    lower: Counter[str] = Counter()
    with open(args.corpus, encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            body = article.get("content") or article.get("text")
            text = "\n".join(filter(None, (article.get("title"), body)))
            lower.update(w for w in SYLLABLE.findall(unicodedata.normalize("NFC", text)) if w.islower())
    rows = sorted((s, in_names[s], lower[s]) for s in in_names.keys() | lower.keys()
                  if in_names[s] or lower[s] >= args.min_lower)
    with OUT.open("w", encoding="utf-8") as out:
        out.write(f"# syllable\tin_names\tlower_case: articles in which vnie's people and bylines of "
                  f"{Path(args.corpus).name} give the syllable in a given name, and its lower-case "
                  f"occurrences there (bench/build_name_syllables.py)\n")
        out.writelines(f"{s}\t{n}\t{w}\n" for s, n, w in rows)
    print(f"{len(rows)} syllables -> {OUT}")


if __name__ == "__main__":
    main()
