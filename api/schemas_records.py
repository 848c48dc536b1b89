"""Typed answers of the reads that came with registrations, evaluation and awards (issue #18):
registrations, scores and rankings, nominations, the award registry and decisions. Codes, not
ids, wherever the thing has a code; field names English, descriptions Vietnamese."""

import datetime
from decimal import Decimal

from ninja import Field, Schema

from api.schemas import Code, Id

SUBJECT_TYPES = "collective, individual, household, enterprise"


class RegisteredTargetOut(Schema):
    target: int = Field(description="Số hiệu chỉ tiêu của kế hoạch")
    indicator: str | None = Field(None, description="Mã chỉ số đo chỉ tiêu")
    value: Decimal | None = Field(None, description="Mức đơn vị đăng ký")
    note: str


class RegistrationOut(Schema):
    id: int
    unit: str = Field(description="Mã đơn vị đăng ký")
    plan: int
    year: int
    status: str = Field(description="draft, submitted, approved, returned")
    version: int
    submitted_at: datetime.datetime | None
    approved_at: datetime.datetime | None
    targets: list[RegisteredTargetOut]


class RegistrationFilters(Schema):
    unit: Code | None = Field(None, description="Mã đơn vị")
    plan: Id | None = None
    year: int | None = Field(None, ge=1900, le=2200)
    status: Code | None = None


class SubjectRegistrationOut(Schema):
    id: int
    round: int = Field(description="Số hiệu đợt đăng ký")
    plan: int
    year: int
    subject_type: str = Field(description="individual, household, enterprise")
    subject_name: str
    unit: str = Field(description="Mã đơn vị của đối tượng (nơi hoạt động, nơi công tác)")
    tax_code: str | None = Field(None, description="Mã số thuế (doanh nghiệp, hợp tác xã)")
    titles: list[str] = Field(description="Mã các danh hiệu cá nhân đăng ký")
    participation_plan: str
    commitments: str
    status: str = Field(description="submitted, approved, returned")
    created_at: datetime.datetime
    approved_at: datetime.datetime | None


class SubjectRegistrationFilters(Schema):
    round: Id | None = None
    year: int | None = Field(None, ge=1900, le=2200)
    unit: Code | None = Field(None, description="Mã đơn vị: đối tượng thuộc đơn vị này và cấp dưới")
    subject_type: Code | None = Field(None, description="individual, household, enterprise")
    status: Code | None = None


class RankingVersionOut(Schema):
    id: int
    number: int = Field(description="Lần chốt")
    cutoff: datetime.date
    frozen_at: datetime.datetime
    note: str


class SchemeOut(Schema):
    id: int
    name: str
    year: int
    issuer: str = Field(description="Mã đơn vị ban hành bộ tiêu chí")
    plan: int | None
    subject_type: str
    cutoff: datetime.date
    criteria: list[str] = Field(description="Số hiệu các tiêu chí, theo thứ tự chấm")
    versions: list[RankingVersionOut] = Field(description="Các lần chốt kết quả xếp hạng")


class ScoreOut(Schema):
    unit: str = Field(description="Mã đơn vị được chấm")
    status: str
    women_led: bool
    points: dict[str, Decimal | None] = Field(description="Điểm theo số hiệu tiêu chí")
    bonus: Decimal
    penalty: Decimal
    total: Decimal = Field(description="Tổng điểm hiện tại (chưa chốt thì còn thay đổi)")


class ScoreFilters(Schema):
    unit: Code | None = Field(None, description="Mã đơn vị: đơn vị này và cấp dưới")
    status: Code | None = None


class RankingOut(Schema):
    id: int
    scheme: int
    scheme_name: str
    year: int
    number: int = Field(description="Lần chốt")
    cutoff: datetime.date
    frozen_at: datetime.datetime
    note: str


class RankingFilters(Schema):
    scheme: Id | None = None
    year: int | None = Field(None, ge=1900, le=2200)


class RankingEntryOut(Schema):
    block: str = Field(description="Mã khối thi đua")
    block_name: str
    rank: int
    unit: str = Field(description="Mã đơn vị")
    unit_name: str
    total: Decimal
    bonus: Decimal
    penalty: Decimal
    points: dict[str, Decimal | None] = Field(description="Điểm đã chốt theo số hiệu tiêu chí")
    tie_note: str


class RankingEntryFilters(Schema):
    block: Code | None = Field(None, description="Mã khối thi đua")
    unit: Code | None = Field(None, description="Mã đơn vị")


class RoundQuotaOut(Schema):
    form: str = Field(description="Mã hình thức khen thưởng")
    form_name: str
    limit: int = Field(description="Chỉ tiêu: số đề nghị tối đa của hình thức trong đợt")
    used: int = Field(
        description="Số đề nghị đang dùng chỉ tiêu (mọi đề nghị của đợt, trừ đề nghị Hội đồng "
        "không thông qua)"
    )


