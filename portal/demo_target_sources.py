"""Demo: where the figures of a seed target come from when no unit reports them (a national
system, an index published yearly…), so the dashboards say "measured elsewhere" with the source
instead of "no data"."""

from django.db import transaction

from plans.models import Target

# Where the figures of a seed target that no unit reports come from, by words of its text (the
# first rule that matches). Targets no rule fits stay "not yet monitored": the dashboards say so.
# Where figures of online public services come from; two rules below name it, in their own places
# of the order (a target about data exchange matches the LGSP rule first).
ONLINE_SERVICES_SOURCE = (
    "Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh và Cổng Dịch vụ công quốc gia "
    "(Bộ chỉ số phục vụ người dân, doanh nghiệp)."
)
ELSEWHERE = [
    (
        ("thứ hạng", "nhóm 15 tỉnh", "PII"),
        "Thứ hạng PII (Chỉ số đổi mới sáng tạo cấp địa phương) do Bộ Khoa học và Công nghệ "
        "công bố hằng năm.",
    ),
    (
        ("GRDP", "ngân sách"),
        "Số liệu năm của Sở Tài chính và cơ quan thống kê, không lấy từ báo cáo tháng.",
    ),
    (
        ("phủ sóng", "Internet", "băng rộng", "hộ gia đình thực tế sử dụng dịch vụ"),
        "Số liệu của các doanh nghiệp viễn thông do Sở Khoa học và Công nghệ tổng hợp.",
    ),
    (
        ("nhiệm vụ khoa học", "đề tài"),
        "Sở Khoa học và Công nghệ theo dõi qua quản lý nhiệm vụ khoa học và công nghệ.",
    ),
    (
        ("doanh nghiệp", "hợp tác xã", "hộ sản xuất", "hộ kinh doanh"),
        "Khảo sát doanh nghiệp, hợp tác xã, hộ kinh doanh do cơ quan chủ trì lĩnh vực thực hiện.",
    ),
    (
        ("sản phẩm chủ lực",),
        "Phòng Kinh tế xã theo dõi danh mục sản phẩm chủ lực, OCOP và kênh bán trên môi trường số.",
    ),
    (
        ("mô hình chuyển đổi xanh",),
        "Sở Nông nghiệp và Môi trường, cơ quan chủ trì lĩnh vực chuyển đổi xanh, tập hợp các mô "
        "hình (KH Lào Cai, mục V.2c).",
    ),
    (
        ("đủ điều kiện được cung cấp trực tuyến", "phi tiếp xúc", "không phụ thuộc vào địa giới"),
        ONLINE_SERVICES_SOURCE,
    ),
    (
        ("cơ sở dữ liệu", "dữ liệu", "LGSP", "hệ thống thông tin"),
        "Sở Khoa học và Công nghệ đo trên nền tảng LGSP và Kho dữ liệu dùng chung của tỉnh.",
    ),
    (
        ("kế hoạch phong trào", "xây dựng kế hoạch", "đăng ký chỉ tiêu"),
        "Theo dõi qua kế hoạch triển khai và bản đăng ký thi đua của từng đơn vị trong hệ thống.",
    ),
    # The sources below are the demo's choice: the body that keeps such figures in a province.
    (
        ("chữ ký số",),
        "Số chứng thư số cấp cho cá nhân: Ban Cơ yếu Chính phủ và Sở Khoa học và Công nghệ.",
    ),
    (
        ("dịch vụ công trực tuyến", "TTHC", "thủ tục hành chính"),
        ONLINE_SERVICES_SOURCE,
    ),
    (
        ("môi trường điện tử", "môi trường số", "văn bản được phát hành"),
        "Hệ thống quản lý văn bản và điều hành của tỉnh thống kê văn bản, hồ sơ xử lý trên môi "
        "trường điện tử.",
    ),
    (
        ("kỹ năng số",),
        "Sở Nội vụ tổng hợp kết quả bồi dưỡng, đánh giá kỹ năng số của cán bộ, công chức hằng năm.",
    ),
    (
        ("cấp uỷ", "cấp ủy"),
        "Cơ cấu cấp ủy theo nhiệm kỳ đại hội, do cơ quan tổ chức của Đảng theo dõi.",
    ),
    (
        ("an toàn thông tin", "diệt virus"),
        "Kiểm tra, đánh giá an toàn thông tin hằng năm của Sở Khoa học và Công nghệ.",
    ),
    (
        ("nhiệm vụ chính trị", "nhiệm vụ, chỉ tiêu được đặt ra"),
        "Đánh giá, xếp loại cuối năm của cơ quan, đơn vị (kết quả thực hiện nhiệm vụ được giao).",
    ),
]


def elsewhere_reason(text: str) -> str:
    """The source of a target's figures when no unit reports it, or "" if the demo knows none."""
    lowered = text.lower()
    for words, reason in ELSEWHERE:
        if any(word.lower() in lowered for word in words):
            return reason
    return ""


@transaction.atomic
def load_target_sources() -> None:
    """Mark the quantitative targets no indicator follows whose source the demo knows. A target
    aligned to a province target is followed as that one is: by its indicator, for each unit if
    it applies to each unit, or from the same source elsewhere; words are guessed only for the
    others (the province's own targets first, so that aligned ones can take their source)."""
    targets = Target.objects.filter(
        value__isnull=False, indicator__isnull=True, measured_elsewhere=""
    ).select_related("parent_target")
    for target in sorted(targets, key=lambda t: t.parent_target_id is not None):
        parent = target.parent_target
        if parent is not None:
            parent.refresh_from_db(
                fields=["indicator", "applies_to_each_unit", "measured_elsewhere"]
            )
        if parent is not None and parent.indicator_id:
            target.indicator_id = parent.indicator_id
            target.applies_to_each_unit = parent.applies_to_each_unit
            target.save(update_fields=["indicator", "applies_to_each_unit"])
            continue
        reason = parent.measured_elsewhere if parent is not None else ""
        reason = reason or elsewhere_reason(target.text)
        if reason:
            target.measured_elsewhere = reason
            target.save(update_fields=["measured_elsewhere"])
