from org.scope import user_scope


def scope(request):
    """The signed-in user's scope, for the header (unit name and role)."""
    if not request.user.is_authenticated:
        return {}
    return {"user_scope": user_scope(request.user)}
