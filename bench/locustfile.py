"""Simulated reporters for the load test of bench/run.py (locust, headless, loopback only).

Each simulated reporter takes one account of the load plan (`BENCH_LOAD_PLAN`, written by
bench/run.py), logs in once (a failed login is tried again, MAX_TRIES times), then works through
its queue of draft reports, oldest first: open the report page, autosave a figure for every
indicator (with the version the page gave), submit. A submitted report is no longer editable,
so each report is done once; a reporter whose queue is empty stops. Between steps the reporter
"reads and types" for a random think time (`BENCH_THINK_MIN`..`BENCH_THINK_MAX` seconds).

Every request, every save sent and every acknowledged save and submit, is appended to
`BENCH_LOAD_OUT/sent-<pid>.jsonl`, so that run.py can take the latencies of the steady state and
check that every figure the server acknowledged is in the database. A refused or failed step is
tried again from the page (MAX_TRIES), as the page's offline copy sends what was typed again.

The figures sent (bench/reporter_figures.py) stay near the unit's last accepted report, so the
submit's checks pass as they would for a careful reporter.
"""

import json
import os
import random
import re
import sys
import time
from pathlib import Path

import gevent
from locust import FastHttpUser, between, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reporter_figures import figures  # noqa: E402

PLAN = json.loads(Path(os.environ["BENCH_LOAD_PLAN"]).read_text(encoding="utf-8"))
OUT_DIR = Path(os.environ["BENCH_LOAD_OUT"])
THINK = (
    float(os.environ.get("BENCH_THINK_MIN", "1")),
    float(os.environ.get("BENCH_THINK_MAX", "2")),
)
VERSION_RE = re.compile(r'name="version" value="(\d+)"')
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MAX_TRIES = 3  # a report refused this many times is left, and counted, rather than retried
_accounts = iter(PLAN["users"])
_log = None


def record(event: dict) -> None:
    """One line of what the server acknowledged; files are per process (gevent does not
    switch inside a write to a regular file)."""
    global _log
    if _log is None:
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        _log = (OUT_DIR / f"sent-{os.getpid()}.jsonl").open("a", encoding="utf-8")
    _log.write(json.dumps({"t": time.time(), **event}) + "\n")
    _log.flush()


@events.request.add_listener
def on_request(request_type, name, response_time, exception=None, **kwargs):
    """Every request with its end time, so that run.py can take latencies of the steady state
    (after the logins) rather than of the whole run."""
    record({"event": "request", "name": name, "ms": response_time, "ok": exception is None})


class Reporter(FastHttpUser):
    """Cán bộ đầu mối of one leaf unit, reporting the open months one after another."""

    wait_time = between(*THINK)

    def on_start(self):
        try:
            self.account = next(_accounts)
        except StopIteration as exc:  # more simulated users than accounts
            raise StopUser() from exc
        self.position = 0
        self.tries = 0
        self.base = {
            int(k): v for k, v in self.account["base"].items()
        }  # indicator id -> [kind, a, b]
        # A login cut off (a worker killed, PostgreSQL restarting) is tried again from the login
        # page, as a person whose browser showed an error logs in again; MAX_TRIES, then the
        # account is left and counted.
        for _ in range(MAX_TRIES):
            if self._log_in():
                record({"event": "login", "user": self.account["username"]})
                return
            self.think()
        record({"event": "login_abandoned", "user": self.account["username"]})
        raise StopUser()

    def _log_in(self) -> bool:
        with self.client.get("/dang-nhap/", name="login page", catch_response=True) as page:
            token = TOKEN_RE.search(page.text or "")
            if page.status_code != 200 or not token:
                page.failure(f"login page without a form: {page.status_code}")
                return False
        with self.client.post(
            "/dang-nhap/",
            data={
                "username": self.account["username"],
                "password": PLAN["password"],
                "csrfmiddlewaretoken": token.group(1),
                "next": "",
            },
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login refused: {response.status_code}")
                return False
        return True

    def think(self):
        gevent.sleep(random.uniform(*THINK))

    @task
    def report_cycle(self):
        reports = self.account["reports"]
        if self.position >= len(reports):
            record({"event": "done", "user": self.account["username"]})
            raise StopUser()
        report_id = reports[self.position]
        with self.client.get(
            f"/bao-cao/{report_id}/", name="page", catch_response=True
        ) as response:
            version = VERSION_RE.search(response.text or "")
            token = TOKEN_RE.search(response.text or "")
            if response.status_code != 200 or not version or not token:
                response.failure(f"page without a form: {response.status_code}")
                return self._refused(report_id)
        self.think()
        rng = random.Random(report_id * 100 + self.tries)
        fields, sent = figures(self.base, rng)
        # Sent but not yet acknowledged: if the worker dies after its commit and before its
        # answer, the database may hold these figures though the reporter never heard back.
        record({"event": "attempt", "report": report_id, "values": sent})
        with self.client.post(
            f"/bao-cao/{report_id}/tu-dong-luu/",
            data={"version": version.group(1), **fields},
            headers={"X-CSRFToken": token.group(1)},
            name="autosave",
            catch_response=True,
        ) as response:
            answer = response.json() if response.status_code in (200, 400, 409) else {}
            if response.status_code != 200 or not answer.get("ok"):
                response.failure(f"autosave {response.status_code}: {str(answer)[:200]}")
                return self._refused(report_id)
        record(
            {
                "event": "save",
                "user": self.account["username"],
                "report": report_id,
                "version": answer["version"],
                "values": sent,
            }
        )
        self.think()
        with self.client.post(
            f"/bao-cao/{report_id}/gui/",
            data={"csrfmiddlewaretoken": token.group(1)},
            name="submit",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"submit refused: {response.status_code}")
                return self._refused(report_id)
        record({"event": "submit", "user": self.account["username"], "report": report_id})
        self.position += 1
        self.tries = 0

    def _refused(self, report_id: int) -> None:
        self.tries += 1
        if self.tries >= MAX_TRIES:
            record({"event": "abandoned", "user": self.account["username"], "report": report_id})
            self.position += 1
            self.tries = 0
