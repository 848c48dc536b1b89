# The plan's imported text moves to a table of its own (plans.PlanText); the rows are copied
# across, and back on reverse.

import django.db.models.deletion
from django.db import migrations, models


def texts_apart(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    PlanText = apps.get_model("plans", "PlanText")
    PlanText.objects.bulk_create(
        PlanText(plan_id=pk, text=text)
        for pk, text in Plan.objects.exclude(source_text="").values_list("pk", "source_text")
    )


def texts_back(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    PlanText = apps.get_model("plans", "PlanText")
    for pk, text in PlanText.objects.values_list("plan_id", "text"):
        Plan.objects.filter(pk=pk).update(source_text=text)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0009_history_stores_a_changed_text_only"),
    ]

    operations = [
        migrations.CreateModel(
            name="PlanText",
            fields=[
                (
                    "plan",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="source",
                        serialize=False,
                        to="plans.plan",
                    ),
                ),
                ("text", models.TextField(verbose_name="văn bản đã chuẩn hóa")),
            ],
            options={
                "verbose_name": "văn bản kế hoạch",
                "verbose_name_plural": "văn bản kế hoạch",
            },
        ),
        migrations.RunPython(texts_apart, texts_back),
        migrations.RemoveField(model_name="plan", name="source_text"),
    ]
