"""Steps the end-to-end tests share."""


def report_page_ready(page) -> None:
    """Wait until the report page's script listens, before typing into it. A selector, not
    wait_for_function: Playwright polls a function with eval, which the site's
    Content-Security-Policy forbids (docs/security.md)."""
    page.wait_for_selector("#report-form[data-ready='1']", state="attached")
