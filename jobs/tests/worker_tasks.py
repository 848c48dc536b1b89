"""A slow job for the worker tests, loaded into a real worker with `celery worker -I`: it
counts in steps, reporting progress, and writes a small result file."""

import time

from jobs.models import Job
from jobs.runner import JobResult, register


@register(Job.Kind.TEST)
def count_slowly(job: Job, progress) -> JobResult:
    steps = int(job.params.get("steps", 5))
    for i in range(steps):
        progress(f"Bước {i + 1}/{steps}", percent=100 * i // steps)
        time.sleep(float(job.params.get("pause", 0.5)))
    return JobResult(content=f"{steps} bước".encode(), filename="dem.txt")
