"""Benchmark: extract a ~30-page plan. `python bench/extract_bench.py [--json]`.

The document is built from the five seed plans (about 100 kB of text, i.e. about 30 pages at
3,300 characters a page), then extracted `--repeat` times; the median and max are printed.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction import extract_text  # noqa: E402

SEEDS = Path(os.environ.get("THIDUA_SEEDS_DIR", ROOT.parent / "shared" / "seeds"))
CHARS_PER_PAGE = 3300


def thirty_page_plan() -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    first, rest = seeds[0], seeds[1:]
    # One header, the bodies of all five plans, repeated until about 30 pages.
    body = "\n\n".join(text.split("I. ", 1)[-1] for text in rest)
    text = first
    while len(text) < 30 * CHARS_PER_PAGE:
        text += "\n\n" + body
    return text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    text = thirty_page_plan()
    extract_text(text)  # warm up: regex compilation, imports
    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        draft = extract_text(text)
        timings.append(time.perf_counter() - start)
    result = {
        "benchmark": "extract_30_page_plan",
        "characters": len(text),
        "pages": round(len(text) / CHARS_PER_PAGE, 1),
        "targets": len(draft.targets),
        "tasks": len(draft.tasks),
        "median_s": round(statistics.median(timings), 4),
        "max_s": round(max(timings), 4),
        "budget_s": 0.5,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}",
    }
    print(json.dumps(result, ensure_ascii=False) if args.json else json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
