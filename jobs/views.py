"""Việc chạy nền: the list of a person's jobs, a job's page with its progress bar (polled by
HTMX, a refresh link without JavaScript), its download and its retry."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from jobs import selectors, services
from jobs.models import Job


@login_required
@require_GET
def job_list(request):
    jobs = selectors.jobs_of_user(user=request.user)
    return render(request, "jobs/job_list.html", {"jobs": jobs})


@login_required
@require_GET
def job_detail(request, pk):
    """The job's page; a job already done whose result is a page (an import's review) sends
    the person there, as the polling would have had they stayed."""
    job = selectors.job_for_user(user=request.user, pk=pk)
    if job.status == Job.Status.DONE and job.result_url and not job.result_file:
        return redirect(job.result_url)
    return render(request, "jobs/job_detail.html", {"job": job})


@login_required
@require_GET
def job_progress(request, pk):
    """The progress fragment the page polls; once the job has a result page, HTMX goes there."""
    job = selectors.job_for_user(user=request.user, pk=pk)
    response = render(request, "jobs/_progress.html", {"job": job})
    if job.status == Job.Status.DONE and job.result_url:
        response["HX-Redirect"] = job.result_url
    return response


@login_required
@require_GET
def job_download(request, pk):
    job = selectors.job_for_user(user=request.user, pk=pk)
    if job.status != Job.Status.DONE or not job.result_file:
        raise Http404
    return FileResponse(
        job.result_file.open("rb"), as_attachment=True, filename=job.result_name or None
    )


@login_required
@require_POST
def job_retry(request, pk):
    job = selectors.job_for_user(user=request.user, pk=pk)
    try:
        job = services.job_retry(job=job)
    except services.JobNotRetryable as exc:
        messages.error(request, str(exc))
    return redirect("jobs:detail", pk=job.pk)


def job_started(request, job: Job) -> HttpResponse:
    """Where a view that started a job sends the person: the job's page."""
    return redirect("jobs:detail", pk=job.pk)
