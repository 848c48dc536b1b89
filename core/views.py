from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from org.scope import user_scope
from plans.selectors import agenda_for
from reporting.selectors import reports_awaiting, reports_to_do


@login_required
def home(request):
    """What the signed-in person has to do now: plans, tasks, reports to send or to handle."""
    scope = user_scope(request.user)
    to_send = [
        row
        for row in reports_to_do(scope=scope)[:40]
        if row.report is None or row.report.is_editable_by_reporter
    ][:8]
    return render(
        request,
        "core/home.html",
        {
            "agenda": agenda_for(scope=scope),
            "reports_to_send": to_send,
            "reports_awaiting": reports_awaiting(scope=scope)[:8],
        },
    )
