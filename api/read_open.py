"""Open data without a token (/api/v1/open/): the rows of the public pages /du-lieu-mo/, from
the same selectors (opendata.selectors: published plans' targets, the newest frozen ranking of
each scheme, the decided awards), with the licence. Nothing else is public here."""

import datetime

from django.utils import timezone
from ninja import Field, Router, Schema

from api.schemas import Id
from api.throttling import OpenThrottle
from opendata import selectors

# No token: each client address its own budget (API_RATE_OPEN).
router = Router(tags=["Dữ liệu mở"], throttle=OpenThrottle())


class LicenceOut(Schema):
    name: str
    url: str


class MovementOut(Schema):
    id: int
    name: str
    start_year: int
    end_year: int


class TargetRowOut(Schema):
    plan: str = Field(description="Số hoặc tên kế hoạch đã ban hành")
    issuer: str
    target: str
    comparator: str
    value: str = Field(description="Số, dấu chấm thập phân; trống nếu không có")
    value_max: str
    unit: str
    due_year: int | str
    current: str = Field(description="Số liệu hiện tại của đơn vị ban hành")
    status: str = Field(description="met, on_track, at_risk, missed, no_data")
    status_label: str


class RankingRowOut(Schema):
    scheme: str
    year: int
    version: int = Field(description="Lần chốt mới nhất")
    cutoff: str
    block: str
    rank: int
    unit: str
    total: str


class AwardRowOut(Schema):
    year: int
    subject: str
    subject_type: str
    unit: str
    form: str
    kind: str
    decision_number: str
    decision_date: str


class OpenDataset(Schema):
    movement: MovementOut
    licence: LicenceOut
    generated_on: datetime.date


class TargetsOut(OpenDataset):
    rows: list[TargetRowOut]


class RankingsOut(OpenDataset):
    rows: list[RankingRowOut]


class AwardsOut(OpenDataset):
    rows: list[AwardRowOut]


class MovementsOut(Schema):
    licence: LicenceOut
    movements: list[MovementOut]


def _movement_out(movement) -> dict:
    return {
        "id": movement.pk,
        "name": movement.name,
        "start_year": movement.start_year,
        "end_year": movement.end_year,
    }


@router.get(
    "/open/movements", response=MovementsOut, auth=None, summary="Phong trào có dữ liệu công khai"
)
def open_movements(request):
    """Không cần khóa: các phong trào có kế hoạch đã ban hành (như trang Dữ liệu mở)."""
    return {
        "licence": selectors.licence(),
        "movements": [_movement_out(m) for m in selectors.public_movements()],
    }


def _dataset(movement_id: int, dataset: str) -> dict:
    movement = selectors.public_movement(movement_id)
    return {
        "movement": _movement_out(movement),
        "licence": selectors.licence(),
        "generated_on": timezone.localdate(),
        "rows": selectors.dataset_rows(movement, dataset),
    }


@router.get(
    "/open/movements/{movement_id}/targets",
    response=TargetsOut,
    auth=None,
    summary="Chỉ tiêu đã ban hành và tình trạng",
)
def open_targets(request, movement_id: Id):
    """Không cần khóa: chỉ tiêu của các kế hoạch đã ban hành của phong trào, với số liệu hiện
    tại và tình trạng do trang giám sát đánh giá, nhìn từ đơn vị ban hành."""
    return _dataset(movement_id, "targets")


@router.get(
    "/open/movements/{movement_id}/rankings",
    response=RankingsOut,
    auth=None,
    summary="Kết quả xếp hạng đã chốt",
)
def open_rankings(request, movement_id: Id):
    """Không cần khóa: lần chốt mới nhất của mỗi bộ tiêu chí của phong trào, khối theo khối;
    không bao giờ là điểm đang chấm."""
    return _dataset(movement_id, "rankings")


@router.get(
    "/open/movements/{movement_id}/awards",
    response=AwardsOut,
    auth=None,
    summary="Khen thưởng đã quyết định",
)
def open_awards(request, movement_id: Id):
    """Không cần khóa: khen thưởng trong sổ khen thưởng gắn với phong trào."""
    return _dataset(movement_id, "awards")
