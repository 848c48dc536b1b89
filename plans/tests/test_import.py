"""The import page: upload a plan document, review it beside its source, confirm atomically."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse

from jobs.models import Job
from jobs.runner import job_run
from plans.draft import PlanDraft
from plans.import_review import review_initial
from plans.import_views import _unit_match_form
from plans.models import Plan, PlanImport, Target, Task
from plans.tests.factories import PlanFactory, TargetFactory, TaskFactory

pytestmark = pytest.mark.django_db

PLAN_TEXT = """Số: 15/KH-UBND
Thống Nhất, ngày 10 tháng 8 năm 2026
KẾ HOẠCH
Chuyển đổi số trên địa bàn xã năm 2026
Thực hiện Kế hoạch số 160/KH-UBND ngày 27/4/2026 của UBND tỉnh; \
thay thế Kế hoạch số 09/KH-UBND ngày 01/02/2026.
I. CHỈ TIÊU
- Tối thiểu 80% hồ sơ được giải quyết trực tuyến.
- 100% thôn có Tổ công nghệ số cộng đồng.
II. NHIỆM VỤ
- Nhiệm vụ 1: Tập huấn kỹ năng số cho người dân.
+ Đơn vị chủ trì: Thôn Bản Pẻn.
+ Đơn vị phối hợp: Đoàn Thanh niên xã.
+ Thời hạn hoàn thành: Quý IV/2026.
Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Hoàng Văn A
"""


def upload(client, world, content=None, name="ke-hoach.txt"):
    """Post the file; when it is accepted, run its reading job as a worker would and return
    the job's progress fragment (which sends the browser to the review page)."""
    content = PLAN_TEXT.encode() if content is None else content
    response = client.post(
        reverse("plans:import_upload"),
        {"issuer": world.commune.pk, "source_file": SimpleUploadedFile(name, content)},
    )
    if response.status_code != 302:
        return response
    job_id = resolve(response["Location"]).kwargs["pk"]
    job_run(job_id)
    return client.get(reverse("jobs:progress", args=[job_id]), HTTP_HX_REQUEST="true")


def review_data(plan_import, **overrides):
    """What the review page posts when the person changes nothing."""
    initial = review_initial(plan_import.draft, text=plan_import.text)
    data = {f"doc-{k}": v for k, v in initial["document"].items() if v is not None}
    for prefix, rows in (
        ("ref", initial["references"]),
        ("target", initial["targets"]),
        ("task", initial["tasks"]),
        ("milestone", initial["milestones"]),
        ("phase", initial["phases"]),
        ("award", initial["awards"]),
    ):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = str(len(rows))
        for i, row in enumerate(rows):
            for key, value in row.items():
                if key == "include":
                    if value:
                        data[f"{prefix}-{i}-include"] = "on"
                elif value is not None:
                    data[f"{prefix}-{i}-{key}"] = (
                        str(value).replace(".", ",") if key in ("value", "value_max") else value
                    )
    # The unit selects post what they show: the suggested unit, or the units of a group phrase.
    form = _unit_match_form(
        None, parts=PlanDraft.from_dict(plan_import.draft), issuer=plan_import.issuer
    )
    for name, field in form.fields.items():
        initial_value = field.initial
        if isinstance(initial_value, list):
            data[f"match-{name}"] = [str(pk) for pk in initial_value]
        else:
            data[f"match-{name}"] = initial_value.pk if initial_value else ""
    data.update(overrides)
    return data


@pytest.fixture
def coordinator(client, commune_coordinator):
    client.force_login(commune_coordinator)
    return client


