"""Evaluate the extractor against hand-checked gold files: `python -m extraction.evaluate`.

Numeric targets are matched by the start of their text (the gold `key`); a match counts towards
precision and recall, and its comparator, value, value_max and unit are compared. Tasks must have
their lead units, coordinating units and deadlines exactly right. Metadata, references and the
signature must be exactly right.
"""

import json
import sys
from pathlib import Path

from extraction import extract_file

GOLD_DIR = Path(__file__).parent / "tests" / "gold"
SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def evaluate_one(gold: dict, draft: dict) -> dict:
    predicted = [t for t in draft["targets"] if t["value"] is not None]
    matched_gold, matched_pred, right = 0, set(), 0
    for g in gold["targets"]:
        for i, p in enumerate(predicted):
            if i in matched_pred or not p["text"].startswith(g["key"][:40]):
                continue
            matched_pred.add(i)
            matched_gold += 1
            if all(p[k] == g[k] for k in ("comparator", "value", "value_max", "unit")):
                right += 1
            break
    tasks_right = 0
    for g in gold["tasks"]:
        for p in draft["tasks"]:
            if p["title"].startswith(g["key"][:40]):
                deadlines = [{"kind": d["kind"], "value": d["value"]} for d in p["deadlines"]]
                if (
                    p["lead_units"] == g["lead_units"]
                    and p["coordinating_units"] == g["coordinating_units"]
                    and deadlines == g["deadlines"]
                ):
                    tasks_right += 1
                break
    document = {k: draft["document"][k] for k in gold["document"]}
    references = [
        {"relation": r["relation"], "number": r["number"], "date": r["date"]}
        for r in draft["references"]
    ]
    return {
        "targets_gold": len(gold["targets"]),
        "targets_predicted": len(predicted),
        "targets_matched": matched_gold,
        "targets_exact": right,
        "tasks_gold": len(gold["tasks"]),
        "tasks_predicted": len(draft["tasks"]),
        "tasks_exact": tasks_right,
        "metadata_ok": document == gold["document"]
        and (draft["document"]["title"] or "").startswith(gold["title_starts"]),
        "references_ok": references == gold["references"],
        "signature_ok": draft["signature"] == gold["signature"],
    }


def evaluate(seeds_dir: Path = SEEDS_DIR) -> dict:
    per_seed = {}
    for gold_path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(gold_path.read_text())
        draft = extract_file(seeds_dir / gold["seed"]).to_dict()
        per_seed[gold_path.stem] = evaluate_one(gold, draft)
    total = {k: sum(s[k] for s in per_seed.values()) for k in next(iter(per_seed.values()))}
    summary = {
        "precision": total["targets_matched"] / max(1, total["targets_predicted"]),
        "recall": total["targets_matched"] / max(1, total["targets_gold"]),
        "comparator_value_accuracy": total["targets_exact"] / max(1, total["targets_matched"]),
        "tasks_exact": f"{total['tasks_exact']}/{total['tasks_gold']}",
        "tasks_predicted": total["tasks_predicted"],
        "metadata_ok": f"{total['metadata_ok']}/{len(per_seed)}",
        "references_ok": f"{total['references_ok']}/{len(per_seed)}",
        "signature_ok": f"{total['signature_ok']}/{len(per_seed)}",
    }
    return {"summary": summary, "per_seed": per_seed}


if __name__ == "__main__":
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else SEEDS_DIR
    print(json.dumps(evaluate(seeds), ensure_ascii=False, indent=2))
