"""Every unit that has a block today gets an open membership "since always" (valid_from blank),
and the unit types where people live are marked as localities (households and enterprises attach
to them). Reversing removes only the memberships this step could have made."""

from django.db import migrations

LOCALITY_TYPE_CODES = ("tinh", "xa", "thon")


def forwards(apps, schema_editor):
    OrgUnit = apps.get_model("org", "OrgUnit")
    BlockMembership = apps.get_model("org", "BlockMembership")
    UnitType = apps.get_model("org", "UnitType")
    UnitType.objects.filter(code__in=LOCALITY_TYPE_CODES).update(is_locality=True)
    has_one = set(BlockMembership.objects.values_list("unit_id", flat=True))
    BlockMembership.objects.bulk_create(
        BlockMembership(unit_id=unit_id, block_id=block_id, valid_from=None, valid_to=None)
        for unit_id, block_id in OrgUnit.objects.filter(block__isnull=False)
        .order_by("pk")
        .values_list("pk", "block_id")
        if unit_id not in has_one
    )


def backwards(apps, schema_editor):
    BlockMembership = apps.get_model("org", "BlockMembership")
    BlockMembership.objects.filter(
        valid_from__isnull=True, valid_to__isnull=True, changed_by__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("org", "0002_block_membership_households_enterprises")]

    operations = [migrations.RunPython(forwards, backwards)]