def test_upload_review_confirm_creates_the_plan_with_its_file(coordinator, world):
    response = upload(coordinator, world)
    plan_import = PlanImport.objects.get()
    assert response["HX-Redirect"] == reverse("plans:import_review", args=[plan_import.pk])

    page = coordinator.get(response["HX-Redirect"]).content.decode()
    assert "Tối thiểu 80% hồ sơ được giải quyết trực tuyến" in page  # the source beside it
    assert "Thôn Bản Pẻn" in page

    data = review_data(plan_import)
    data["target-1-value"] = "95"  # the reviewer corrects a figure
    data["task-0-deadlines"] = "Quý IV/2026; Hằng tháng"  # and adds a deadline
    data.pop("target-0-include")  # and drops a target
    response = coordinator.post(reverse("plans:import_review", args=[plan_import.pk]), data)
    plan = Plan.objects.get(number="15/KH-UBND")
    assert response["Location"] == reverse("plans:detail", args=[plan.pk])
    assert [(t.text[:20], t.value) for t in plan.targets.all()] == [("100% thôn có Tổ công", 95)]
    task = plan.tasks.get()
    assert list(task.lead_units.all()) == [world.village]  # matched to the unit
    assert task.coordinating_units_text == "Đoàn Thanh niên xã"  # unmatched: kept as text
    assert [str(d.display) for d in task.deadlines.all()] == ["Quý IV/2026", "Hằng tháng"]
    assert {(r.relation, r.referenced.number) for r in plan.references.all()} == {
        ("implements", "160/KH-UBND"),
        ("replaces", "09/KH-UBND"),
    }
    plan_import.refresh_from_db()
    assert plan_import.status == "confirmed" and plan_import.plan == plan
    assert plan.source.text.startswith("Số: 15/KH-UBND")


def test_bad_file_gets_a_message_next_to_the_field_and_nothing_is_kept(coordinator, world):
    response = upload(coordinator, world, content=b"")
    assert "Tệp rỗng" in response.content.decode()
    assert PlanImport.objects.count() == 0


def test_other_formats_are_refused_before_reading(coordinator, world):
    response = upload(coordinator, world, content=b"abc", name="anh.png")
    assert "Chỉ nhận tệp Word" in response.content.decode()
    assert PlanImport.objects.count() == 0


def test_a_failure_half_way_creates_nothing(coordinator, world, monkeypatch):
    upload(coordinator, world)
    plan_import = PlanImport.objects.get()
    from plans import services

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "task_create", broken)
    with pytest.raises(RuntimeError):
        coordinator.post(
            reverse("plans:import_review", args=[plan_import.pk]), review_data(plan_import)
        )
    assert Plan.objects.exclude(status="placeholder").count() == 0
    assert Target.objects.count() == 0
    assert PlanImport.objects.get().status == "pending"


def test_a_confirmed_import_cannot_create_a_second_plan(coordinator, world):
    upload(coordinator, world)
    plan_import = PlanImport.objects.get()
    url = reverse("plans:import_review", args=[plan_import.pk])
    coordinator.post(url, review_data(plan_import))
    assert coordinator.post(url, review_data(plan_import)).status_code == 404
    assert Plan.objects.filter(number="15/KH-UBND").count() == 1


def test_replacing_plan_shows_what_changes_before_confirming(coordinator, world):
    old = PlanFactory(issuer=world.commune, number="09/KH-UBND")
    TargetFactory(
        plan=old, text="Tối thiểu 70% hồ sơ được giải quyết trực tuyến.", comparator=">=", value=70
    )
    TargetFactory(plan=old, text="50% hộ dân dùng ví điện tử.", value=50)
    TaskFactory(plan=old, title="Tập huấn kỹ năng số cho người dân")
    upload(coordinator, world)
    page = coordinator.get(
        reverse("plans:import_review", args=[PlanImport.objects.get().pk])
    ).content.decode()
    assert "Kế hoạch này thay thế" in page
    assert "<s>&gt;= 70</s> → <strong>&gt;= 80</strong>" in page  # changed figure
    assert "50% hộ dân dùng ví điện tử." in page  # removed target
    assert "100% thôn có Tổ công nghệ số cộng đồng" in page  # added target
    assert "Nhiệm vụ thêm" not in page  # the task is the same


def test_warnings_are_highlighted(coordinator, world):
    text = PLAN_TEXT.replace("+ Đơn vị chủ trì: Thôn Bản Pẻn.\n", "").replace(
        "Quý IV/2026", "Quý I/2020"
    )
    upload(coordinator, world, content=text.encode())
    page = coordinator.get(
        reverse("plans:import_review", args=[PlanImport.objects.get().pk])
    ).content.decode()
    assert "Thời hạn đã qua: 31/03/2020." in page
    assert Task.objects.count() == 0


