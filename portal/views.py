from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from org.scope import user_scope
from portal.home import home_page


@login_required
def home(request):
    """What the signed-in person has to do or to watch now, by their roles (portal/home.py)."""
    return render(request, "portal/home.html", {"home": home_page(scope=user_scope(request.user))})
