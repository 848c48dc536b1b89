from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from org.scope import user_scope
from plans.selectors import agenda_for


@login_required
def home(request):
    """What the signed-in person has to do now."""
    scope = user_scope(request.user)
    return render(request, "core/home.html", {"agenda": agenda_for(scope=scope)})