def test_reporter_cannot_import(client, world):
    from org.models import Role
    from org.tests.factories import user_with_role

    client.force_login(user_with_role(world.commune, Role.REPORTER))
    assert client.get(reverse("plans:import_upload")).status_code == 404


def test_a_deadline_nobody_can_read_is_refused_next_to_the_task(coordinator, world):
    upload(coordinator, world)
    plan_import = PlanImport.objects.get()
    data = review_data(plan_import, **{"task-0-deadlines": "sớm nhất có thể"})
    response = coordinator.post(reverse("plans:import_review", args=[plan_import.pk]), data)
    assert "Không hiểu thời hạn “sớm nhất có thể”" in response.content.decode()
    assert Plan.objects.exclude(status="placeholder").count() == 0


FULL_PLAN_TEXT = PLAN_TEXT.replace(
    "+ Đơn vị chủ trì: Thôn Bản Pẻn.\n+ Đơn vị phối hợp: Đoàn Thanh niên xã.",
    "+ Đơn vị chủ trì: Đoàn Thanh niên xã.\n+ Đơn vị phối hợp: Các thôn.",
).replace(
    "Nơi nhận:",
    """III. TỔ CHỨC THỰC HIỆN
1. Các thôn báo cáo kết quả trước ngày 20 hằng tháng.
2. Sơ kết phong trào thi đua: Quý IV, năm 2027.
3. Tổng kết phong trào thi đua: Quý III, năm 2030.
4. Khen thưởng: Giấy khen của Chủ tịch UBND xã cho các tập thể tiêu biểu.
Nơi nhận:""",
)


def test_review_shows_milestones_awards_and_the_reporting_clause_and_confirm_keeps_them(
    coordinator, world
):
    upload(coordinator, world, content=FULL_PLAN_TEXT.encode())
    plan_import = PlanImport.objects.get()
    url = reverse("plans:import_review", args=[plan_import.pk])
    page = coordinator.get(url).content.decode()
    assert page.count('data-testid="milestone-row"') == 3  # two found, one blank to add
    assert 'value="Giấy khen của Chủ tịch UBND xã cho các tập thể tiêu biểu"' in page
    assert '<option value="monthly" selected>' in page
    assert 'value="20"' in page

    data = review_data(plan_import)
    data.pop("milestone-1-include")  # the reviewer drops the tổng kết
    data.update(
        {  # adds a phase in the blank row
            "phase-TOTAL_FORMS": "1",
            "phase-0-include": "on",
            "phase-0-name": "Giai đoạn 1",
            "phase-0-start": "5/2026",
            "phase-0-end": "12/2027",
            "phase-0-description": "Phát động; các đơn vị đăng ký thi đua.",
            "award-0-recipients": "tập thể",
            "task-0-status": "done",  # and says the plan gives the task as done
        }
    )
    response = coordinator.post(url, data)
    plan = Plan.objects.get(number="15/KH-UBND")
    assert response["Location"] == reverse("plans:detail", args=[plan.pk])
    assert [(m.kind, m.due_date) for m in plan.milestones.all()] == [
        ("so_ket", datetime.date(2027, 12, 31))
    ]
    assert [(p.name, p.start_date, p.end_date, p.description) for p in plan.phases.all()] == [
        (
            "Giai đoạn 1",
            datetime.date(2026, 5, 1),
            datetime.date(2027, 12, 31),
            "Phát động; các đơn vị đăng ký thi đua.",
        )
    ]
    detail = coordinator.get(response["Location"]).content.decode()
    assert "Phát động; các đơn vị đăng ký thi đua." in detail
    award = plan.awards.get()
    assert (award.form, award.recipients) == (
        "Giấy khen của Chủ tịch UBND xã cho các tập thể tiêu biểu",
        "tập thể",
    )
    assert (plan.reporting_frequency, plan.reporting_due_day) == ("monthly", 20)
    assert [(t.status, t.progress) for t in plan.tasks.all()] == [("done", 100)]


