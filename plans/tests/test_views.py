import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from movements.models import Movement
from org.models import Role
from org.tests.factories import OrgUnitFactory, PersonFactory, user_with_role
from plans.models import Plan, PlanText, Target, Task
from plans.tests.factories import (
    PlanFactory,
    PlanReferenceFactory,
    TargetFactory,
    TaskDeadlineFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, commune_coordinator):
    client.force_login(commune_coordinator)
    return client


class TestPlanPages:
    def test_plan_page_shows_metadata_references_targets_and_tasks(self, coordinator_client, world):
        parent = Plan.objects.create(number="160/KH-UBND", title="KH tỉnh", status="placeholder")
        plan = PlanFactory(issuer=world.commune, number="", status="draft", issued_period="2026-07")
        PlanReferenceFactory(plan=plan, referenced=parent)
        TargetFactory(plan=plan, text="Trên 70% hộ kinh doanh ứng dụng công nghệ số", value=70)
        task = TaskFactory(plan=plan, title="Rà soát hạ tầng", lead_units_text="Văn phòng")
        TaskDeadlineFactory(task=task, kind="quarter", year=2026, quarter=2, frequency="")
        page = coordinator_client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
        assert "07/2026" in page
        assert "160/KH-UBND" in page and "chưa nhập" in page
        assert "Trên 70% hộ kinh doanh" in page and "70" in page
        assert "Rà soát hạ tầng" in page and "Quý II/2026" in page and "Văn phòng" in page

    def test_decimal_values_use_a_decimal_comma(self, coordinator_client, world):
        plan = PlanFactory(issuer=world.commune)
        TargetFactory(plan=plan, value="1.5", unit="%")
        page = coordinator_client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
        assert "1,5" in page

    def test_cascade_page_flags_missing_plans(self, client, world):
        client.force_login(user_with_role(world.province))
        plan = PlanFactory(issuer=world.province)
        TargetFactory(plan=plan)
        page = client.get(reverse("plans:cascade", args=[plan.pk])).content.decode()
        assert "Chưa ban hành" in page
        assert world.other_commune.name in page

    def test_cascade_page_counts_the_units_that_issued_a_plan_in_the_chosen_year(
        self, client, world
    ):
        client.force_login(user_with_role(world.province))
        movement = Movement.objects.create(name="Phong trào", start_year=2026, end_year=2030)
        plan = PlanFactory(issuer=world.province, movement=movement)
        for unit, day in (
            (world.commune, datetime.date(2026, 3, 2)),
            (world.other_commune, datetime.date(2027, 2, 1)),
        ):
            PlanReferenceFactory(plan=PlanFactory(issuer=unit, issued_on=day), referenced=plan)
        url = reverse("plans:cascade", args=[plan.pk])
        page = client.get(url, {"year": "2026"}).content.decode()
        count = page.split('data-testid="year-count"')[1].split("</p>")[0]
        assert "1/3" in count and "đơn vị đã ban hành kế hoạch năm 2026" in count
        page = client.get(url, {"year": "2027", "q": "bac ha"}).content.decode()
        table = page.split('data-testid="cascade"')[1]
        assert "UBND xã Bắc Hà" in table and "UBND xã Thống Nhất" not in table
        assert "1/3" in page.split('data-testid="year-count"')[1].split("</p>")[0]

    def test_cascade_page_opens_on_this_year(self, client, world):
        client.force_login(user_with_role(world.province))
        plan = PlanFactory(issuer=world.province)
        page = client.get(reverse("plans:cascade", args=[plan.pk])).content.decode()
        this_year = str(datetime.date.today().year)
        assert f"kế hoạch năm {this_year}" in page
        assert f'<option value="{this_year}" selected>' in page

    def test_a_year_outside_the_movement_gets_a_message_and_the_default(self, client, world):
        client.force_login(user_with_role(world.province))
        plan = PlanFactory(issuer=world.province)
        response = client.get(reverse("plans:cascade", args=[plan.pk]), {"year": "1999"})
        assert response.status_code == 200
        form = response.content.decode().split('data-testid="cascade-filter"')[1]
        assert "lựa chọn hợp lệ" in form.split("</form>")[0]


