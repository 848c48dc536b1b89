"""Jobs run in this process (the same function a worker runs): their page, scope, results,
failures and recovery."""

import datetime
import os

import pytest
from django.urls import reverse
from django.utils import timezone

from jobs import runner, services
from jobs.models import Job
from jobs.runner import JobError, JobResult, register
from org.models import Role
from org.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@register("test_ok")
def _ok(job, progress):
    progress("Đang đọc trang 1/2", 50)
    return JobResult(content=b"ket qua", filename="ket-qua.txt")


@register("test_page")
def _page(job, progress):
    return JobResult(url="/ke-hoach/")


@register("test_refused")
def _refused(job, progress):
    raise JobError("Tệp PDF không có lớp văn bản")


@register("test_bug")
def _bug(job, progress):
    raise RuntimeError("boom")


@register("test_renames_unit")
def _renames_unit(job, progress):
    job.unit.name = "UBND xã Thống Nhất (đổi tên)"
    job.unit.save()
    return JobResult(summary="Đã đổi tên")


def _job(kind, user, unit=None) -> Job:
    return Job.objects.create(kind=kind, title="Việc", started_by=user, unit=unit)


class TestJobPage:
    def test_job_of_another_commune_is_404(self, client, world, commune_coordinator):
        other = user_with_role(world.other_commune, Role.COORDINATOR, username="bacha")
        job = _job("test_ok", other, world.other_commune)
        client.force_login(commune_coordinator)
        assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
        assert client.get(reverse("jobs:progress", args=[job.pk])).status_code == 404
        runner.job_run(job.pk)
        assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404

    def test_coordinator_above_the_jobs_unit_may_read_it(self, client, world, commune_coordinator):
        job = _job("test_ok", commune_coordinator, world.commune)
        province = user_with_role(world.province, Role.COORDINATOR, username="tinh_x")
        client.force_login(province)
        assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 200

    def test_reporter_of_the_unit_does_not_read_a_coordinators_job(self, client, world):
        coordinator = user_with_role(world.commune, Role.COORDINATOR, username="xa_c")
        reporter = user_with_role(world.commune, Role.REPORTER, username="xa_r")
        job = _job("test_ok", coordinator, world.commune)
        client.force_login(reporter)
        assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404

    def test_pending_job_page_polls_and_offers_a_refresh_link(self, client, commune_coordinator):
        job = _job("test_ok", commune_coordinator)
        client.force_login(commune_coordinator)
        page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
        assert f'hx-get="{reverse("jobs:progress", args=[job.pk])}"' in page
        assert "Tải lại trang để xem tiến độ" in page

    def test_finished_job_stops_polling_and_offers_its_file(self, client, commune_coordinator):
        job = _job("test_ok", commune_coordinator)
        runner.job_run(job.pk)
        client.force_login(commune_coordinator)
        page = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()
        assert "hx-get" not in page
        assert reverse("jobs:download", args=[job.pk]) in page
        response = client.get(reverse("jobs:download", args=[job.pk]))
        assert b"".join(response.streaming_content) == b"ket qua"
        assert "ket-qua.txt" in response["Content-Disposition"]

    def test_finished_job_with_a_result_page_sends_htmx_there(self, client, commune_coordinator):
        job = _job("test_page", commune_coordinator)
        runner.job_run(job.pk)
        client.force_login(commune_coordinator)
        response = client.get(reverse("jobs:progress", args=[job.pk]), HTTP_HX_REQUEST="true")
        assert response["HX-Redirect"] == "/ke-hoach/"

    def test_list_shows_only_own_jobs_with_status(self, client, world, commune_coordinator):
        mine = _job("test_refused", commune_coordinator)
        runner.job_run(mine.pk)
        other = user_with_role(world.commune, Role.COORDINATOR, username="xa_khac")
        theirs = Job.objects.create(kind="test_ok", title="Của người khác", started_by=other)
        client.force_login(commune_coordinator)
        page = client.get(reverse("jobs:list")).content.decode()
        assert f"job-{mine.pk}" in page and "Tệp PDF không có lớp văn bản" in page
        assert f"job-{theirs.pk}" not in page

    def test_download_of_an_unfinished_job_is_404(self, client, commune_coordinator):
        job = _job("test_ok", commune_coordinator)
        client.force_login(commune_coordinator)
        assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404