def test_a_phase_ending_before_it_starts_is_refused_next_to_it(coordinator, world):
    upload(coordinator, world)
    plan_import = PlanImport.objects.get()
    data = review_data(plan_import)
    data.update(
        {
            "phase-TOTAL_FORMS": "1",
            "phase-0-include": "on",
            "phase-0-name": "Giai đoạn 1",
            "phase-0-start": "2028",
            "phase-0-end": "2027",
        }
    )
    response = coordinator.post(reverse("plans:import_review", args=[plan_import.pk]), data)
    assert "Giai đoạn phải kết thúc sau khi bắt đầu." in response.content.decode()
    assert Plan.objects.exclude(status="placeholder").count() == 0


def test_a_group_phrase_shows_its_units_ticked_and_the_confirmed_ones_are_stored(
    coordinator, world
):
    from org.tests.factories import OrgUnitFactory

    other = OrgUnitFactory(
        parent=world.commune, name="Thôn Nà Lừa", unit_type=world.village.unit_type
    )
    upload(coordinator, world, content=FULL_PLAN_TEXT.encode())
    plan_import = PlanImport.objects.get()
    url = reverse("plans:import_review", args=[plan_import.pk])
    page = coordinator.get(url).content.decode()
    assert "Các thôn" in page
    for village in (world.village, other):  # both villages ticked
        tag = page.split(f'name="match-unit_1" value="{village.pk}"')[1].split(">")[0]
        assert tag.endswith(" checked")

    data = review_data(plan_import)
    assert sorted(data["match-unit_1"]) == sorted([str(world.village.pk), str(other.pk)])
    data["match-unit_1"] = [str(other.pk)]  # the reviewer unticks Thôn Bản Pẻn
    coordinator.post(url, data)
    task = Plan.objects.get(number="15/KH-UBND").tasks.get()
    assert task.lead_units_text == "Đoàn Thanh niên xã"
    assert list(task.coordinating_units.all()) == [other]


def test_importing_the_same_plan_twice_warns_and_creates_nothing_without_a_choice(
    coordinator, world
):
    old = PlanFactory(issuer=world.commune, number="15/KH-UBND")
    upload(coordinator, world)
    plan_import = PlanImport.objects.get()
    url = reverse("plans:import_review", args=[plan_import.pk])
    page = coordinator.get(url).content.decode()
    assert 'data-testid="duplicate-warning"' in page
    assert reverse("plans:detail", args=[old.pk]) in page
    assert "Thay thế kế hoạch đã có bằng kế hoạch này" in page

    response = coordinator.post(url, review_data(plan_import))
    assert "Kế hoạch này đã có trong hệ thống" in response.content.decode()
    assert list(Plan.objects.filter(number="15/KH-UBND")) == [old]
    assert PlanImport.objects.get().status == "pending"


def test_importing_the_same_plan_twice_can_replace_the_first(coordinator, world):
    old = PlanFactory(issuer=world.commune, number="15/KH-UBND")
    upload(coordinator, world)
    plan_import = PlanImport.objects.get()
    url = reverse("plans:import_review", args=[plan_import.pk])
    response = coordinator.post(url, review_data(plan_import, **{"dup-replace": "on"}))
    plan = Plan.objects.get(number="15/KH-UBND")
    assert plan.pk != old.pk
    assert response["Location"] == reverse("plans:detail", args=[plan.pk])
    assert plan.targets.count() == 2


def test_a_first_import_shows_no_duplicate_warning(coordinator, world):
    upload(coordinator, world)
    page = coordinator.get(
        reverse("plans:import_review", args=[PlanImport.objects.get().pk])
    ).content.decode()
    assert 'data-testid="duplicate-warning"' not in page


def test_the_plan_page_shows_the_reporting_clause_milestones_and_awards_imported(
    coordinator, world
):
    upload(coordinator, world, content=FULL_PLAN_TEXT.encode())
    plan_import = PlanImport.objects.get()
    coordinator.post(
        reverse("plans:import_review", args=[plan_import.pk]), review_data(plan_import)
    )
    plan = Plan.objects.get(number="15/KH-UBND")
    page = coordinator.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "Hằng tháng, hạn nộp ngày 20" in page
    assert "Sơ kết (hạn 31/12/2027)" in page
    assert "Giấy khen của Chủ tịch UBND xã cho các tập thể tiêu biểu" in page


