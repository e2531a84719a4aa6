"""Write ``data/lower_case_words.txt``: gazetteer names that English writes far more often as a lower-case word.

"Surprise" (Arizona), "Pool" (Congo), "Wash" (Washington's abbreviation), "Sale", "Normal": at a sentence's start the
capital says nothing, and these words are then almost always the word ("Surprise awaited the fans"), where "Fargo",
"Dublin" or "Georgia" are names. The measure is spaCy's English lexeme probabilities, which keep case
(``spacy-lookups-data`` 1.0.5, ``en_lexeme_prob``, MIT licence): a word is listed when its lower-case form is at
least e² ≈ 7.4 times as common as its capitalised form (``LOWER_CASE_MARGIN`` in natural-log units) and is itself a
common word (log probability ``LOWER_CASE_FLOOR`` or more: "tema", a Ghanaian port, is rare), and when it is a name of
some place of the gazetteer index. Not needed at run time; regenerate after a gazetteer change with::

    .venv/bin/pip install spacy-lookups-data==1.0.5
    .venv/bin/python -m geo.gazetteer.lower_case_words data/lower_case_words.txt

Raises ``SystemExit`` with one line when the package is missing.
"""

from __future__ import annotations

import gzip
import json
import sys
from importlib import resources
from pathlib import Path

from geo.gazetteer.index import open_gazetteer

LOWER_CASE_MARGIN = 2.0  # ln P(word) − ln P(Word) at least this
LOWER_CASE_FLOOR = -13.0  # ln P(word) at least this: a word of everyday English

HEADER = """\
# Gazetteer names that English writes far more often as a lower-case word ("surprise", "pool", "sale", "normal"):
# lower-case at least e^{margin} times as often as capitalised, and a common word (ln P >= {floor}), by spaCy's
# English lexeme probabilities (spacy-lookups-data 1.0.5, en_lexeme_prob; MIT licence). Written by
# `python -m geo.gazetteer.lower_case_words` (see its docstring); one word a line, '#' starts a comment.
"""


def lower_case_words(probabilities: dict[str, float], names: set[str]) -> list[str]:
    """The words of *names* (normalised gazetteer keys) that *probabilities* (cased word → natural-log probability)
    finds mostly lower case, sorted."""
    return sorted(
        word
        for word, p in probabilities.items()
        if word.isalpha()
        and word.islower()
        and len(word) >= 3
        and word in names
        and p >= LOWER_CASE_FLOOR
        and p - probabilities.get(word.capitalize(), -20.0) >= LOWER_CASE_MARGIN
    )


def main(argv: list[str] | None = None) -> None:
    """Write the list to the file *argv* names (default ``data/lower_case_words.txt``) from the installed
    ``spacy-lookups-data`` and the gazetteer index; ``SystemExit`` with one line when the package is missing."""
    out = Path((argv or sys.argv[1:] or ["data/lower_case_words.txt"])[0])
    try:
        table = resources.files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz"
        probabilities = json.loads(gzip.decompress(table.read_bytes()))
    except ModuleNotFoundError:
        raise SystemExit("lower_case_words: install spacy-lookups-data==1.0.5 first") from None
    gazetteer = open_gazetteer()
    names = {key for (key,) in gazetteer._con.execute("SELECT DISTINCT key FROM names")}
    words = lower_case_words(probabilities, names)
    header = HEADER.replace("{margin}", f"{LOWER_CASE_MARGIN:g}").replace("{floor}", f"{LOWER_CASE_FLOOR:g}")
    out.write_text(header + "".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{out}: {len(words)} words")


if __name__ == "__main__":
    main()
