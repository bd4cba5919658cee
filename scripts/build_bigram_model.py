#!/usr/bin/env python3
"""Builds the Vietnamese syllable bigram model the text stage corrects with.

usage: build_bigram_model.py CORPUS_DIR OUT_FILE [--min-count N] [--wordlist FILE]...

CORPUS_DIR holds plain UTF-8 .txt files (the model in models/ is built from
the Vietnamese Law Corpus, see models/README.md). Two syllables form a pair
only when whitespace alone separates them: punctuation, digits, line breaks
and foreign words end a run. Syllables are lower-cased NFC; the reader in
pipeline/text folds both tone-mark styles together when it loads the file.

Output (deterministic, sorted): a comment line, then one entry per line,
"syllable<TAB>count" for single syllables (all kept) and
"first second<TAB>count" for pairs seen at least N times (default 3).
A pair that is (part of) an entry of a --wordlist file (one word or phrase a
line, syllables separated by spaces or hyphens) carries a third column "w",
with count 0 when the corpus has it fewer than N times: the corrector takes a
word that forms a dictionary word with its neighbour as meant.
"""
import argparse, os, re, sys, unicodedata
from collections import Counter

VOWELS = "aăâeêioôơuưy"
TONED = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
LETTERS = set("bcdđghklmnpqrstvx" + VOWELS + TONED)
WORD = re.compile(r"\w+|[^\w\s]+|\n", re.UNICODE)


def syllable(token):
    t = token.lower()
    return t if t and all(c in LETTERS for c in t) else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus_dir")
    ap.add_argument("out_file")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--wordlist", action="append", default=[])
    a = ap.parse_args()
    files = sorted(f for f in os.listdir(a.corpus_dir) if f.endswith(".txt"))
    if not files:
        sys.exit(a.corpus_dir + ": no .txt files")
    unigrams, bigrams = Counter(), Counter()
    for name in files:
        with open(os.path.join(a.corpus_dir, name), encoding="utf-8") as f:
            text = unicodedata.normalize("NFC", f.read())
        prev = None
        for tok in WORD.findall(text):
            s = syllable(tok)
            if s is None:
                prev = None
                continue
            unigrams[s] += 1
            if prev is not None:
                bigrams[prev + " " + s] += 1
            prev = s
    lexicon = set()
    for path in a.wordlist:
        with open(path, encoding="utf-8") as f:
            for entry in f:
                syl = [syllable(t) for t in re.split(r"[\s-]+", unicodedata.normalize("NFC", entry).strip())]
                for x, y in zip(syl, syl[1:]):
                    if x and y:
                        lexicon.add(x + " " + y)
    with open(a.out_file, "w", encoding="utf-8", newline="\n") as out:
        out.write("# sohoa syllable bigrams: %d files, %d syllables, pairs seen >= %d times, "
                  "%d word-list pairs\n" % (len(files), sum(unigrams.values()), a.min_count, len(lexicon)))
        for k in sorted(unigrams):
            out.write("%s\t%d\n" % (k, unigrams[k]))
        for k in sorted(set(bigrams) | lexicon):
            n = bigrams.get(k, 0)
            if k in lexicon:
                out.write("%s\t%d\tw\n" % (k, n if n >= a.min_count else 0))
            elif n >= a.min_count:
                out.write("%s\t%d\n" % (k, n))


if __name__ == "__main__":
    main()
