import factory
from django.contrib.auth import get_user_model

from org.models import (
    BlockMembership,
    EmulationBlock,
    Enterprise,
    Household,
    OrgUnit,
    Person,
    Role,
    RoleAssignment,
    UnitType,
)


class UnitTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitType
        django_get_or_create = ["code"]

    code = "so"
    name = factory.LazyAttribute(
        lambda o: {"tinh": "UBND tỉnh", "xa": "UBND xã"}.get(o.code, o.code)
    )
    level = 1
    issues_plans = True
    # As the data migration marks them: households and enterprises attach to these.
    is_locality = factory.LazyAttribute(lambda o: o.code in ("tinh", "xa", "thon"))


class OrgUnitFactory(factory.django.DjangoModelFactory):
    """Builds a node of the tree: a root, or a child of `parent`."""

    class Meta:
        model = OrgUnit

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Đơn vị số {n}")
    unit_type = factory.SubFactory(UnitTypeFactory)

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            unit = model_class.objects.add_root(kwargs)
        else:
            parent.refresh_from_db()
            unit = model_class.objects.add_child(parent, kwargs)
        if unit.block_id:
            # A unit built in a block has been in it since always, as the data migration says.
            BlockMembership.objects.create(unit=unit, block_id=unit.block_id)
        return unit


class EmulationBlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmulationBlock

    province = factory.SubFactory(OrgUnitFactory)
    code = factory.Sequence(lambda n: f"K{n:02d}")
    name = factory.Sequence(lambda n: f"Khối thi đua số {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "thidua2026")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(OrgUnitFactory)
    role = Role.COORDINATOR


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    unit = factory.SubFactory(OrgUnitFactory)
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")


def user_with_role(unit: OrgUnit, role: str = Role.COORDINATOR, **kwargs):
    user = UserFactory(**kwargs)
    RoleAssignmentFactory(user=user, unit=unit, role=role)
    return user


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    unit = factory.SubFactory(OrgUnitFactory)
    head_name = factory.Sequence(lambda n: f"Hoàng Văn {n}")


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    unit = factory.SubFactory(OrgUnitFactory)
    name = factory.Sequence(lambda n: f"Hợp tác xã số {n}")
    kind = Enterprise.Kind.COOPERATIVE


def put_in_block(unit: OrgUnit, block: EmulationBlock) -> OrgUnit:
    """The unit has been in the block since always (as the data migration records it)."""
    BlockMembership.objects.create(unit=unit, block=block)
    OrgUnit.objects.filter(pk=unit.pk).update(block=block)
    unit.block = block
    return unit
