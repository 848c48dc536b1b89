"""English, the second language: a person who chose it with the switch reads the menu and the
pages in English; everyone else, whatever their browser's language, reads Vietnamese."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from org.models import Role
from org.scope import user_scope
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory, TaskFactory
from reporting import services
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)

pytestmark = pytest.mark.django_db

MENU_EN = (
    "To do",
    "Plans",
    "Targets",
    "Tasks",
    "Reports",
    "Report tracking",
    "Monitoring",
    "Units",
)
MENU_VI = (
    "Việc cần làm",
    "Kế hoạch",
    "Chỉ tiêu",
    "Nhiệm vụ",
    "Báo cáo",
    "Theo dõi báo cáo",
    "Giám sát",
    "Đơn vị",
    "Việc chạy nền",
    "Đổi mật khẩu",
    "Đăng xuất",
    "Ngôn ngữ",
)


@pytest.fixture
def reporter(world):
    """The commune's reporter, with the commune's monthly report open."""
    plan = PlanFactory(issuer=world.commune)
    schedule = ScheduleFactory(plan=plan)
    ScheduleIndicatorFactory(schedule=schedule, indicator=IndicatorFactory())
    schedule.tasks.add(TaskFactory(plan=plan))
    user = user_with_role(world.commune, Role.REPORTER, username="baocao_en")
    report = services.report_open(
        scope=user_scope(user), unit=world.commune, period=PeriodFactory(schedule=schedule)
    )
    return user, report


def nav(html: str) -> str:
    """The text of the top menu (the person's menu included)."""
    menu = re.search(r"<nav class=\"navbar.*?</nav>", html, re.S)[0]
    return re.sub(r"<[^>]+>", " ", menu)


def pages(report) -> dict[str, tuple[str, ...]]:
    """Each page, with English words of its own content."""
    return {
        reverse("home"): ("Report", "To enter and send:"),
        reverse("plans:list"): ("Plans", "Issuing unit"),
        reverse("reporting:detail", args=[report.pk]): ("Indicator figures", "Save draft"),
    }


def test_with_english_chosen_the_menu_and_the_pages_read_in_english(client, reporter):
    user, report = reporter
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for url, words in pages(report).items():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="en">' in html
        menu = nav(html)
        assert all(label in menu for label in MENU_EN), (url, menu)
        assert not [label for label in MENU_VI if label in menu], (url, menu)
        assert all(word in html for word in words), url


def test_vietnamese_stays_the_default_whatever_the_browser_asks(client, reporter):
    user, report = reporter
    client.force_login(user)
    for url in pages(report):
        html = client.get(url, headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
        assert '<html lang="vi">' in html
        menu = nav(html)
        assert all(label in menu for label in MENU_VI), (url, menu)
        assert "Plans" not in menu


def test_the_switch_remembers_the_choice_for_a_year_and_comes_back(client, reporter):
    user, report = reporter
    client.force_login(user)
    home = client.get(reverse("home")).content.decode()
    assert 'action="/i18n/setlang/"' in home and 'value="en"' in home
    url = reverse("plans:list")
    response = client.post(reverse("set_language"), {"language": "en", "next": url})
    assert response.status_code == 302 and response.url == url
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en" and int(cookie["max-age"]) == 365 * 24 * 3600
    assert "Plans" in nav(client.get(url).content.decode())
    client.post(reverse("set_language"), {"language": "vi", "next": url})
    assert "Kế hoạch" in nav(client.get(url).content.decode())


def test_the_login_page_offers_the_switch(client):
    html = client.get(reverse("login")).content.decode()
    assert 'data-testid="language-switch"' in html
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("login")).content.decode()
    assert "Log in" in html and "Username" in html and "Đăng nhập" not in html


def test_an_unknown_language_in_the_cookie_is_vietnamese(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert '<html lang="vi">' in client.get(reverse("login")).content.decode()


def test_the_rows_of_a_report_read_in_the_language_of_each_request(client, reporter):
    """The report page's rows are written in Python with their words looked up once per
    language; a request in one language must never get the other's words."""
    user, report = reporter
    client.force_login(user)
    url = reverse("reporting:detail", args=[report.pk])
    row_words = {
        "en": ('data-label="Previous period"', 'data-label="This period"', "Condition"),
        "vi": ('data-label="Kỳ trước"', 'data-label="Kỳ này"', "Tình trạng"),
    }
    for language in ("en", "vi", "en"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        html = client.get(url).content.decode()
        other = "vi" if language == "en" else "en"
        assert all(word in html for word in row_words[language]), language
        assert not [word for word in row_words[other][:2] if word in html], language


def test_the_menu_kept_for_each_language_shows_the_catalogue_only_to_staff(client, reporter):
    """The menu's links are rendered once per process (CACHES["fragments"]) for each language
    and each kind of person: whatever order the pages come in, a person reads their own."""
    user, report = reporter
    staff = user_with_role(report.unit, Role.COORDINATOR, username="dieuphoi_en")
    staff.is_staff = True
    staff.save()
    seen = []
    for person, language in ((staff, "vi"), (user, "vi"), (user, "en"), (staff, "en")):
        client.force_login(person)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        menu = nav(client.get(reverse("home")).content.decode())
        catalogue = "Catalogue" if language == "en" else "Danh mục"
        seen.append((person.is_staff, language, catalogue in menu, "Plans" in menu))
    assert seen == [
        (True, "vi", True, False),
        (False, "vi", False, False),
        (False, "en", False, True),
        (True, "en", True, True),
    ]
