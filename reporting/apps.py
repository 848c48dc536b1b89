from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "Đăng ký và báo cáo thi đua"

    def ready(self):
        from treebeard.mp_tree import path_updated

        from org.models import OrgUnit

        path_updated.connect(_unit_moved, sender=OrgUnit, dispatch_uid="rollups-follow-moves")


def _unit_moved(sender, old_path, new_path, **kwargs):
    """Roll-ups follow a unit moved to another parent (in the admin's tree), in the move's
    transaction."""
    from reporting.rollups import rollup_move_subtree

    rollup_move_subtree(old_path=old_path, new_path=new_path)
