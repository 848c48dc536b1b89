"""A version of a plan, target or task stores its long text only when the save changed it
(issue #13 item 5, core/history.py): NULL means "as in the version before". The versions
already written are made so too, and put back whole when the migration is reversed."""

from django.db import migrations, models

COMPACT = {"historicalplan": "title", "historicaltarget": "text", "historicaltask": "text"}
BATCH = 500


def _versions(model, name):
    rows = model.objects.order_by("id", "history_id")
    return rows.values_list("id", "history_id", "history_type", name).iterator(chunk_size=BATCH)


def _set(model, name, ids, value):
    for start in range(0, len(ids), BATCH):
        model.objects.filter(history_id__in=ids[start : start + BATCH]).update(**{name: value})


def leave_out_unchanged(apps, schema_editor):
    for model_name, name in COMPACT.items():
        model = apps.get_model("plans", model_name)
        unchanged, record, before = [], None, None
        for record_id, history_id, kind, value in _versions(model, name):
            if record_id == record and kind != "+" and value in (None, before):
                unchanged.append(history_id)
            elif value is not None:
                record, before = record_id, value
        _set(model, name, unchanged, None)


def put_back_unchanged(apps, schema_editor):
    for model_name, name in COMPACT.items():
        model = apps.get_model("plans", model_name)
        pending, record, before = [], None, None
        for record_id, history_id, _kind, value in _versions(model, name):
            if value is None and record_id == record:
                pending.append(history_id)
                continue
            _set(model, name, pending, before)
            pending, record, before = [], record_id, value
        _set(model, name, pending, before)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0008_phase_milestone_from_movements"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalplan",
            name="title",
            field=models.TextField(null=True, verbose_name="trích yếu"),
        ),
        migrations.AlterField(
            model_name="historicaltarget",
            name="text",
            field=models.TextField(null=True, verbose_name="nội dung như văn bản ghi"),
        ),
        migrations.AlterField(
            model_name="historicaltask",
            name="text",
            field=models.TextField(blank=True, null=True, verbose_name="nội dung"),
        ),
        migrations.RunPython(leave_out_unchanged, put_back_unchanged),
    ]
