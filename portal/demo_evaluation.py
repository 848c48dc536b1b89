"""Demo of the 2026 scoring round of Lào Cai: the seed 004 §III.8a criteria as a scheme, every
block unit's self-scores, one block leader's adjustment and a frozen ranking, each step at its
own moment before `now` (portal.clock). Idempotent: skipped if the scheme exists."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from evaluation import ranking, scoring
from evaluation.access import EvaluationAccess
from evaluation.models import (
    Criterion,
    CriterionGroup,
    EvaluationScheme,
    IndexValue,
    ScoreChange,
    ScoreSheet,
)
from org.models import OrgUnit, Role, RoleAssignment
from org.scope import UserScope, user_scope
from plans.models import Plan
from portal.clock import clock_at, moment_by

SUPER = UserScope(user_id=None, is_superuser=True)
SCHEME_NAME = "Bộ tiêu chí chấm điểm thi đua năm 2026 đối với tập thể (khối thi đua)"
DESCRIPTION = (
    "Tiêu chí theo mục III.8a Kế hoạch phong trào thi đua của UBND tỉnh Lào Cai. Số điểm của "
    "từng tiêu chí (tổng 100), cách tính tiêu chí từ số liệu, điểm thưởng tối đa 5, điểm trừ "
    "tối đa 10 là lựa chọn của bản mẫu, không phải của kế hoạch; giá trị PII, DTI là số liệu "
    "minh họa."
)
S = Criterion.Source
# group name, [(code, name, max points, source, index scale)]
GROUPS = [
    (
        "Lãnh đạo, chỉ đạo, ban hành kế hoạch và tổ chức thực hiện phong trào",
        [("1.1", "Ban hành kế hoạch kịp thời, cụ thể, phù hợp thực tiễn", 15, S.HUMAN, None)],
    ),
    (
        "Mức độ hoàn thành nhiệm vụ, chỉ tiêu và sản phẩm đầu ra theo kế hoạch",
        [
            ("2.1", "Tỷ lệ chỉ tiêu đăng ký đạt", 20, S.TARGETS_MET, None),
            ("2.2", "Nhiệm vụ hoàn thành đúng hạn, có minh chứng", 10, S.TASKS_ON_TIME, None),
            ("2.3", "Báo cáo đúng hạn, đầy đủ", 10, S.REPORTS_ON_TIME, None),
            ("2.4", "Kết quả CCHC, CĐS, ĐMST, CĐX, kinh tế số, xã hội số", 5, S.HUMAN, None),
        ],
    ),
    (
        "Hiệu quả huy động nguồn lực, phối hợp liên ngành, xã hội hóa; chuyển biến thực chất",
        [("3.1", "Huy động nguồn lực, phối hợp, tác động tới người dân", 10, S.HUMAN, None)],
    ),
    (
        "Số lượng, chất lượng mô hình, sáng kiến, giải pháp, công trình tiêu biểu",
        [("4.1", "Mô hình, sáng kiến; khả năng duy trì, nhân rộng", 15, S.INITIATIVES, None)],
    ),
    (
        "Kết quả theo các chỉ số đánh giá PII, DTI",
        [
            ("5.1", "Chỉ số đổi mới sáng tạo cấp địa phương (PII)", 7.5, S.EXTERNAL_INDEX, 100),
            ("5.2", "Chỉ số chuyển đổi số (DTI)", 7.5, S.EXTERNAL_INDEX, 1000),
        ],
    ),
]
ROUND_WEEK = datetime.timedelta(days=8)
LEADER_UNIT = "LCI-PYB"  # phường Yên Bái leads block 05
ADJUSTED_UNIT = "LCI-PLC"


def load_evaluation(*, now: datetime.datetime) -> None:
    province = OrgUnit.objects.filter(code="LCI").first()
    plan = Plan.objects.filter(issuer=province).exclude(status=Plan.Status.PLACEHOLDER).first()
    if plan is None or EvaluationScheme.objects.filter(issuer=province, year=2026).exists():
        return
    User = get_user_model()
    coordinator = User.objects.get(username="tinh")
    today = timezone.localdate(now)
    # A week before today at the latest: the year-end round that follows the frozen ranking
    # (demo_nominations: nominations, check, a comment period, the council, the decision) takes
    # place in that week, never after now; with a cutoff of yesterday it all fell on one moment
    # and the list read "công khai từ 02:53 đến 02:53".
    cutoff = min(datetime.date(2026, 12, 31), today - ROUND_WEEK)
    with clock_at(moment_by(cutoff - datetime.timedelta(days=20), 8, now)):
        scheme = EvaluationScheme.objects.create(
            issuer=province,
            plan=plan,
            year=2026,
            name=SCHEME_NAME,
            description=DESCRIPTION,
            cutoff=cutoff,
            created_by=coordinator,
        )
        for g, (group_name, criteria) in enumerate(GROUPS, start=1):
            group = CriterionGroup.objects.create(scheme=scheme, order=g, name=group_name)
            for c, (code, name, points, source, scale) in enumerate(criteria, start=1):
                Criterion.objects.create(
                    group=group,
                    order=c,
                    code=code,
                    name=name,
                    max_points=Decimal(str(points)),
                    source=source,
                    index_scale=scale,
                )
        scoring.sheets_open(scheme=scheme)
        for criterion in Criterion.objects.filter(group__scheme=scheme, source=S.EXTERNAL_INDEX):
            scale = float(criterion.index_scale)
            for sheet in ScoreSheet.objects.filter(scheme=scheme).select_related("unit"):
                rng = random.Random(f"{criterion.code}-{sheet.unit.code}")
                IndexValue.objects.create(
                    criterion=criterion,
                    unit=sheet.unit,
                    value=Decimal(str(round(scale * rng.uniform(0.45, 0.8), 2))),
                    source_name="Bảng công bố chỉ số (số liệu minh họa)",
                    imported_by=coordinator,
                    imported_at=timezone.now(),
                )
    access = EvaluationAccess(SUPER, scheme)
    human = list(Criterion.objects.filter(group__scheme=scheme, source=S.HUMAN))
    with clock_at(moment_by(cutoff - datetime.timedelta(days=10), 9, now)):
        for sheet in ScoreSheet.objects.filter(scheme=scheme).select_related("unit"):
            reporter = User.objects.filter(username=f"bc.{sheet.unit.code.lower()}").first()
            rng = random.Random(sheet.unit.code)
            for criterion in human:
                top = float(criterion.max_points)
                points = Decimal(str(round(top * rng.uniform(0.7, 0.95) * 2) / 2))
                scoring.score_self(
                    access=access,
                    sheet=sheet,
                    criterion=criterion,
                    points=points,
                    evidence=f"Báo cáo năm 2026 của {sheet.unit.name}, mục {criterion.code}",
                    user=reporter or coordinator,
                )
            scoring.sheet_submit(access=access, sheet=sheet, women_led=rng.random() < 0.3)
    leader_unit = OrgUnit.objects.get(code=LEADER_UNIT)
    leader = User.objects.filter(username=f"tt.{LEADER_UNIT.lower()}").first() or coordinator
    adjusted = ScoreSheet.objects.filter(scheme=scheme, unit__code=ADJUSTED_UNIT).first()
    if adjusted is not None:
        with clock_at(moment_by(cutoff - datetime.timedelta(days=5), 10, now)):
            RoleAssignment.objects.get_or_create(
                user=leader, unit=leader_unit, role=Role.BLOCK_LEADER
            )
            criterion = human[0]
            current = adjusted.scores.get(criterion=criterion).points
            scoring.score_adjust(
                access=EvaluationAccess(user_scope(leader), scheme),
                sheet=adjusted,
                criterion=criterion,
                points=max(current - 2, Decimal(0)),
                reason="Kế hoạch triển khai ban hành sau thời hạn tỉnh giao 15 ngày.",
                user=leader,
                stage=ScoreChange.Stage.BLOCK,
            )
    with clock_at(moment_by(cutoff + datetime.timedelta(days=1), 10, now)):
        scoring.rescore(scheme=scheme, user=coordinator)
        ranking.ranking_freeze(scheme=scheme, user=coordinator)
