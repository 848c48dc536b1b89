"""A child for core/tests/test_uploads.py: counts, sleeps past its time, or eats memory."""

import json
import sys
import time


def main(what: str) -> int:
    if what == "count":
        for n in (1, 2):
            print(json.dumps({"n": n}), flush=True)
        print(json.dumps({"done": True}), flush=True)
    elif what == "sleep":
        print(json.dumps({"n": 1}), flush=True)
        time.sleep(60)
    elif what == "eat":
        hoard = []
        while True:
            hoard.append(bytearray(50 * 1024 * 1024))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