class TestForms:
    def test_plan_is_created_from_the_form(self, coordinator_client, world):
        response = coordinator_client.post(
            reverse("plans:create"),
            {
                "doc_type": "KH",
                "number": "15/KH-UBND",
                "issuer": world.commune.pk,
                "title": "Kế hoạch chuyển đổi số xã",
                "issued_on": "05/01/2026",
                "status": "issued",
            },
        )
        plan = Plan.objects.get()
        assert response.status_code == 302
        assert plan.issued_on == datetime.date(2026, 1, 5)

    def test_bad_target_shows_a_vietnamese_message_next_to_the_field_and_saves_nothing(
        self, coordinator_client, world
    ):
        plan = PlanFactory(issuer=world.commune)
        response = coordinator_client.post(
            reverse("plans:target_create", args=[plan.pk]),
            {"text": "Tỷ lệ hồ sơ", "comparator": ">=", "value": "120", "unit": "%", "order": 0},
        )
        assert response.status_code == 200
        assert "Tỷ lệ phần trăm phải từ 0 đến 100." in response.content.decode()
        assert Target.objects.count() == 0

    def test_target_form_records_that_a_target_is_measured_elsewhere_and_why(
        self, coordinator_client, world
    ):
        plan = PlanFactory(issuer=world.commune)
        url = reverse("plans:target_create", args=[plan.pk])
        assert 'name="measured_elsewhere"' in coordinator_client.get(url).content.decode()
        coordinator_client.post(
            url,
            {
                "text": "Thuộc nhóm 15 tỉnh dẫn đầu về PII",
                "comparator": "top",
                "value": "15",
                "order": 0,
                "measured_elsewhere": "Thứ hạng PII do Bộ Khoa học và Công nghệ công bố.",
            },
        )
        target = Target.objects.get()
        assert target.measured_elsewhere.startswith("Thứ hạng PII")
        assert target.monitoring == "elsewhere"

    def test_decimal_comma_is_accepted_in_forms(self, coordinator_client, world):
        plan = PlanFactory(issuer=world.commune)
        coordinator_client.post(
            reverse("plans:target_create", args=[plan.pk]),
            {
                "text": "Chi KH&CN",
                "comparator": "range",
                "value": "1",
                "value_max": "1,5",
                "unit": "%",
                "order": 0,
            },
        )
        assert str(Target.objects.get().value_max) == "1.5000"

    def test_task_deadline_is_changed_through_the_form(self, coordinator_client, world):
        task = TaskFactory(plan=PlanFactory(issuer=world.commune), title="Số hóa hồ sơ")
        TaskDeadlineFactory(task=task)
        response = coordinator_client.post(
            reverse("plans:task_edit", args=[task.pk]),
            {
                "title": "Số hóa hồ sơ",
                "status": "in_progress",
                "progress": "40",
                "order": "0",
                "version": "1",
                "deadline-TOTAL_FORMS": "2",
                "deadline-INITIAL_FORMS": "1",
                "deadline-0-kind": "before",
                "deadline-0-date": "30/06/2026",
                "deadline-1-kind": "",
            },
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        task.refresh_from_db()
        assert task.due_date == datetime.date(2026, 6, 30)
        assert task.version == 2

    def test_a_task_not_started_at_90_percent_is_refused_next_to_its_progress(
        self, coordinator_client, world
    ):
        task = TaskFactory(plan=PlanFactory(issuer=world.commune), title="Gốc")
        response = coordinator_client.post(
            reverse("plans:task_edit", args=[task.pk]),
            {
                "title": "Mới",
                "status": "not_started",
                "progress": "90",
                "order": "0",
                "version": "1",
                "deadline-TOTAL_FORMS": "0",
                "deadline-INITIAL_FORMS": "0",
            },
        )
        page = response.content.decode()
        assert response.status_code == 200
        assert "Nhiệm vụ chưa thực hiện thì tiến độ là 0%" in page
        assert (
            'aria-invalid="true"'
            in page.split('name="progress"')[1].split(">")[0]
            + (page.split('name="progress"')[0][-200:])
        )
        assert Task.objects.get(pk=task.pk).title == "Gốc"

    def test_stale_task_form_is_refused_with_a_clear_message(self, coordinator_client, world):
        task = TaskFactory(plan=PlanFactory(issuer=world.commune), title="Gốc", version=3)
        response = coordinator_client.post(
            reverse("plans:task_edit", args=[task.pk]),
            {
                "title": "Ghi đè",
                "status": "not_started",
                "progress": "0",
                "order": "0",
                "version": "2",
                "deadline-TOTAL_FORMS": "0",
                "deadline-INITIAL_FORMS": "0",
            },
        )
        assert "vừa được người khác cập nhật" in response.content.decode()
        assert Task.objects.get(pk=task.pk).title == "Gốc"

    def test_bad_deadline_date_gets_a_message_and_changes_nothing(self, coordinator_client, world):
        task = TaskFactory(plan=PlanFactory(issuer=world.commune), title="Gốc")
        response = coordinator_client.post(
            reverse("plans:task_edit", args=[task.pk]),
            {
                "title": "Mới",
                "status": "not_started",
                "progress": "0",
                "order": "0",
                "version": "1",
                "deadline-TOTAL_FORMS": "1",
                "deadline-INITIAL_FORMS": "0",
                "deadline-0-kind": "date",
                "deadline-0-date": "31/02/2026",
            },
        )
        assert response.status_code == 200
        assert "is-invalid" in response.content.decode()
        assert Task.objects.get(pk=task.pk).title == "Gốc"


class TestTaskPersonInChargePages:
    """ "06 rõ" (seed 001 §I, seed 004 §I.2): rõ người and rõ thẩm quyền, edited and shown."""

    def _post(self, client, task, **extra):
        data = {
            "title": task.title,
            "status": "not_started",
            "progress": "0",
            "order": "0",
            "version": str(task.version),
            "deadline-TOTAL_FORMS": "0",
            "deadline-INITIAL_FORMS": "0",
        }
        data.update(extra)
        return client.post(reverse("plans:task_edit", args=[task.pk]), data)

    def test_person_choices_are_the_people_of_the_lead_units_in_scope(
        self, coordinator_client, world
    ):
        task = TaskFactory(plan=PlanFactory(issuer=world.commune))
        task.lead_units.add(world.village)
        PersonFactory(unit=world.village, full_name="Lò Văn Minh")
        PersonFactory(unit=world.commune, full_name="Vì Thị Hoa")
        PersonFactory(unit=world.other_commune, full_name="Hoàng Thị Lan")
        page = coordinator_client.get(reverse("plans:task_edit", args=[task.pk])).content.decode()
        choices = page.split('name="person_in_charge"')[1].split("</select>")[0]
        assert "Lò Văn Minh" in choices
        assert "Vì Thị Hoa" not in choices and "Hoàng Thị Lan" not in choices

    def test_person_and_authority_are_saved_from_the_form_and_shown_on_the_task_page(
        self, coordinator_client, world
    ):
        task = TaskFactory(plan=PlanFactory(issuer=world.commune))
        person = PersonFactory(unit=world.village, full_name="Lò Văn Minh")
        response = self._post(
            coordinator_client,
            task,
            lead_units=[world.village.pk],
            person_in_charge=person.pk,
            deciding_authority="Chủ tịch UBND xã",
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        page = coordinator_client.get(reverse("plans:task_detail", args=[task.pk])).content
        detail = page.decode()
        assert "Lò Văn Minh" in detail.split('data-testid="task-person"')[1].split("</dd>")[0]
        assert "Chủ tịch UBND xã" in detail.split('data-testid="task-authority"')[1]
        plan_page = coordinator_client.get(reverse("plans:detail", args=[task.plan_id]))
        assert "Lò Văn Minh" in plan_page.content.decode()

    def test_person_of_another_unit_gets_a_message_next_to_the_field_and_nothing_changes(
        self, coordinator_client, world
    ):
        task = TaskFactory(plan=PlanFactory(issuer=world.commune), title="Gốc")
        person = PersonFactory(unit=world.commune, full_name="Vì Thị Hoa")
        response = self._post(
            coordinator_client,
            task,
            title="Mới",
            lead_units=[world.village.pk],
            person_in_charge=person.pk,
        )
        assert response.status_code == 200
        field = response.content.decode().split('name="person_in_charge"')[1]
        assert "phải là cán bộ của một đơn vị chủ trì" in field.split("</div>")[1]
        fresh = Task.objects.get(pk=task.pk)
        assert fresh.title == "Gốc" and fresh.person_in_charge is None


class TestBlankNumberPlanLabels:
    """A plan issued as "Số: …/KH" reads by its issuer and date on every page."""

    LABEL = "Kế hoạch (chưa có số) của UBND tỉnh Lào Cai, 07/2026"

    @pytest.fixture
    def blank(self, world):
        plan = PlanFactory(
            issuer=world.province, number="", status="draft", issued_period="2026-07"
        )
        TaskFactory(plan=plan, title="Tuyên truyền")
        TargetFactory(plan=plan)
        return plan

    def test_lists_filters_breadcrumbs_and_the_home_page_name_it_by_issuer_and_date(
        self, client, world, blank
    ):
        client.force_login(user_with_role(world.commune, Role.COORDINATOR))
        task = blank.tasks.get()
        pages = {
            "plans": reverse("plans:list"),
            "tasks": reverse("plans:task_list"),
            "targets": reverse("plans:target_list"),
            "task": reverse("plans:task_detail", args=[task.pk]),
            "plan": reverse("plans:detail", args=[blank.pk]),
            "cascade": reverse("plans:cascade", args=[blank.pk]),
            "home": reverse("home"),
        }
        for name, url in pages.items():
            page = client.get(url).content.decode()
            assert self.LABEL in page, name
            assert "Số: …" not in page, name
        filters = client.get(reverse("plans:task_list")).content.decode()
        options = filters.split('name="plan"')[1].split("</select>")[0]
        assert self.LABEL in options


def _populate(world, n):
    # Blank-number plans are named by their issuer: the lists must fetch it with the plan.
    plan = PlanFactory(issuer=world.commune, number="", status="draft")
    for i in range(n):
        target = TargetFactory(plan=plan)
        target.responsible_units.add(world.village)
        task = TaskFactory(
            plan=plan,
            due_date=datetime.date(2026, 12, 1),
            person_in_charge=PersonFactory(unit=world.village),
            deciding_authority="Chủ tịch UBND xã",
        )
        task.lead_units.add(world.village)
        TaskDeadlineFactory(task=task)
        OrgUnitFactory(parent=world.village, name=f"Tổ {i}")
        if i % 5 == 0:
            PlanFactory(issuer=world.village, number="", status="draft")
    return plan


LIST_PAGES = [
    ("home", lambda plan: reverse("home")),
    ("plans", lambda plan: reverse("plans:list")),
    ("plan detail", lambda plan: reverse("plans:detail", args=[plan.pk])),
    ("cascade", lambda plan: reverse("plans:cascade", args=[plan.pk])),
    ("targets", lambda plan: reverse("plans:target_list") + "?q=ho+so"),
    ("tasks", lambda plan: reverse("plans:task_list") + "?status=in_progress&q=chuyen"),
    ("tasks all", lambda plan: reverse("plans:task_list")),
    ("units", lambda plan: reverse("org:tree")),
]


@pytest.mark.parametrize("name, url", LIST_PAGES, ids=[p[0] for p in LIST_PAGES])
def test_query_count_does_not_grow_with_rows(client, world, name, url):
    user = user_with_role(world.commune, Role.COORDINATOR)

    def count(n):
        Plan.objects.all().delete()
        plan = _populate(world, n)
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(plan)).status_code == 200
        return len(queries)

    small, large = count(10), count(200)
    assert large == small, f"{name}: {small} queries with 10 rows, {large} with 200"
    assert large <= 25


@pytest.mark.parametrize("name, url", LIST_PAGES, ids=[p[0] for p in LIST_PAGES])
def test_list_pages_never_read_the_plans_whole_text(client, world, name, url):
    """A real plan's imported text is tens of kilobytes; a list joining the plan to each of its
    rows must not carry it once a row (it lives in plans.PlanText, read by nothing here)."""
    plan = _populate(world, 20)
    PlanText.objects.create(plan=plan, text="Văn bản kế hoạch. " * 2000)
    client.force_login(user_with_role(world.commune, Role.COORDINATOR))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(plan)).status_code == 200
    assert not [q["sql"] for q in queries if "plantext" in q["sql"] or "source_text" in q["sql"]]


def test_task_list_filters_by_plan_and_query_from_the_address(coordinator_client, world):
    plan = PlanFactory(issuer=world.commune)
    wanted = TaskFactory(plan=plan, title="Đẩy mạnh chuyển đổi số")
    TaskFactory(plan=plan, title="Phân loại rác")
    TaskFactory(plan=PlanFactory(issuer=world.commune), title="Chuyển đổi số ở kế hoạch khác")
    response = coordinator_client.get(
        reverse("plans:task_list"),
        {"plan": plan.pk, "q": "chuyen doi so", "unit": "", "section": ""},
    )
    assert list(response.context["rows"]) == [wanted]


def test_htmx_filter_returns_only_the_table(coordinator_client, world):
    TaskFactory(plan=PlanFactory(issuer=world.commune), title="Số hóa hồ sơ")
    response = coordinator_client.get(
        reverse("plans:task_list"), {"q": "so hoa"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "Số hóa hồ sơ" in body and "<html" not in body
