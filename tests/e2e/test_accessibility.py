"""The pages people work in pass axe-core's WCAG 2.1 A and AA rules, on the desktop and on a
phone, as each demo role sees them; on the phone none of them scrolls sideways (a wide table or
chart scrolls inside its own box).

axe-core comes from npm (package.json's devDependencies) and is injected into the page by the
test only: the site never serves it. The context bypasses the Content-Security-Policy for that
injection alone; the pages themselves are unchanged."""

import os

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from awards.models import AwardRecord
from council.models import CouncilSession
from decisions.models import Decision
from evaluation.models import EvaluationScheme, RankingVersion
from initiatives.models import Initiative
from nominations.models import AwardRound, Nomination
from org.models import EmulationBlock, OrgUnit
from plans.models import Plan
from registrations.models import RegistrationRound
from reporting.models import Report, Schedule

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    # What the browser receives and how it reads does not depend on the database: measured once,
    # in the SQLite pass of `make test`, so the PostgreSQL pass keeps CI under its 30 minutes.
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="front-end measure, the same on any database: run in the SQLite pass",
    ),
]

AXE_SOURCE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
VIEWPORTS = ({"width": 1366, "height": 900}, {"width": 360, "height": 740})


def violations(page) -> list[str]:
    page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = page.evaluate(WCAG_AA)
    return [
        f"{page.url} {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]


def visit_as(browser, base_url, username, paths):
    found = []
    for viewport in VIEWPORTS:
        context = browser.new_context(locale="vi-VN", viewport=viewport, bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto(base_url + "/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill("thidua2026")
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(lambda url: "/dang-nhap/" not in url)
        for path in paths:
            response = page.goto(base_url + path)
            assert response.status == 200, f"{username} {path}: {response.status}"
            page.wait_for_load_state("networkidle")
            found += [f"{viewport['width']} px, {username}: {v}" for v in violations(page)]
            page_width = page.evaluate("document.documentElement.scrollWidth")
            if page_width > viewport["width"]:
                found.append(f"{viewport['width']} px, {username}: {path} is {page_width} px wide")
        context.close()
    return found


def test_the_checker_finds_a_violation_when_there_is_one(browser):
    """Guards the test below against passing because axe did not run."""
    page = browser.new_page()
    page.set_content('<html lang="vi"><body><main><img src="x.png"></main></body></html>')
    assert any(" image-alt " in line for line in violations(page))
    page.close()


def test_demo_pages_have_no_wcag_aa_violations(browser, live_server):
    call_command("load_demo")
    province = OrgUnit.objects.get(code="LCI")
    plan = Plan.objects.filter(issuer=province, targets__indicator__isnull=False).first()
    target = plan.targets.filter(indicator__isnull=False).first()
    # A plan none of whose targets is monitored: an empty status donut, a table with no link.
    unmonitored = Plan.objects.filter(issuer=province).exclude(targets__indicator__isnull=False)
    task = plan.tasks.first()
    schedule = Schedule.objects.filter(plan=plan).first()
    report = Report.objects.filter(unit__code="LSN-XTN").order_by("-period__start").first()
    commune_plan = Plan.objects.filter(issuer__code="LSN-XTN").first()

    found = visit_as(
        browser,
        live_server.url,
        "tinh",
        [
            "/",
            "/ke-hoach/",
            f"/ke-hoach/{plan.pk}/",
            f"/ke-hoach/{plan.pk}/trien-khai/",
            f"/ke-hoach/{plan.pk}/sua/",
            "/ke-hoach/chi-tieu/",
            "/ke-hoach/nhiem-vu/",
            f"/ke-hoach/nhiem-vu/{task.pk}/",
            "/ke-hoach/nhap/",
            "/giam-sat/",
            f"/giam-sat/ke-hoach/{plan.pk}/",
            f"/giam-sat/ke-hoach/{unmonitored.first().pk}/",
            f"/giam-sat/ke-hoach/{plan.pk}/ban-do-nhiet/",
            f"/giam-sat/ke-hoach/{plan.pk}/nhiem-vu/",
            f"/giam-sat/chi-tieu/{target.pk}/",
            f"/giam-sat/don-vi/{province.pk}/",
            "/don-vi/",
            f"/don-vi/{province.pk}/",
            "/bao-cao/lich/",
            f"/bao-cao/lich/{schedule.pk}/",
            f"/bao-cao/lich/{schedule.pk}/theo-doi/",
            "/viec-chay-nen/",
        ],
    )
    found += visit_as(browser, live_server.url, "tinh", second_half_pages(province, plan, task))
    found += visit_as(
        browser,
        live_server.url,
        "hoidong",
        [
            "/",
            reverse(
                "council:session",
                args=[CouncilSession.objects.filter(round__unit=province).latest("pk").pk],
            ),
        ],
    )
    found += visit_as(
        browser,
        live_server.url,
        "baocao",
        ["/", "/bao-cao/", f"/bao-cao/{report.pk}/", "/bao-cao/dang-ky/"],
    )
    found += visit_as(
        browser, live_server.url, "xa", ["/", f"/ke-hoach/{commune_plan.pk}/", "/ke-hoach/"]
    )
    assert found == []


def second_half_pages(province, plan, task) -> list[str]:
    """The province's forms, evaluation and award pages of the demo, as its coordinator opens
    them."""
    scheme = EvaluationScheme.objects.filter(issuer=province).latest("pk")
    version = RankingVersion.objects.filter(scheme=scheme).latest("pk")
    block = EmulationBlock.objects.filter(province=province).order_by("order").first()
    award_round = AwardRound.objects.filter(unit=province).latest("pk")
    schedule = plan.schedules.first()
    return [
        "/bao-cao/",
        reverse("plans:task_edit", args=[task.pk]),
        reverse("reporting:schedule_edit", args=[schedule.pk]),
        reverse("registrations:list"),
        reverse(
            "registrations:round",
            args=[RegistrationRound.objects.filter(plan__issuer=province).latest("pk").pk],
        ),
        reverse("initiatives:list"),
        reverse(
            "initiatives:detail",
            args=[Initiative.objects.filter(unit__path__startswith=province.path).latest("pk").pk],
        ),
        reverse("evaluation:list"),
        reverse("evaluation:scheme", args=[scheme.pk]),
        reverse("evaluation:ranking", args=[version.pk]) + f"?block={block.pk}",
        reverse("nominations:rounds"),
        reverse("nominations:round", args=[award_round.pk]),
        reverse(
            "nominations:detail",
            args=[Nomination.objects.filter(round=award_round).latest("pk").pk],
        ),
        reverse("council:sessions"),
        reverse(
            "council:session",
            args=[CouncilSession.objects.filter(round__unit=province).latest("pk").pk],
        ),
        reverse("decisions:decisions"),
        reverse("decisions:detail", args=[Decision.objects.filter(unit=province).latest("pk").pk]),
        reverse("awards:registry"),
        reverse("awards:catalogue"),
        reverse("awards:classification", args=[version.pk]) + f"?block={block.pk}",
        reverse(
            "awards:unit",
            args=[
                AwardRecord.objects.filter(subject_unit__path__startswith=province.path)
                .latest("pk")
                .subject_unit_id
            ],
        ),
    ]
