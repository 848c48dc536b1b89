"""A commune coordinator uploads the PDF of a plan: the page answers at once with a progress bar
that a real worker moves, and lands on the review page when the file is read."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from org.models import Role
from org.tests.factories import user_with_role
from plans.models import PlanImport

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = Path(__file__).resolve().parents[2] / "extraction" / "tests" / "fixtures" / "ke-hoach-so.pdf"

# Every status the progress block shows, in order, recorded as HTMX swaps it.
RECORD_STATUSES = """
let last = null;
new MutationObserver(() => {
  const block = document.getElementById("job-progress");
  const bar = block && block.querySelector(".progress-bar");
  const status = bar && `${block.dataset.status} ${bar.style.width}`;
  if (status && status !== last) { last = status; window.recordStatus(status); }
}).observe(document, {subtree: true, childList: true, attributes: true});
"""


def test_coordinator_imports_a_pdf_and_lands_on_the_review_page(
    live_server, page, world, jobs_worker
):
    user_with_role(world.province, Role.COORDINATOR, username="tinh")
    seen: list[str] = []
    page.expose_function("recordStatus", lambda status: seen.append(status))
    page.add_init_script(RECORD_STATUSES)
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("tinh")
    page.get_by_label("Mật khẩu").fill("thidua2026")
    page.get_by_role("button", name="Đăng nhập").click()

    page.goto(live_server.url + "/ke-hoach/nhap/")
    page.get_by_label("Đơn vị ban hành").select_option(value=str(world.department.pk))
    page.get_by_label("Tệp kế hoạch").set_input_files(str(PDF))
    page.get_by_role("button", name="Tải lên và đọc").click()

    expect(page).to_have_url(re.compile(r"/viec-chay-nen/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("progressbar")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/ke-hoach/nhap/\d+/"), timeout=60_000)
    expect(page.get_by_label("Số, ký hiệu")).to_have_value("125/KH-SKHCN")
    plan_import = PlanImport.objects.get()
    assert plan_import.original_name == "ke-hoach-so.pdf" and plan_import.status == "pending"
    # The bar was seen waiting or running before the page moved on (no reload: one document).
    # e.g. ["pending 0%", "running 10%"]: how many states show depends on the poll's timing.
    assert seen and seen[0].split()[0] in ("pending", "running")
    assert not any(s.startswith("failed") for s in seen)
    percents = [int(s.split()[1].rstrip("%")) for s in seen]
    assert percents == sorted(percents)

    page.locator(".user-menu").click()  # the person's own menu holds their jobs
    page.get_by_role("link", name="Việc chạy nền").click()
    expect(page.get_by_role("row", name=re.compile("ke-hoach-so.pdf"))).to_contain_text("Xong")
