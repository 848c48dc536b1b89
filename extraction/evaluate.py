"""Evaluate the extractor against hand-checked gold files: `python -m extraction.evaluate`.

Two sets are scored separately: the five seed plans (gold in `tests/gold/`, the plans in
`shared/seeds`) and the development corpus (`corpus/NAME.txt`, each with its gold
`corpus/NAME.json` and the address it was taken from).

- Numeric targets are matched by the start of their text (the gold `key`, spaces folded); a match
  counts towards precision and recall, and its comparator, value, value_max and unit are compared
  (and its lead units, due year and subject where the gold gives them).
  `qualitative` lists targets without a figure that must be found; `not_targets` lists texts no
  target may start with.
- A task is fully right with its work (the start of its title), lead units, coordinating units,
  deadlines (and, when the gold says, its state) all exactly right.
- References: precision and recall of the cited numbers.
- Signer: the signature block exactly; date: the date of issue exactly.

`python -m extraction.evaluate [--corpus|--seeds] [--json]`.
"""

import argparse
import json
import re
import sys
from pathlib import Path

from extraction import extract_file

HERE = Path(__file__).resolve().parent
GOLD_DIR = HERE / "tests" / "gold"
CORPUS_DIR = HERE / "corpus"


def _seeds_dir() -> Path:
    """The seed plans sit in `shared/seeds` next to the repository (or next to its worktrees)."""
    for parent in HERE.parents:
        if (parent / "shared" / "seeds").is_dir():
            return parent / "shared" / "seeds"
    return HERE.parent.parent / "shared" / "seeds"


SEEDS_DIR = _seeds_dir()


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _starts(text: str, key: str) -> bool:
    return _fold(text).lower().startswith(_fold(key)[:40].lower())


def evaluate_one(gold: dict, draft: dict) -> dict:
    predicted = [t for t in draft["targets"] if t["value"] is not None]
    matched_gold, matched_pred, right = 0, set(), 0
    for g in gold["targets"]:
        for i, p in enumerate(predicted):
            if i in matched_pred or not _starts(p["text"], g["key"]):
                continue
            matched_pred.add(i)
            matched_gold += 1
            keys = ["comparator", "value", "value_max", "unit"]
            keys += [k for k in ("lead_units", "due", "subject") if k in g]
            if all(p.get(k) == g[k] for k in keys):
                right += 1
            break
    qualitative = [t for t in draft["targets"] if t["value"] is None]
    qualitative_found = sum(
        any(_starts(t["text"], key) for t in qualitative) for key in gold.get("qualitative", [])
    )
    junk = sum(
        any(_starts(t["text"], key) for t in draft["targets"])
        for key in gold.get("not_targets", [])
    )
    tasks_right, wrong_tasks, used = 0, [], set()
    for g in gold["tasks"]:
        ok = False
        for index, p in enumerate(draft["tasks"]):
            # Two rows may share the first 40 characters: each predicted task answers one gold.
            if index not in used and _starts(p["title"], g["key"]):
                used.add(index)
                deadlines = [{"kind": d["kind"], "value": d["value"]} for d in p["deadlines"]]
                ok = (
                    p["lead_units"] == g["lead_units"]
                    and p["coordinating_units"] == g["coordinating_units"]
                    and deadlines == g["deadlines"]
                    and ("state" not in g or p.get("state") == g["state"])
                )
                break
        tasks_right += ok
        if not ok:
            wrong_tasks.append(g["key"])
    document = {k: draft["document"][k] for k in gold["document"]}
    references = [
        {"relation": r["relation"], "number": r["number"], "date": r["date"]}
        for r in draft["references"]
    ]
    gold_numbers = {(r["number"].lower(), r["date"]) for r in gold["references"]}
    predicted_numbers = {(r["number"].lower(), r["date"]) for r in draft["references"]}
    junk_tasks = sum(
        any(_starts(t["title"], key) for t in draft["tasks"]) for key in gold.get("not_tasks", [])
    )
    scored = {"signature": "signature" in gold, "date": "date" in gold["document"]}
    return {
        "targets_gold": len(gold["targets"]),
        "targets_predicted": len(predicted),
        "targets_matched": matched_gold,
        "targets_exact": right,
        "qualitative_gold": len(gold.get("qualitative", [])),
        "qualitative_found": qualitative_found,
        "junk_targets": junk,
        "tasks_gold": len(gold["tasks"]),
        "tasks_predicted": len(draft["tasks"]),
        "tasks_exact": tasks_right,
        "references_gold": len(gold_numbers),
        "references_predicted": len(predicted_numbers),
        "references_matched": len(gold_numbers & predicted_numbers),
        "metadata_ok": document == gold["document"]
        and _fold(draft["document"]["title"]).startswith(_fold(gold["title_starts"]))
        and ("title" not in gold or _fold(draft["document"]["title"]) == _fold(gold["title"])),
        "references_ok": references == gold["references"],
        "junk_tasks": junk_tasks,
        "signature_scored": scored["signature"],
        "signature_ok": scored["signature"] and draft["signature"] == gold["signature"],
        "date_scored": scored["date"],
        "date_ok": scored["date"] and draft["document"]["date"] == gold["document"]["date"],
        "wrong_tasks": wrong_tasks,
    }


