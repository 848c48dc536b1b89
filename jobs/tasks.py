"""The Celery tasks of the jobs app: one task runs any job (jobs/runner.py), one recovers jobs
whose worker was lost."""

from celery import shared_task

from jobs import runner, services


@shared_task(name="jobs.tasks.run_job", bind=True, max_retries=None)
def run_job(self, job_id: str) -> str:
    outcome = runner.job_run(job_id, worker=self.request.hostname or "")
    if outcome.retry_in is not None:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.status


@shared_task(name="jobs.tasks.recover_lost_jobs")
def recover_lost_jobs() -> int:
    return services.jobs_recover_lost()


@shared_task(name="jobs.tasks.purge_old_results")
def purge_old_results() -> int:
    return services.jobs_purge_results()
