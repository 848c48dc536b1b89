"""Who a history version names when no request is there to say it, and versions that do not
copy a long text the save left as it was.

django-simple-history names the author of a version from `instance._history_user`, or else from
the request its middleware (`HistoryRequestMiddleware`) puts on `HistoricalRecords.context`.
Work done outside a request — a background job, a command — has no such request, so its versions
would name nobody although a person started it. `changes_by(user)` puts a stand-in request
carrying that person where the middleware puts the real one (the library's own hook, read by
every save and by `bulk_create_with_history`), and restores what was there before on the way out.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

_NOTHING = object()


@contextmanager
def changes_by(user) -> Iterator[None]:
    """Every history version written inside names `user`; with `user=None` it names nobody (the
    system), even inside another person's request — a job started by no one is not theirs.
    A version whose instance carries its own `_history_user` keeps it."""
    context = HistoricalRecords.context
    before = getattr(context, "request", _NOTHING)
    # simple-history asks `request.user.is_authenticated`: an anonymous user means "nobody".
    context.request = SimpleNamespace(user=user if user is not None else AnonymousUser())
    try:
        yield
    finally:
        if before is _NOTHING:
            del context.request
        else:
            context.request = before


class CompactHistoricalRecords(HistoricalRecords):
    """simple-history's one version a save, which stores a long text (`compact_fields`) only in
    the version that changes it (issue #13 item 5): a status change of a task no longer copies
    its 30,000-character description. NULL in such a column means "as in the version before";
    the record's own field is never NULL. Each version still names who saved it and when.

    Readers put the values back with `fill_unchanged` (a version's `instance`, `history_object`
    and `str` do it themselves; `diff_against` and `prev_record` compare the stored columns).
    Versions written in bulk (`bulk_create_with_history`) keep every value: always right."""

    def __init__(self, *args, compact_fields=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.compact_fields = tuple(compact_fields)

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name in self.compact_fields:
            fields[name].null = True
        return fields

    def get_extra_fields(self, model, fields):
        extra = super().get_extra_fields(model, fields)
        for name in ("instance", "history_object"):
            extra[name] = _Filled(extra[name])
        return extra

    def create_history_model(self, model, inherited):
        history_model = super().create_history_model(model, inherited)
        history_model.compact_fields = self.compact_fields
        pre_create_historical_record.connect(_leave_out_unchanged, sender=history_model, weak=False)
        return history_model


class _Filled:
    """The record as a version had it (`instance`, `history_object`, which `str` and `as_of`
    read), its left-out texts put back first."""

    def __init__(self, inner):
        self.inner = inner

    def __get__(self, version, owner=None):
        if version is not None:
            fill_unchanged([version])
        return self.inner.__get__(version, owner)


def _stored_before(version, name: str):
    """The field's value in the newest version of the record before `version` that stores it."""
    earlier = type(version)._default_manager.filter(
        id=version.id, history_id__lt=version.history_id, **{f"{name}__isnull": False}
    )
    return earlier.order_by("-history_id").values_list(name, flat=True).first()


def _leave_out_unchanged(sender, instance, history_instance, using=None, **kwargs):
    if history_instance.history_type == "+":
        return
    versions = sender._default_manager.db_manager(using).filter(id=instance.pk)
    for name in sender.compact_fields:
        stored = versions.filter(**{f"{name}__isnull": False}).order_by("-history_id")
        if stored.values_list(name, flat=True).first() == getattr(history_instance, name):
            setattr(history_instance, name, None)


def fill_unchanged(versions) -> None:
    """Put back, in place, the long texts the versions left out as unchanged. At most one query
    a field and record, for the oldest version given when it left the field out."""
    by_record: dict = {}
    for version in versions:
        by_record.setdefault(version.id, []).append(version)
    for record_versions in by_record.values():
        record_versions.sort(key=lambda v: v.history_id)
        for name in getattr(type(record_versions[0]), "compact_fields", ()):
            value = getattr(record_versions[0], name)
            if value is None:
                value = _stored_before(record_versions[0], name)
            for version in record_versions:
                if getattr(version, name) is None:
                    setattr(version, name, value)
                else:
                    value = getattr(version, name)
