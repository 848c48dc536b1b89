from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from core.home import home_page
from org.scope import user_scope


@login_required
def home(request):
    """What the signed-in person has to do or to watch now, by their roles (core/home.py)."""
    return render(request, "core/home.html", {"home": home_page(scope=user_scope(request.user))})
