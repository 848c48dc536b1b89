"""A real Celery worker process runs jobs, and a worker killed mid-job (SIGKILL) leaves its job
run again to the end, never "đang chạy" for ever."""

import os
import signal

import pytest

from jobs.models import Job
from jobs.services import job_start, jobs_recover_lost
from jobs.tests.worker import purge_queue, start_worker, stop_worker, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.JOB_LOST_AFTER_SECONDS = 3  # as the workers are told (jobs/tests/worker.py)
    purge_queue()
    return tmp_path


def _job(**params) -> Job:
    return job_start(kind=Job.Kind.TEST, title="Đếm", params={"steps": 6, "pause": 0.5, **params})


def _fresh(job: Job) -> Job:
    return Job.objects.get(pk=job.pk)


def _running_with_progress(job: Job):
    current = _fresh(job)
    return current if current.status == Job.Status.RUNNING and current.percent > 0 else None


def test_job_killed_with_its_pool_process_is_run_again_to_the_end(media):
    worker = start_worker(media, include="jobs.tests.worker_tasks")
    try:
        job = _job()
        running = wait_for(lambda: _running_with_progress(job), what="job running", logs=media)
        child_pid = int(running.worker.rsplit(":", 1)[1])
        os.kill(child_pid, signal.SIGKILL)
        done = wait_for(
            lambda: _fresh(job).status == Job.Status.DONE and _fresh(job),
            timeout=90,
            what="job done after the kill",
            logs=media,
        )
    finally:
        stop_worker(worker)
    assert done.attempts == 2
    assert done.result_file.read().decode() == "6 bước"


def test_job_of_a_killed_worker_is_recovered_by_another_worker(media):
    first = start_worker(media, include="jobs.tests.worker_tasks")
    try:
        job = _job()
        wait_for(lambda: _running_with_progress(job), what="job running", logs=media)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    assert _fresh(job).status == Job.Status.RUNNING
    second = start_worker(media, include="jobs.tests.worker_tasks")
    try:
        # Beat's rule every minute in production; called here once the heartbeat is stale.
        wait_for(lambda: jobs_recover_lost() == 1, timeout=30, what="job seen as lost")
        done = wait_for(
            lambda: _fresh(job).status == Job.Status.DONE and _fresh(job),
            timeout=90,
            what="job done by the second worker",
            logs=media,
        )
    finally:
        stop_worker(second)
    assert done.attempts == 2
    assert done.result_file.read().decode() == "6 bước"