class TestJobRun:
    def test_refused_job_shows_its_reason_and_is_not_retried(self, commune_coordinator):
        job = _job("test_refused", commune_coordinator)
        runner.job_run(job.pk)
        job.refresh_from_db()
        assert (job.status, job.error, job.can_retry) == (
            Job.Status.FAILED,
            "Tệp PDF không có lớp văn bản",
            False,
        )
        with pytest.raises(services.JobNotRetryable):
            services.job_retry(job=job)

    def test_unexpected_error_hides_the_traceback_and_may_be_retried(
        self, client, commune_coordinator, django_capture_on_commit_callbacks
    ):
        job = _job("test_bug", commune_coordinator)
        runner.job_run(job.pk)
        job.refresh_from_db()
        assert job.status == Job.Status.FAILED and job.can_retry
        assert "boom" not in job.error and "quản trị" in job.error
        client.force_login(commune_coordinator)
        with django_capture_on_commit_callbacks() as queued:
            client.post(reverse("jobs:retry", args=[job.pk]))
        job.refresh_from_db()
        assert (job.status, job.attempts, len(queued)) == (Job.Status.PENDING, 0, 1)

    def test_failed_write_of_the_result_leaves_no_file(
        self, commune_coordinator, monkeypatch, tmp_path
    ):
        def broken_replace(src, dst):
            raise OSError("disk full")

        monkeypatch.setattr(runner.os, "replace", broken_replace)
        job = _job("test_ok", commune_coordinator)
        runner.job_run(job.pk)
        job.refresh_from_db()
        assert job.status == Job.Status.FAILED and not job.result_file
        assert [f for _, _, files in os.walk(tmp_path) for f in files] == []

    def test_duplicate_message_of_a_finished_job_does_nothing(self, commune_coordinator):
        job = _job("test_ok", commune_coordinator)
        runner.job_run(job.pk)
        assert runner.job_run(job.pk).status == "skipped"
        job.refresh_from_db()
        assert (job.status, job.attempts) == (Job.Status.DONE, 1)

    def test_job_running_elsewhere_with_a_fresh_heartbeat_is_not_run_twice(
        self, commune_coordinator
    ):
        job = _job("test_ok", commune_coordinator)
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.RUNNING, attempts=1, heartbeat_at=timezone.now()
        )
        outcome = runner.job_run(job.pk)
        assert outcome.status == "later" and outcome.retry_in
        assert Job.objects.get(pk=job.pk).attempts == 1

    def test_lost_job_without_tries_left_is_failed_with_a_reason(
        self, commune_coordinator, settings
    ):
        job = _job("test_ok", commune_coordinator)
        stale = timezone.now() - datetime.timedelta(seconds=settings.JOB_LOST_AFTER_SECONDS + 1)
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.RUNNING, attempts=settings.JOB_MAX_ATTEMPTS, heartbeat_at=stale
        )
        assert services.jobs_recover_lost() == 1
        job.refresh_from_db()
        assert job.status == Job.Status.FAILED and job.can_retry
        assert "dừng giữa chừng" in job.error

    def test_lost_job_with_tries_left_is_queued_again(
        self, commune_coordinator, settings, django_capture_on_commit_callbacks
    ):
        job = _job("test_ok", commune_coordinator)
        stale = timezone.now() - datetime.timedelta(seconds=settings.JOB_LOST_AFTER_SECONDS + 1)
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.RUNNING, attempts=1, heartbeat_at=stale
        )
        with django_capture_on_commit_callbacks() as queued:
            services.jobs_recover_lost()
        assert Job.objects.get(pk=job.pk).status == Job.Status.PENDING
        assert len(queued) == 1


class TestHistoryOfAJobsChanges:
    def test_a_change_made_by_a_job_names_the_person_who_started_it(
        self, world, commune_coordinator
    ):
        job = _job("test_renames_unit", commune_coordinator, world.commune)
        assert runner.job_run(job.pk).status == Job.Status.DONE
        version = world.commune.history.latest()
        assert version.name == "UBND xã Thống Nhất (đổi tên)"
        assert version.history_user == commune_coordinator

    def test_a_job_started_by_no_one_names_no_one(self, world):
        job = _job("test_renames_unit", None, world.commune)  # rebuild_rollups --background
        runner.job_run(job.pk)
        assert world.commune.history.latest().history_user is None

    def test_the_next_job_in_the_same_worker_does_not_inherit_the_person(
        self, world, commune_coordinator
    ):
        runner.job_run(_job("test_renames_unit", commune_coordinator, world.commune).pk)
        world.commune.refresh_from_db()
        world.commune.name = "UBND xã Thống Nhất"
        world.commune.save()  # after the job, in the same thread
        assert world.commune.history.latest().history_user is None


class TestResultsKept:
    def test_result_files_are_deleted_after_their_days_and_the_job_stays(
        self, commune_coordinator, settings
    ):
        from django.core.files.storage import default_storage

        old, recent = _job("test_ok", commune_coordinator), _job("test_ok", commune_coordinator)
        runner.job_run(old.pk)
        runner.job_run(recent.pk)
        days_ago = timezone.now() - datetime.timedelta(days=settings.JOB_RESULT_DAYS + 1)
        Job.objects.filter(pk=old.pk).update(finished_at=days_ago)
        old_file = Job.objects.get(pk=old.pk).result_file.name
        assert services.jobs_purge_results() == 1
        old.refresh_from_db()
        recent.refresh_from_db()
        assert not old.result_file and not default_storage.exists(old_file)
        assert old.status == Job.Status.DONE and "hết hạn" in old.step
        assert default_storage.exists(recent.result_file.name)


@register("test_too_long")
def _too_long(job, progress):
    from celery.exceptions import SoftTimeLimitExceeded

    progress("Đang chạy", 50)
    raise SoftTimeLimitExceeded()


def test_a_job_past_its_time_limit_fails_with_the_reason_and_can_be_run_again(
    commune_coordinator,
):
    job = _job("test_too_long", commune_coordinator)
    assert runner.job_run(job.pk).status == Job.Status.FAILED
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.can_retry
    assert "phút nên đã dừng" in job.error


def test_opening_a_finished_jobs_page_goes_to_its_result_page(client, commune_coordinator):
    job = _job("test_page", commune_coordinator)
    runner.job_run(job.pk)
    client.force_login(commune_coordinator)
    response = client.get(reverse("jobs:detail", args=[job.pk]))
    assert response.status_code == 302 and response["Location"] == "/ke-hoach/"


def test_a_finished_job_with_a_file_keeps_its_page(client, commune_coordinator):
    job = _job("test_ok", commune_coordinator)
    runner.job_run(job.pk)
    client.force_login(commune_coordinator)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 200