def test_a_kept_award_row_without_its_form_is_refused_and_an_unticked_blank_row_is_ignored(
    coordinator, world
):
    upload(coordinator, world)
    plan_import = PlanImport.objects.get()
    url = reverse("plans:import_review", args=[plan_import.pk])
    data = review_data(plan_import)
    data.update({"award-TOTAL_FORMS": "1", "award-0-include": "on", "award-0-recipients": "x"})
    response = coordinator.post(url, data)
    assert "Ghi nội dung hoặc bỏ chọn “Giữ”." in response.content.decode()
    assert Plan.objects.exclude(status="placeholder").count() == 0

    data.pop("award-0-include")
    coordinator.post(url, data)
    assert Plan.objects.get(number="15/KH-UBND").awards.count() == 0


def test_upload_answers_at_once_with_the_job_page_and_reads_in_the_background(coordinator, world):
    response = coordinator.post(
        reverse("plans:import_upload"),
        {
            "issuer": world.commune.pk,
            "source_file": SimpleUploadedFile("kh.txt", PLAN_TEXT.encode()),
        },
    )
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:detail", args=[job.pk])
    assert (job.kind, job.status, job.unit) == ("plan_import", "pending", world.commune)
    assert PlanImport.objects.count() == 0  # nothing read yet: the worker does it


def test_a_file_the_extractor_refuses_fails_its_job_with_the_reason_and_keeps_nothing(
    coordinator, world
):
    response = upload(coordinator, world, content=b"\x00\x01\x02binary" * 10, name="kh.txt")
    job = Job.objects.get()
    assert job.status == "failed" and not job.can_retry
    assert job.error in response.content.decode()
    assert PlanImport.objects.count() == 0
    from django.core.files.storage import default_storage

    assert not default_storage.exists(job.params["file"])


def test_reading_job_run_twice_makes_one_import(coordinator, world):
    upload(coordinator, world)
    job = Job.objects.get()
    Job.objects.filter(pk=job.pk).update(status="pending")  # a redelivered message
    job_run(job.pk)
    assert PlanImport.objects.count() == 1


def test_a_decompression_bomb_is_refused_next_to_the_field_and_nothing_is_kept(coordinator, world):
    from core.tests import bombs

    response = upload(coordinator, world, content=bombs.inflated_docx(50), name="kh.docx")
    assert response.status_code == 200
    page = response.content.decode()
    assert "bom nén" in page and 'id="id_source_file"' in page
    assert Job.objects.count() == 0 and PlanImport.objects.count() == 0


def test_a_word_table_spanning_a_million_columns_is_refused_at_the_upload(coordinator, world):
    from core.tests import bombs

    response = upload(coordinator, world, content=bombs.wide_span_docx(), name="kh.docx")
    assert "1000000 cột" in response.content.decode()
    assert Job.objects.count() == 0


def test_reading_past_its_time_fails_the_job_with_the_reason_and_deletes_the_file(
    coordinator, world, settings
):
    from django.core.files.storage import default_storage

    settings.PLAN_IMPORT_TIMEOUT_SECONDS = 0
    upload(coordinator, world)
    job = Job.objects.get()
    assert job.status == "failed" and "quá" in job.error and "dừng" in job.error
    assert PlanImport.objects.count() == 0
    assert not default_storage.exists(job.params["file"])


def test_a_pdf_is_read_page_by_page_on_the_job_page(coordinator, world, monkeypatch):
    from pathlib import Path

    from jobs import services as job_services

    steps = []
    write = job_services.job_progress

    def job_progress(job_id, *, step, percent=None):
        steps.append((step, percent))
        write(job_id, step=step, percent=percent)

    monkeypatch.setattr(job_services, "job_progress", job_progress)
    pdf = Path(__file__).resolve().parents[2] / "extraction/tests/fixtures/ke-hoach-so.pdf"
    response = upload(coordinator, world, content=pdf.read_bytes(), name="kh.pdf")
    assert response["HX-Redirect"] == reverse(
        "plans:import_review", args=[PlanImport.objects.get().pk]
    )
    assert ("Đang đọc trang 1/1", 60) in steps
    percents = [p for _, p in steps]
    assert percents == sorted(percents)


