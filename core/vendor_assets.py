"""Build static/vendor from node_modules: copy the front-end files the pages use, and bundle the
parts of ECharts the dashboards draw (assets/echarts.js) with esbuild.

Run by `make assets` after `npm ci`; the versions are pinned in package-lock.json. The folder is
rebuilt from scratch, so a file no longer used (the full ECharts build) does not linger and get
collected.
"""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "static" / "vendor"
FILES = {
    "bootstrap/dist/css/bootstrap.min.css": "bootstrap/bootstrap.min.css",
    "bootstrap/dist/js/bootstrap.bundle.min.js": "bootstrap/bootstrap.bundle.min.js",
    "bootstrap-icons/font/bootstrap-icons.min.css": "bootstrap-icons/bootstrap-icons.min.css",
    "bootstrap-icons/font/fonts/bootstrap-icons.woff2": (
        "bootstrap-icons/fonts/bootstrap-icons.woff2"
    ),
    "bootstrap-icons/font/fonts/bootstrap-icons.woff": "bootstrap-icons/fonts/bootstrap-icons.woff",
    "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
}
CHARTS_ENTRY = ROOT / "assets" / "echarts.js"
CHARTS = VENDOR / "echarts" / "charts.min.js"


def bundle_charts() -> None:
    """ECharts' core with only the chart types and components the dashboards use, as one
    minified script that sets window.echarts (esbuild from npm, offline once installed)."""
    CHARTS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            str(ROOT / "node_modules" / ".bin" / "esbuild"),
            str(CHARTS_ENTRY),
            "--bundle",
            "--minify",
            "--format=iife",
            "--target=es2018",
            "--legal-comments=none",
            "--log-level=warning",
            f"--outfile={CHARTS}",
        ],
        check=True,
        cwd=ROOT,
    )
    # ECharts is Apache-2.0: its licence travels with the bundle.
    shutil.copyfile(ROOT / "node_modules" / "echarts" / "LICENSE", CHARTS.parent / "LICENSE")


def main() -> None:
    shutil.rmtree(VENDOR, ignore_errors=True)
    for source, target in FILES.items():
        destination = VENDOR / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "node_modules" / source, destination)
    bundle_charts()


if __name__ == "__main__":
    main()
