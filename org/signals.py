"""Kept scopes (org.scope, with a shared cache) are dropped the moment they could be wrong: a
role granted, changed or removed, or the user saved, clears that user's; a unit saved or moved
moves the tree's stamp, which retires every kept scope at once."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from treebeard.mp_tree import path_updated

from org.models import OrgUnit, RoleAssignment


def _enabled() -> bool:
    return bool(settings.SCOPE_CACHE_SECONDS)


def retire_all_scopes() -> None:
    if _enabled():
        cache.get_or_set("scope:stamp", 1, None)
        cache.incr("scope:stamp")


@receiver([post_save, post_delete], sender=RoleAssignment, dispatch_uid="scope-roles")
def _roles_changed(sender, instance, **kwargs):
    if _enabled():
        from org.scope import scope_cache_key

        cache.delete(scope_cache_key(instance.user_id))


@receiver([post_save, post_delete], sender=OrgUnit, dispatch_uid="scope-units")
def _unit_changed(sender, **kwargs):
    retire_all_scopes()


@receiver(path_updated, sender=OrgUnit, dispatch_uid="scope-moves")
def _unit_moved(sender, **kwargs):
    retire_all_scopes()


@receiver([post_save, post_delete], sender=get_user_model(), dispatch_uid="scope-user")
def _user_changed(sender, instance, **kwargs):
    """A user saved (made superuser, deactivated) or deleted: their kept scope goes."""
    if _enabled():
        from org.scope import scope_cache_key

        cache.delete(scope_cache_key(instance.pk))
