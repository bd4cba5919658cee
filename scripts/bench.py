#!/usr/bin/env python3
"""sohoa benchmark: accuracy and speed on an evaluation folder (stdlib only).

usage: scripts/bench.py [--eval-dir DIR] [--out DIR] [--sohoa PATH] [--workers N]
                        [--config FILE] [--filter REGEX] [--no-multipage]

The evaluation folder has the layout of shared/eval/dev: images/, gt/,
pages.json, docs.json, multipage/, score.py, score_fields.py.

Runs `sohoa extract --json --text-dir OUT/text` once over the page images
(every page is cleaned, read and extracted), then scores:
  - page text with the folder's own score.py --strict (CER, WER, CER without
    diacritics, bag-of-words F1 per variant and class): the CER printed here
    is score.py's own figure;
  - header-page fields with score_fields.py;
  - whole documents (signer, cited documents) with score_fields.py, over the
    documents actually given: those in multipage/ (read from the images), and
    those whose every page is among the page images (their pages' text, as
    read above, joined into one .txt per document: the text-only path);
and reports pages per second (wall clock over all pages, all workers), the
peak resident memory of the sohoa process, and each page's cleaning time
against its OCR time (`sohoa extract --timings`).

With --moves "1,0 0,1 2,1" the pages are read again moved by those many pixels
right and down (written losslessly by tests/clean/page_move beside the sohoa
binary), and each class's strict CER is reported at every move: how much of a
class's figure is where its pixels happen to fall rather than what cleaning
did (a difference between two builds smaller than that spread says little).
"""
import concurrent.futures
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_timed(cmd, stdout_path):
    """Runs cmd, stdout to a file; returns (seconds, peak RSS of that child in MiB, exit code)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.monotonic()
    with open(stdout_path, "wb") as out:
        proc = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE)
    seconds = time.monotonic() - t0
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the maximum over all waited-for children so far.
    peak = max(peak_kib, before) / 1024.0
    sys.stderr.write(proc.stderr.decode("utf-8", "replace")[-4000:])
    return seconds, peak, proc.returncode


def score_documents(ev, pred_json, doc_ids, split_dir):
    """score_fields.py over only the documents `doc_ids` (a filtered docs.json in split_dir)."""
    os.makedirs(split_dir, exist_ok=True)
    docs = [d for d in json.load(open(os.path.join(ev, "docs.json"), encoding="utf-8")) if d["id"] in doc_ids]
    with open(os.path.join(split_dir, "docs.json"), "w", encoding="utf-8") as f:
        json.dump(docs, f, ensure_ascii=False, indent=1)
    with open(os.path.join(split_dir, "pages.json"), "w", encoding="utf-8") as f:
        json.dump([], f)
    subprocess.run([sys.executable, os.path.join(ev, "score_fields.py"), pred_json, split_dir], check=False)


def assemble_documents(pages, text_dir, out_dir):
    """Writes out_dir/<doc>.txt (pages joined by form feeds) for each document whose
    every page was read; returns {doc_id: path}."""
    by_doc = {}
    for p in pages:
        by_doc.setdefault(p["doc_id"], {}).setdefault(p["page"], []).append(p)
    os.makedirs(out_dir, exist_ok=True)
    for f in os.listdir(out_dir):
        os.remove(os.path.join(out_dir, f))
    out = {}
    for doc_id, got in sorted(by_doc.items()):
        n_pages = next(iter(got.values()))[0]["n_pages"]
        if sorted(got) != list(range(1, n_pages + 1)):
            continue
        texts = []
        for page in range(1, n_pages + 1):
            variants = sorted(got[page], key=lambda p: (p["variant"] != "clean", p["variant"]))
            path = os.path.join(text_dir, variants[0]["stem"] + ".txt")
            if not os.path.exists(path):
                break
            texts.append(open(path, encoding="utf-8").read())
        else:
            path = os.path.join(out_dir, doc_id + ".txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write("\f".join(texts))
            out[doc_id] = path
    return out


def report_cleaning_time(timings_tsv, pages, limit=0.15):
    """Each page's cleaning time against the OCR time of the same page, as sohoa ran them
    (wall time, all workers busy): overall, per class, and the pages above `limit`.
    Returns the overall share (sum of cleaning over sum of OCR), None without timings."""
    if not os.path.exists(timings_tsv):
        return None
    cls = {p["stem"]: p["class"] for p in pages}
    rows = []
    with open(timings_tsv, encoding="utf-8") as f:
        next(f, None)
        for line in f:
            stem, _, clean_ms, ocr_ms = line.rstrip("\n").split("\t")
            rows.append((stem, float(clean_ms), float(ocr_ms)))
    if not rows:
        return None
    share = sum(r[1] for r in rows) / max(1e-9, sum(r[2] for r in rows))
    print("\n## Cleaning time against OCR time, per page (sohoa extract --timings)")
    print("all %d pages: cleaning %.0f ms, OCR %.0f ms a page on average; cleaning/OCR %.3f"
          % (len(rows), sum(r[1] for r in rows) / len(rows), sum(r[2] for r in rows) / len(rows), share))
    by_class = {}
    for stem, c, o in rows:
        by_class.setdefault(cls.get(stem, "?"), []).append(c / o if o > 0 else float("inf"))
    print("%-14s %5s %8s %8s" % ("class", "pages", "median", "max"))
    for k in sorted(by_class):
        v = sorted(by_class[k])
        print("%-14s %5d %8.3f %8.3f" % (k, len(v), v[len(v) // 2], v[-1]))
    over = sorted(((c / o if o > 0 else float("inf")), stem, c, o) for stem, c, o in rows if c > limit * o)
    print("pages above %.0f%%: %d" % (100 * limit, len(over)))
    for ratio, stem, c, o in over:
        print("  %-22s %.3f  (cleaning %.0f ms, OCR %.0f ms)" % (stem, ratio, c, o))
    return share


def report_moves(a, ev, pages, images, base, score_json):
    """Reads the pages again moved by each of a.moves (dx,dy pixels), scores them with
    score.py --strict, and prints each class's CER at every move and the pages whose
    char errors spread most. Returns 0, or 2 when the move tool is missing."""
    tool = a.move_tool or os.path.join(os.path.dirname(os.path.abspath(a.sohoa)), "tests", "clean", "page_move")
    if not os.access(tool, os.X_OK):
        print("--moves needs %s (built with the tests)" % tool)
        return 2
    moves = [tuple(int(v) for v in m.split(",")) for m in a.moves.split()]
    unmoved = json.load(open(score_json, encoding="utf-8"))
    results = {"0,0": unmoved}
    for dx, dy in moves:
        key = "%d,%d" % (dx, dy)
        where = os.path.join(a.out, "moves", "%d_%d" % (dx, dy))
        img_dir, text_dir = os.path.join(where, "images"), os.path.join(where, "text")
        for d in (img_dir, text_dir):
            os.makedirs(d, exist_ok=True)
            for f in os.listdir(d):
                os.remove(os.path.join(d, f))
        moved = [os.path.join(img_dir, p["stem"] + ".png") for p in pages]
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            list(pool.map(lambda io: subprocess.run([tool, str(dx), str(dy), io[0], io[1]], check=True),
                          zip(images, moved)))
        run_timed(base + ["extract", "--json", "--text-dir", text_dir] + moved, os.path.join(where, "fields.json"))
        moved_json = os.path.join(where, "ocr_scores.json")
        cmd = [sys.executable, os.path.join(ev, "score.py"), text_dir, ev, "--strict", "--json", moved_json]
        if a.filter:
            cmd += ["--filter", a.filter]
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL)
        results[key] = json.load(open(moved_json, encoding="utf-8"))
    keys = list(results)
    print("\n## Page text moved by a few pixels (dx,dy): strict CER per class")
    print("%-14s" % "class" + "".join("%9s" % k for k in keys) + "%9s" % "max/min")
    for c in sorted(unmoved["by_class"]):
        cers = [results[k]["by_class"].get(c, {}).get("CER", float("nan")) for k in keys]
        lo, hi = min(cers), max(cers)
        print("%-14s" % c + "".join("%9.4f" % v for v in cers) + ("%9.2f" % (hi / lo) if lo > 0 else "%9s" % "-"))
    spread = []
    for stem in unmoved["per_page"]:
        errors = [results[k]["per_page"].get(stem, {}).get("ce", 0) for k in keys]
        spread.append((max(errors) - min(errors), stem, errors))
    spread.sort(reverse=True)
    print("pages whose char errors spread most over the moves:")
    for width, stem, errors in spread[:8]:
        if width > 0:
            print("  %-22s %s" % (stem, " ".join(str(e) for e in errors)))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", default=os.path.join(ROOT, "..", "shared", "eval", "dev"))
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "bench"))
    ap.add_argument("--sohoa", default=os.path.join(ROOT, "build", "sohoa"))
    ap.add_argument("--workers", type=int, default=0, help="worker threads (0 = one per core)")
    ap.add_argument("--config", default=None, help="sohoa configuration file")
    ap.add_argument("--filter", default=None, help="regex on image stems")
    ap.add_argument("--no-multipage", action="store_true", help="skip whole-document scoring")
    ap.add_argument("--moves", default=None,
                    help='also read the pages moved by these pixels right,down, e.g. "1,0 0,1 2,1"')
    ap.add_argument("--move-tool", default=None, help="page_move binary (default: beside --sohoa, tests/clean/)")
    a = ap.parse_args()

    ev = os.path.abspath(a.eval_dir)
    pages = json.load(open(os.path.join(ev, "pages.json"), encoding="utf-8"))
    if a.filter:
        pages = [p for p in pages if re.search(a.filter, p["stem"])]
    images = [os.path.join(ev, p["image"]) for p in pages]
    text_dir = os.path.join(a.out, "text")
    os.makedirs(text_dir, exist_ok=True)
    for f in os.listdir(text_dir):
        os.remove(os.path.join(text_dir, f))

    base = [a.sohoa, "--quiet"]
    if a.config:
        base += ["--config", a.config]
    if a.workers:
        base += ["--workers", str(a.workers)]

    fields_json = os.path.join(a.out, "fields.json")
    timings_tsv = os.path.join(a.out, "timings.tsv")
    if os.path.exists(timings_tsv):
        os.remove(timings_tsv)
    # Builds from before --timings are still benchmarked, without the cleaning share.
    extract_help = subprocess.run([a.sohoa, "extract", "--help"], capture_output=True, text=True).stdout
    timing_args = ["--timings", timings_tsv] if "--timings" in extract_help else []
    print("# %d page images from %s" % (len(images), ev), flush=True)
    seconds, peak_mib, rc = run_timed(base + ["extract", "--json", "--text-dir", text_dir] + timing_args + images,
                                      fields_json)
    if rc not in (0, 1):
        print("sohoa failed with exit code %d" % rc)
        return 2

    score_json = os.path.join(a.out, "ocr_scores.json")
    score_cmd = [sys.executable, os.path.join(ev, "score.py"), text_dir, ev, "--strict", "--json", score_json]
    if a.filter:
        score_cmd += ["--filter", a.filter]
    print("\n## Page text (%s)" % " ".join(score_cmd[1:]), flush=True)
    subprocess.run(score_cmd, check=False)

    print("\n## Header-page fields (score_fields.py)", flush=True)
    subprocess.run([sys.executable, os.path.join(ev, "score_fields.py"), fields_json, ev], check=False)

    if not a.no_multipage and os.path.isdir(os.path.join(ev, "multipage")):
        mp = sorted(os.path.join(ev, "multipage", f) for f in os.listdir(os.path.join(ev, "multipage"))
                    if not f.endswith(".json"))
        docs_json = os.path.join(a.out, "documents.json")
        mp_text = os.path.join(a.out, "multipage-text")
        os.makedirs(mp_text, exist_ok=True)
        mp_seconds, mp_peak, _ = run_timed(base + ["extract", "--json", "--text-dir", mp_text] + mp, docs_json)
        peak_mib = max(peak_mib, mp_peak)
        given = {os.path.splitext(os.path.basename(f))[0] for f in mp}
        print("\n## Whole documents in multipage/: %d of docs.json (score_fields.py, %.1f s)"
              % (len(given), mp_seconds), flush=True)
        score_documents(ev, docs_json, given, os.path.join(a.out, "split-multipage"))

    # Whole documents assembled from the page images read above (clean variant
    # preferred per page), when every page of a document is among them.
    assembled = {} if a.no_multipage else assemble_documents(pages, text_dir, os.path.join(a.out, "assembled"))
    if assembled:
        asm_json = os.path.join(a.out, "assembled.json")
        run_timed(base + ["extract", "--json"] + sorted(assembled.values()), asm_json)
        print("\n## Whole documents assembled from page images' text: %d (score_fields.py)" % len(assembled),
              flush=True)
        score_documents(ev, asm_json, set(assembled), os.path.join(a.out, "split-assembled"))

    if a.moves:
        rc = report_moves(a, ev, pages, images, base, score_json)
        if rc:
            return rc

    n_pages = len(images)
    print("\n## Speed")
    print("pages=%d seconds=%.1f pages_per_second=%.3f peak_rss_mib=%.0f workers=%s"
          % (n_pages, seconds, n_pages / seconds if seconds else 0, peak_mib, a.workers or "cores"))
    clean_share = report_cleaning_time(timings_tsv, pages)
    try:
        overall = json.load(open(score_json, encoding="utf-8"))
        line = "BENCH_CER=%.4f BENCH_PAGES_PER_SECOND=%.3f" % (overall["overall"]["CER"], n_pages / seconds)
        if clean_share is not None:
            line += " BENCH_CLEAN_SHARE=%.3f" % clean_share
        print(line)
    except (OSError, KeyError, ValueError):
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
