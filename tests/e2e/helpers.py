"""Steps the end-to-end tests share."""


def report_page_ready(page) -> None:
    """Wait until the report page's script listens, before typing into it."""
    page.wait_for_function(
        "document.getElementById('report-form') && "
        "document.getElementById('report-form').dataset.ready === '1'"
    )
