import os
import shutil

import pytest
from playwright.sync_api import expect

# CI runs on a 2-core machine beside PostgreSQL: give each expectation the same patience as
# the pages' actions (an autosave waits 1.5 s after the last key, then the server answers).
expect.set_options(timeout=15_000)

# Playwright's sync API runs an event loop in this thread; the live server's database calls are
# still plain synchronous Django, so this check is a false alarm here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not executable:
        pytest.fail("Debian's chromium is required for end-to-end tests (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def jobs_worker(transactional_db, settings, tmp_path):
    """A real Celery worker process beside the live server, on the test database and broker
    (Redis when CELERY_BROKER_URL or REDIS_URL is set, as in CI), sharing its media folder."""
    from jobs.tests.worker import purge_queue, start_worker, stop_worker

    settings.MEDIA_ROOT = tmp_path / "media"
    purge_queue()
    worker = start_worker(tmp_path)
    yield worker
    stop_worker(worker)
