"""What the API reads and writes, as typed schemas; the OpenAPI description is generated from
them (django-ninja, on pydantic). Field names are English, descriptions Vietnamese."""

import datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator

MAX_ID = 2_147_483_647  # an id column's largest value on PostgreSQL


def _utf8(text: str) -> str:
    """A JSON string may carry half of a surrogate pair, which no database column can hold, or
    a NUL character, which a PostgreSQL text column cannot."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("Văn bản có ký tự không hợp lệ.") from exc
    if "\x00" in text:
        raise ValueError("Văn bản có ký tự không hợp lệ.")
    return text


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Text = Annotated[str, AfterValidator(_utf8), Field(max_length=30_000)]
Code = Annotated[str, AfterValidator(_utf8), Field(max_length=60)]


class Problem(Schema):
    detail: str | list | dict = Field(description="Lý do, bằng tiếng Việt")


class UnitOut(Schema):
    code: str
    name: str
    type: str = Field(description="Mã loại đơn vị")
    parent: str | None = Field(None, description="Mã đơn vị cấp trên")
    block: str | None = Field(None, description="Mã khối thi đua hiện tại")
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    merged_into: str | None = Field(None, description="Mã đơn vị tiếp nhận khi sáp nhập")


class IndicatorOut(Schema):
    code: str
    name: str
    kind: str = Field(description="ratio, count, amount, boolean, text, rank")
    unit: str
    fields: list[str] = Field(
        description="Các trường nhận số liệu: value, numerator, denominator, text"
    )


class TargetOut(Schema):
    id: int
    text: str
    section: str
    indicator: str | None = Field(None, description="Mã chỉ số đo chỉ tiêu")
    comparator: str
    value: Decimal | None
    value_max: Decimal | None
    unit: str
    due_year: int | None
    due_date: datetime.date | None


class TaskOut(Schema):
    id: int
    title: str
    section: str
    status: str
    progress: int
    due_date: datetime.date | None
    lead_units: list[str] = Field(description="Mã các đơn vị chủ trì")


class PlanOut(Schema):
    id: int
    number: str
    title: str
    issuer: str | None = Field(None, description="Mã đơn vị ban hành")
    issued_on: datetime.date | None
    status: str


class PlanDetailOut(PlanOut):
    targets: list[TargetOut]
    tasks: list[TaskOut]


class TargetStatusOut(Schema):
    target: int
    text: str
    indicator: str | None
    status: str = Field(description="met, on_track, at_risk, missed, no_data")
    status_label: str
    current: Decimal | None = Field(None, description="Số liệu hiện tại của đơn vị")
    as_of_period: datetime.date | None
    expected_units: int
    reporting_units: int


class PlanStatusOut(Schema):
    plan: int
    unit: str
    as_of: datetime.date
    targets: list[TargetStatusOut]


class PeriodOut(Schema):
    id: int
    code: str
    label: str
    start: datetime.date
    end: datetime.date
    due_date: datetime.date
    is_closed: bool


class ScheduleOut(Schema):
    id: int
    name: str
    plan: int
    frequency: str
    indicators: list[str]


class ValueOut(Schema):
    indicator: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    text: str
    comment: str


class ReportOut(Schema):
    id: int
    unit: str
    schedule: int
    period: str
    status: str
    version: int
    submitted_at: datetime.datetime | None
    days_late: int | None
    accepted_at: datetime.datetime | None
    values: list[ValueOut]


class DataValueIn(Schema):
    unit: Code = Field(description="Mã đơn vị")
    period: Code = Field(description="Mã kỳ, ví dụ 2026-11")
    indicator: Code = Field(description="Mã chỉ số")
    schedule: Id | None = Field(None, description="Mã lịch, khi nhiều lịch có cùng mã kỳ")
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    text: Text | None = None
    comment: Text | None = Field(None, description="Giải trình")


class TaskValueIn(Schema):
    unit: Code
    period: Code
    task: Id = Field(description="Số hiệu nhiệm vụ")
    schedule: Id | None = None
    status: Code | None = Field(None, description="not_started, in_progress, done, overdue …")
    progress: Annotated[int, Field(ge=-1000, le=1000)] | None = None
    note: Text | None = None
    evidence_link: Text | None = None


class DataValueSetIn(Schema):
    dataValues: list[DataValueIn] = Field(default_factory=list)  # noqa: N815 (DHIS2's name)
    taskUpdates: list[TaskValueIn] = Field(default_factory=list)  # noqa: N815


class ConflictOut(Schema):
    where: str = Field(description="Vị trí trong dữ liệu gửi, ví dụ dataValues[12]")
    object: str
    message: str


class ImportCountOut(Schema):
    imported: int
    updated: int
    ignored: int
    conflicts: int


class ImportSummaryOut(Schema):
    status: str = Field(description="SUCCESS, WARNING (có xung đột) hoặc ERROR (không ghi được gì)")
    dryRun: bool  # noqa: N815
    reports: int = Field(description="Số báo cáo đã ghi")
    counts: ImportCountOut
    conflicts: list[ConflictOut]


class ActionIn(Schema):
    version: Annotated[int, Field(ge=0, le=MAX_ID)] | None = Field(
        None, description="Phiên bản báo cáo đã xem; khác thì bị từ chối"
    )


class ReturnIn(ActionIn):
    reason: Text = Field(description="Lý do trả lại")
