"""Test helpers of the dashboards' exports, which run as background jobs, and the months a
plan is reported in."""

import datetime

from django.urls import resolve, reverse

from jobs.runner import job_run


class _Download:
    def __init__(self, response):
        self.content = b"".join(response.streaming_content)
        self.headers = response.headers

    def __getitem__(self, name):
        return self.headers[name]


def export(client, name: str, pk: int, query: str = "") -> _Download:
    """Ask for an export as its button does, run the job it starts as a worker would, and
    download the file from the job's page."""
    response = client.post(reverse(name, args=[pk]) + query)
    job_id = resolve(response["Location"]).kwargs["pk"]
    job_run(job_id)
    return _Download(client.get(reverse("jobs:download", args=[job_id])))


def month_starts(first: datetime.date, count: int) -> list[datetime.date]:
    """The first days of `count` months from `first` on."""
    days, day = [], first
    for _ in range(count):
        days.append(day)
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return days