def test_coming_back_through_the_job_after_confirming_opens_the_plan(coordinator, world):
    upload(coordinator, world)
    job, plan_import = Job.objects.get(), PlanImport.objects.get()
    response = coordinator.get(reverse("jobs:detail", args=[job.pk]))
    assert response["Location"] == reverse("plans:import_review", args=[plan_import.pk])
    review = reverse("plans:import_review", args=[plan_import.pk])
    coordinator.post(review, review_data(plan_import))
    plan = Plan.objects.get(number="15/KH-UBND")
    response = coordinator.get(reverse("plans:import_review", args=[plan_import.pk]))
    assert response["Location"] == reverse("plans:detail", args=[plan.pk])


def test_a_discarded_import_sends_back_to_the_upload_page(coordinator, world):
    upload(coordinator, world)
    plan_import = PlanImport.objects.get()
    coordinator.post(reverse("plans:import_discard", args=[plan_import.pk]))
    response = coordinator.get(reverse("plans:import_review", args=[plan_import.pk]))
    assert response["Location"] == reverse("plans:import_upload")


def test_another_units_finished_import_stays_404(client, world, coordinator):
    upload(coordinator, world)
    plan_import = PlanImport.objects.get()
    PlanImport.objects.filter(pk=plan_import.pk).update(status="discarded")
    from org.models import Role
    from org.tests.factories import user_with_role

    client.force_login(user_with_role(world.other_commune, Role.COORDINATOR, username="khac"))
    response = client.get(reverse("plans:import_review", args=[plan_import.pk]))
    assert response.status_code == 404


def test_a_pdf_flate_bomb_is_stopped_at_the_time_limit_and_the_worker_goes_on(
    coordinator, world, settings
):
    """100 kB whose one page inflates to 20 MB of drawing: its page count is honest, so the
    guard lets it through and the reading child is stopped at its limit, not the worker."""
    import time

    from django.core.files.storage import default_storage

    from core.tests import bombs

    settings.PLAN_IMPORT_TIMEOUT_SECONDS = 3
    started = time.perf_counter()
    upload(coordinator, world, content=bombs.flate_bomb_pdf(20), name="kh.pdf")
    assert time.perf_counter() - started < 15
    job = Job.objects.get()
    assert job.status == "failed" and "quá 3 giây" in job.error
    assert PlanImport.objects.count() == 0 and not default_storage.exists(job.params["file"])
    upload(coordinator, world)  # the same worker reads the next file
    assert PlanImport.objects.count() == 1


def _authors(plan) -> set:
    """Who every history version of the plan, its targets, its tasks and the plans it cites
    names."""
    rows = [*plan.history.all(), *Target.history.filter(plan_id=plan.pk)]
    rows += [*Task.history.filter(plan_id=plan.pk)]
    for reference in plan.references.all():
        rows += [*reference.referenced.history.all()]
    return {row.history_user for row in rows}


def test_a_plan_imported_through_the_reading_job_names_the_importer_in_every_version(
    coordinator, world, commune_coordinator
):
    upload(coordinator, world)  # read by the job, outside any request, as a worker does
    plan_import = PlanImport.objects.get()
    coordinator.post(
        reverse("plans:import_review", args=[plan_import.pk]), review_data(plan_import)
    )
    plan = Plan.objects.get(number="15/KH-UBND")
    assert plan.references.count() == 2 and plan.tasks.count() == 1
    assert _authors(plan) == {commune_coordinator}


def test_a_plan_confirmed_outside_a_request_names_the_importer_not_the_system(
    coordinator, world, commune_coordinator
):
    """A job or a command has no request for simple-history to read the person from: the
    import service names the importer itself."""
    from org.scope import user_scope
    from plans.importing import plan_import_confirm

    upload(coordinator, world)
    plan_import = PlanImport.objects.get()
    plan = plan_import_confirm(
        scope=user_scope(commune_coordinator),
        user=commune_coordinator,
        draft=plan_import.draft,
        issuer=world.commune,
        source_text=plan_import.text,
    )
    assert plan.targets.count() == 2 and plan.tasks.count() == 1
    assert _authors(plan) == {commune_coordinator}