def _ratio(a: int, b: int) -> float | None:
    """a / b, or None when nothing was scored (no gold of that kind)."""
    return round(a / b, 3) if b else None


def summarise(per_document: dict) -> dict:
    numeric = [k for k, v in next(iter(per_document.values())).items() if not isinstance(v, list)]
    total = {k: sum(d[k] for d in per_document.values()) for k in numeric}
    n = len(per_document)
    return {
        "documents": n,
        "precision": _ratio(total["targets_matched"], total["targets_predicted"]),
        "recall": _ratio(total["targets_matched"], total["targets_gold"]),
        "comparator_value_accuracy": _ratio(total["targets_exact"], total["targets_matched"]),
        "qualitative_found": f"{total['qualitative_found']}/{total['qualitative_gold']}",
        "junk_targets": total["junk_targets"],
        "tasks_exact": f"{total['tasks_exact']}/{total['tasks_gold']}",
        "tasks_exact_ratio": _ratio(total["tasks_exact"], total["tasks_gold"]),
        "tasks_predicted": total["tasks_predicted"],
        "tasks_precision": _ratio(total["tasks_exact"], total["tasks_predicted"]),
        "junk_tasks": total["junk_tasks"],
        "references_precision": _ratio(total["references_matched"], total["references_predicted"]),
        "references_recall": _ratio(total["references_matched"], total["references_gold"]),
        "metadata_ok": f"{total['metadata_ok']}/{n}",
        "references_ok": f"{total['references_ok']}/{n}",
        "signature_ok": f"{total['signature_ok']}/{total['signature_scored']}",
        "signature_ratio": _ratio(total["signature_ok"], total["signature_scored"]),
        "date_ok": f"{total['date_ok']}/{total['date_scored']}",
        "date_ratio": _ratio(total["date_ok"], total["date_scored"]),
    }


def evaluate(seeds_dir: Path = SEEDS_DIR) -> dict:
    """The five seeds against `tests/gold/`."""
    per_seed = {}
    for gold_path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(gold_path.read_text())
        draft = extract_file(seeds_dir / gold["seed"]).to_dict()
        per_seed[gold_path.stem] = evaluate_one(gold, draft)
    return {"summary": summarise(per_seed), "per_seed": per_seed}


def evaluate_corpus(corpus_dir: Path = CORPUS_DIR) -> dict:
    """The development corpus: every `NAME.json` gold beside its `NAME.txt` plan."""
    per_document = {}
    for gold_path in sorted(corpus_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text())
        draft = extract_file(corpus_dir / gold["file"]).to_dict()
        per_document[gold_path.stem] = evaluate_one(gold, draft)
    if not per_document:
        return {"summary": {}, "per_document": {}}
    return {"summary": summarise(per_document), "per_document": per_document}


def _mark(row: dict, key: str) -> str:
    if not row[f"{key}_scored"]:
        return "-"
    return "yes" if row[f"{key}_ok"] else "NO"


def _table(title: str, rows: dict) -> str:
    out = [
        title,
        f"{'document':34} {'tgt gold/pred/match/exact':>26} {'tasks right/gold/pred':>22} "
        f"{'refs g/p/m':>11} {'signer':>6} {'date':>5} {'meta':>5}",
    ]
    for name, r in rows.items():
        out.append(
            f"{name[:34]:34} "
            f"{r['targets_gold']:>8}/{r['targets_predicted']}/{r['targets_matched']}/{r['targets_exact']:<6}"
            f"{'':>5}{r['tasks_exact']:>8}/{r['tasks_gold']}/{r['tasks_predicted']:<7}"
            f"{r['references_gold']:>5}/{r['references_predicted']}/{r['references_matched']:<3}"
            f"{_mark(r, 'signature'):>6} {_mark(r, 'date'):>5}"
            f" {'yes' if r['metadata_ok'] else 'NO':>5}"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--seeds", action="store_true", help="only the five seeds")
    parser.add_argument("--corpus", action="store_true", help="only the development corpus")
    args = parser.parse_args(argv)
    results = {}
    if not args.corpus:
        results["seeds"] = evaluate()
    if not args.seeds:
        results["corpus"] = evaluate_corpus()
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for name, result in results.items():
        rows = result.get("per_seed") or result.get("per_document") or {}
        print(_table(f"== {name}", rows))
        print(json.dumps(result["summary"], ensure_ascii=False))
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
