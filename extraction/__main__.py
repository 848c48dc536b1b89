"""python -m extraction PATH: print the structured draft of a plan document as JSON."""

import json
import sys

from extraction import ExtractionError, extract_file


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("Cách dùng: python -m extraction TỆP_KẾ_HOẠCH", file=sys.stderr)
        return 2
    try:
        draft = extract_file(argv[0])
    except ExtractionError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    print(json.dumps(draft.to_dict(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
