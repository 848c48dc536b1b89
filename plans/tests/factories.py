import factory

from org.tests.factories import OrgUnitFactory
from plans.models import Comparator, Plan, PlanImport, PlanReference, Target, Task, TaskDeadline


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    issuer = factory.SubFactory(OrgUnitFactory)
    number = factory.Sequence(lambda n: f"{n + 1}/KH-UBND")
    title = factory.Sequence(lambda n: f"Kế hoạch triển khai phong trào thi đua số {n}")
    status = Plan.Status.ISSUED


class PlanReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanReference

    plan = factory.SubFactory(PlanFactory)
    referenced = factory.SubFactory(PlanFactory)
    relation = PlanReference.Relation.IMPLEMENTS


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    plan = factory.SubFactory(PlanFactory)
    text = factory.Sequence(
        lambda n: f"100% hồ sơ công việc số {n} được xử lý trên môi trường mạng"
    )
    comparator = Comparator.GTE
    value = 90
    unit = "%"
    due_year = 2030


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Nhiệm vụ chuyển đổi số {n}")


class TaskDeadlineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskDeadline

    task = factory.SubFactory(TaskFactory)
    kind = TaskDeadline.Kind.RECURRING
    frequency = TaskDeadline.Frequency.CONTINUOUS


class PlanImportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanImport

    issuer = factory.SubFactory(OrgUnitFactory)
    original_name = "ke-hoach.txt"
    source_file = factory.django.FileField(filename="ke-hoach.txt", data=b"KE HOACH")
    draft = factory.LazyFunction(
        lambda: {
            "document": {"type": "KH", "number": None, "title": "Kế hoạch bí mật của đơn vị khác"},
            "targets": [],
            "tasks": [],
            "references": [],
        }
    )