class AwardRoundOut(Schema):
    id: int
    unit: str = Field(description="Mã đơn vị của cấp khen thưởng")
    kind: str
    award_kind: str = Field(description="Mã loại hình khen thưởng")
    year: int
    name: str
    deadline: datetime.date
    published_at: datetime.datetime | None = Field(None, description="Công khai danh sách từ")
    nominations_open: bool = Field(
        description="Đợt đang nhận đề nghị hôm nay: chưa dừng, chưa công khai, chưa hết hạn nộp"
    )
    quotas: list[RoundQuotaOut] = Field(description="Chỉ tiêu theo hình thức khen thưởng")


class TallyOut(Schema):
    agree: int | None = Field(None, description="Số phiếu đồng ý")
    disagree: int | None = Field(None, description="Số phiếu không đồng ý")
    passed: bool | None


class NominationOut(Schema):
    id: int
    round: int
    year: int
    form: str = Field(description="Mã hình thức khen thưởng")
    form_name: str
    subject_type: str = Field(description=SUBJECT_TYPES)
    subject_name: str
    subject_unit: str | None = Field(None, description="Mã đơn vị (khi đề nghị cho tập thể)")
    proposer: str = Field(description="Mã đơn vị đề nghị")
    status: str = Field(
        description="draft, submitted, returned, checked, published, voted, decided, forwarded"
    )
    eligibility_status: str
    vote_passed: bool | None = Field(None, description="Hội đồng thông qua hay không")
    tally: TallyOut | None = Field(
        None,
        description="Kết quả bỏ phiếu của phiên họp đã kết thúc (chỉ tổng số, không bao giờ "
        "phiếu của từng thành viên); chỉ người xem được phiên họp mới thấy",
    )
    send_refusal: str | None = Field(
        None,
        description="Vì sao hồ sơ (đang soạn hoặc bị trả lại) không gửi thẩm định được hôm nay: "
        "gửi lần đầu sau hạn nộp hồ sơ, hoặc danh sách đã công khai; null khi gửi được hoặc "
        "không phải hồ sơ chờ gửi",
    )


class NominationFilters(Schema):
    round: Id | None = None
    year: int | None = Field(None, ge=1900, le=2200)
    form: Code | None = Field(None, description="Mã hình thức khen thưởng")
    proposer: Code | None = Field(None, description="Mã đơn vị đề nghị")
    status: Code | None = None
    subject_type: Code | None = Field(None, description=SUBJECT_TYPES)


class AwardOut(Schema):
    id: int
    subject_type: str = Field(description=SUBJECT_TYPES)
    subject_name: str
    subject_unit: str | None = Field(None, description="Mã đơn vị (khen thưởng tập thể)")
    owner_unit: str = Field(description="Mã đơn vị quản lý hồ sơ khen thưởng")
    form: str = Field(description="Mã hình thức")
    form_name: str
    kind: str = Field(description="Mã loại hình")
    year: int
    decision_number: str
    decision_date: datetime.date
    signer: str
    movement: int | None


class AwardFilters(Schema):
    q: Code = Field("", description="Tìm theo tên, số quyết định (không cần dấu)")
    form: Code | None = Field(None, description="Mã hình thức")
    year: int | None = Field(None, ge=1900, le=2200)
    block: Code | None = Field(None, description="Mã khối thi đua")
    unit: Code | None = Field(
        None, description="Mã đơn vị: đơn vị này, cấp dưới và đơn vị đã sáp nhập vào"
    )
    decision_number: Code = ""


class DecisionLineOut(Schema):
    order: int
    subject_name: str
    subject_type: str = Field(description=SUBJECT_TYPES)
    form: str = Field(description="Mã hình thức")
    multiple: Decimal | None = Field(None, description="Hệ số mức lương cơ sở")
    amount: Decimal | None = Field(None, description="Tiền thưởng (đồng)")
    award: int | None = Field(None, description="Số hiệu trong sổ khen thưởng, khi đã ban hành")


class DecisionOut(Schema):
    id: int
    unit: str = Field(description="Mã đơn vị ban hành")
    round: int
    year: int
    kind: str = Field(description="decision (quyết định) hoặc proposal (tờ trình)")
    status: str = Field(description="draft, issued")
    number: str
    date: datetime.date
    signer: str
    signer_title: str
    title: str
    total: Decimal = Field(description="Tổng tiền thưởng (đồng)")
    issued_at: datetime.datetime | None
    corrects: int | None = Field(None, description="Quyết định được đính chính")
    lines: list[DecisionLineOut]


class DecisionFilters(Schema):
    year: int | None = Field(None, ge=1900, le=2200)
    round: Id | None = None
    kind: Code | None = None
    status: Code | None = None
