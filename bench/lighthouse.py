"""Lighthouse's mobile performance and accessibility scores of the demo's report page and plan
overview (#17: performance >= 90, accessibility 100), in Debian's Chromium.

`python bench/lighthouse.py [--json] [--keep]`

The demo is built in a fresh SQLite database under bench/out/lighthouse (load_demo), static
files are collected with the production storage (hashed, gzip and brotli), and gunicorn serves
the site with DEBUG off, as in production behind its proxy. Lighthouse (npm, pinned in
bench/lighthouse/package.json, installed there on first use: not part of the site or of
`make test`) opens each page as the demo account that works in it, with the session cookie of
that account, under its default mobile emulation (Moto G power, slow 4G, CPU slowed 4x).
Scores and the main timings are printed; the full reports are left in bench/out/lighthouse.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out" / "lighthouse"
TOOL = BENCH / "lighthouse"
LIGHTHOUSE = TOOL / "node_modules" / ".bin" / "lighthouse"
PYTHON = sys.executable
AUDITS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
    "interactive",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment() -> dict:
    env = dict(os.environ)
    env.update(
        THIDUA_VAR_DIR=str(OUT / "var"),
        DATABASE_URL=f"sqlite:///{OUT / 'var' / 'db.sqlite3'}",
        DEBUG="0",
        SECRET_KEY="lighthouse-bench-only",
        DJANGO_SETTINGS_MODULE="thidua.settings",
    )
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def session_cookie(env, username: str) -> str:
    """A signed-in session of the demo account, as the browser would hold it."""
    code = (
        "import django; django.setup();"
        "from django.contrib.auth import get_user_model; from django.test import Client;"
        f"c = Client(); c.force_login(get_user_model().objects.get(username={username!r}));"
        "print(c.cookies['sessionid'].value)"
    )
    return subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def demo_paths(env) -> dict[str, tuple[str, str]]:
    """{name: (account, path)} of the two pages the issue names."""
    code = (
        "import django; django.setup();"
        "from plans.models import Plan; from reporting.models import Report;"
        "plan = Plan.objects.filter(issuer__code='LCI', targets__indicator__isnull=False).first();"
        "report = Report.objects.filter(unit__code='LSN-XTN').order_by('-period__start').first();"
        "print(plan.pk, report.pk)"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    plan, report = out[-2], out[-1]
    return {
        "report page": ("baocao", f"/bao-cao/{report}/"),
        "plan overview": ("tinh", f"/giam-sat/ke-hoach/{plan}/"),
    }


def lighthouse(url: str, cookie: str, name: str) -> dict:
    report = OUT / f"{name.replace(' ', '-')}.json"
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH") or shutil.which("chromium"))
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance,accessibility",
            "--output=json",
            f"--output-path={report}",
            f"--extra-headers={json.dumps({'Cookie': f'sessionid={cookie}'})}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--quiet",
        ],
        env=env,
        check=True,
    )
    data = json.loads(report.read_text())
    return {
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        **{audit: data["audits"][audit]["displayValue"] for audit in AUDITS},
        "bytes": data["audits"]["total-byte-weight"]["numericValue"],
        "failed_accessibility": [
            ref["id"]
            for ref in data["categories"]["accessibility"]["auditRefs"]
            if ref["weight"] and (data["audits"][ref["id"]]["score"] or 0) < 1
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--keep", action="store_true", help="reuse the demo of the last run")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
            cwd=TOOL,
            check=True,
        )
    env = environment()
    if not args.keep:
        shutil.rmtree(OUT, ignore_errors=True)
    (OUT / "var").mkdir(parents=True, exist_ok=True)
    if not (OUT / "var" / "db.sqlite3").exists():
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "compilemessages", "--ignore=.venv", "--ignore=node_modules", "--verbosity", "0")
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "thidua.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(OUT / "gunicorn.log").open("w"),
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/dang-nhap/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        results = {}
        for name, (account, path) in demo_paths(env).items():
            cookie = session_cookie(env, account)
            results[name] = {"path": path, **lighthouse(base + path, cookie, name)}
    finally:
        server.terminate()
        server.wait()
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        for name, result in results.items():
            print(f"{name}: {result}")


if __name__ == "__main__":
    main()
