"""Steps the tests of job-made documents share."""

from django.urls import resolve, reverse

from documents.tests.test_award_documents import pdf_text
from jobs.models import Job
from jobs.runner import job_run


def pdf_of_job(client, started) -> str:
    """Run the job a view started (its response redirects to the job's page), download the PDF
    it made as the same person, and return its text (pdftotext)."""
    job_id = resolve(started["Location"]).kwargs["pk"]
    job_run(job_id)
    job = Job.objects.get(pk=job_id)
    assert job.status == Job.Status.DONE, job.error
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Type"] == "application/pdf"
    return pdf_text(b"".join(download.streaming_content))
