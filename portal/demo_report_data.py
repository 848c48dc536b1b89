"""The demo's made-up reporting data (portal/demo_reports.py reads it): the indicators with the
range each unit starts from and how fast it moves, which targets of the seed plans they measure
and who reports them, the 2025 levels the targets' paths start from, and names for the people."""

from dataclasses import dataclass

from indicators.models import Indicator


@dataclass
class Spec:
    code: str
    name: str
    kind: str
    unit: str = "%"
    numerator: str = ""
    denominator: str = ""
    temporal: str = Indicator.Temporal.LATEST
    never_decreases: bool = False
    start: tuple[float, float] = (40, 70)  # a unit's share in January, drawn in this range (%)
    gain: float = 2.0  # points gained a month on average
    size: tuple[int, int] = (100, 400)  # denominators drawn in this range


INDICATORS = [
    Spec(
        "ty-le-hs-truc-tuyen",
        "Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận và giải quyết trực tuyến",
        "ratio",
        numerator="Số hồ sơ tiếp nhận, giải quyết trực tuyến",
        denominator="Tổng số hồ sơ tiếp nhận",
        temporal=Indicator.Temporal.CUMULATIVE,
        start=(45, 70),
        size=(60, 260),
    ),
    Spec(
        "ty-le-van-ban-dien-tu",
        "Tỷ lệ văn bản trao đổi dưới dạng điện tử (trừ văn bản mật)",
        "ratio",
        numerator="Số văn bản điện tử",
        denominator="Tổng số văn bản đi, đến",
        temporal=Indicator.Temporal.CUMULATIVE,
        start=(80, 95),
        gain=0.15,
        size=(150, 500),
    ),
    Spec(
        "ty-le-cbcc-tap-huan-ky-nang-so",
        "Tỷ lệ cán bộ, công chức được tập huấn kỹ năng số cơ bản",
        "ratio",
        numerator="Số cán bộ, công chức đã được tập huấn",
        denominator="Tổng số cán bộ, công chức",
        never_decreases=True,
        start=(50, 80),
        gain=3.0,
        size=(20, 40),
    ),
    Spec(
        "ty-le-vneid",
        "Tỷ lệ người dân trưởng thành có tài khoản định danh điện tử (VNeID)",
        "ratio",
        numerator="Số người trưởng thành có tài khoản VNeID",
        denominator="Số người trưởng thành",
        never_decreases=True,
        start=(60, 82),
        gain=1.2,
        size=(300, 900),
    ),
    Spec(
        "ty-le-phan-loai-rac",
        "Tỷ lệ hộ dân phân loại rác thải sinh hoạt tại nguồn",
        "ratio",
        numerator="Số hộ phân loại rác tại nguồn",
        denominator="Tổng số hộ",
        start=(25, 55),
        gain=2.5,
        size=(80, 260),
    ),
    Spec(
        "thon-co-to-cnscd",
        "Thôn có Tổ công nghệ số cộng đồng hoạt động thường xuyên",
        "boolean",
        unit="",
    ),
    Spec(
        "so-mo-hinh-sang-kien",
        "Số mô hình, sáng kiến, giải pháp về KHCN, ĐMST, CĐS, CĐX được triển khai",
        "count",
        unit="mô hình",
        temporal=Indicator.Temporal.CUMULATIVE,
    ),
    Spec(
        "mo-hinh-tieu-bieu",
        "Mô hình, cách làm tiêu biểu trong kỳ",
        "text",
        unit="",
    ),
    Spec(
        "ty-le-thanh-vien-to-cnscd-tap-huan",
        "Tỷ lệ thành viên Tổ công nghệ số cộng đồng được tập huấn, hướng dẫn nghiệp vụ",
        "ratio",
        numerator="Số thành viên đã được tập huấn",
        denominator="Tổng số thành viên Tổ công nghệ số cộng đồng",
        never_decreases=True,
        start=(50, 80),
        gain=3.0,
        size=(5, 12),
    ),
    Spec(
        "ty-le-vneid-muc-2-smartphone",
        "Tỷ lệ người dân trưởng thành có điện thoại thông minh, tài khoản VNeID mức độ 2 và "
        "tài khoản thanh toán điện tử",
        "ratio",
        numerator="Số người đạt cả ba điều kiện",
        denominator="Số người trưởng thành",
        never_decreases=True,
        start=(45, 70),
        gain=1.0,
        size=(300, 900),
    ),
    Spec(
        "ty-le-cbcc-thanh-thao-qlvb-cks",
        "Tỷ lệ cán bộ, công chức sử dụng thành thạo phần mềm quản lý văn bản và chữ ký số",
        "ratio",
        numerator="Số cán bộ, công chức sử dụng thành thạo",
        denominator="Tổng số cán bộ, công chức",
        never_decreases=True,
        start=(70, 90),
        gain=1.5,
        size=(20, 40),
    ),
    Spec(
        "ty-le-ho-tiep-can-dich-vu-so",
        "Tỷ lệ hộ gia đình được tiếp cận, hướng dẫn sử dụng các dịch vụ số thiết yếu",
        "ratio",
        numerator="Số hộ đã được hướng dẫn",
        denominator="Tổng số hộ",
        never_decreases=True,
        start=(55, 80),
        gain=2.0,
        size=(80, 260),
    ),
    Spec(
        "ty-le-hscv-moi-truong-mang",
        "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng",
        "ratio",
        numerator="Số hồ sơ công việc xử lý trên môi trường mạng",
        denominator="Tổng số hồ sơ công việc",
        temporal=Indicator.Temporal.CUMULATIVE,
        start=(70, 88),
        gain=0.8,
        size=(120, 600),
    ),
    Spec(
        "ty-le-hs-toan-trinh",
        "Tỷ lệ hồ sơ trực tuyến toàn trình",
        "ratio",
        numerator="Số hồ sơ trực tuyến toàn trình",
        denominator="Tổng số hồ sơ thủ tục hành chính",
        temporal=Indicator.Temporal.CUMULATIVE,
        start=(35, 60),
        gain=0.25,
        size=(80, 400),
    ),
    Spec(
        "ty-le-hs-so-hoa",
        "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa",
        "ratio",
        numerator="Số hồ sơ, kết quả được số hóa",
        denominator="Tổng số hồ sơ đã giải quyết",
        temporal=Indicator.Temporal.CUMULATIVE,
        start=(55, 85),
        gain=1.2,
        size=(80, 400),
    ),
    Spec(
        "ty-le-ky-nang-so",
        "Tỷ lệ dân số trưởng thành có kỹ năng số cơ bản",
        "ratio",
        numerator="Số người trưởng thành có kỹ năng số cơ bản",
        denominator="Số người trưởng thành",
        never_decreases=True,
        start=(45, 70),
        gain=0.3,
        size=(1500, 6000),
    ),
    Spec(
        "ty-le-tap-huan-attt",
        "Tỷ lệ cán bộ, công chức, viên chức được tuyên truyền, tập huấn an toàn thông tin",
        "ratio",
        numerator="Số người được tập huấn",
        denominator="Tổng số cán bộ, công chức, viên chức",
        never_decreases=True,
        start=(40, 75),
        gain=3.0,
        size=(40, 200),
    ),
]

# plan issuer -> [(indicator code, target text prefix it measures, reporting unit types)]
LINKS = {
    "LSN-XTN": [
        ("ty-le-hs-truc-tuyen", "Tỷ lệ hồ sơ thủ tục hành chính", ["xa"]),
        ("ty-le-van-ban-dien-tu", "100% văn bản trao đổi", ["xa"]),
        ("ty-le-cbcc-tap-huan-ky-nang-so", "100% cán bộ, công chức xã được tập huấn", ["xa"]),
        ("ty-le-vneid", "90% người dân trưởng thành có tài khoản", ["thon"]),
        ("ty-le-phan-loai-rac", "Trên 60% hộ dân", ["thon"]),
        ("thon-co-to-cnscd", "100% thôn, bản có Tổ công nghệ số", ["thon"]),
        # The same yes/no of each village answers "100% các Tổ ... hoạt động thường xuyên".
        ("thon-co-to-cnscd", "100% các Tổ công nghệ số cộng đồng hoạt động", ["thon"]),
        ("ty-le-thanh-vien-to-cnscd-tap-huan", "100 % thành viên Tổ công nghệ số", ["thon"]),
        ("ty-le-vneid-muc-2-smartphone", "90% người dân trưởng thành có điện thoại", ["thon"]),
        ("ty-le-cbcc-thanh-thao-qlvb-cks", "100% cán bộ, công chức sử dụng thành thạo", ["xa"]),
        ("ty-le-ho-tiep-can-dich-vu-so", "Trên 90% hộ gia đình được tiếp cận", ["thon"]),
        ("so-mo-hinh-sang-kien", None, ["xa"]),
        ("mo-hinh-tieu-bieu", None, ["xa"]),
    ],
    # Seed 001 (the board's plan), reported by its offices.
    "LSN-BQLKKTCK": [
        ("ty-le-hs-so-hoa", "100% hồ sơ, kết quả giải quyết TTHC được số hóa", ["phong"]),
        (
            "ty-le-cbcc-tap-huan-ky-nang-so",
            "100% công chức, viên chức được đào tạo, bồi dưỡng nâng cao kỹ năng số",
            ["phong"],
        ),
        (
            "ty-le-tap-huan-attt",
            "100% các đơn vị, công chức, viên chức trực thuộc Ban Quản lý được quán triệt",
            ["phong"],
        ),
        ("ty-le-van-ban-dien-tu", "Tối thiểu 70% văn bản, hồ sơ công việc", ["phong"]),
    ],
    "LCI": [
        ("ty-le-hscv-moi-truong-mang", "phấn đấu ≥ 90% hồ sơ công việc", ["so", "xa"]),
        ("ty-le-hs-toan-trinh", "trong đó tỷ lệ hồ sơ trực tuyến toàn trình", ["so", "xa"]),
        ("ty-le-hs-so-hoa", "100% hồ sơ, kết quả giải quyết", ["so", "xa"]),
        ("so-mo-hinh-sang-kien", "Hằng năm, mỗi sở, ban, ngành", ["so", "xa"]),
        ("ty-le-vneid", "phấn đấu ≥ 90% người dân có tài khoản", ["xa"]),
        ("ty-le-ky-nang-so", "phấn đấu ≥ 90% dân số trưởng thành", ["xa"]),
        ("ty-le-tap-huan-attt", "phấn đấu ≥ 90% cán bộ, công chức, viên chức", ["so"]),
    ],
}
# Where each target's path starts (the 2025 level); made up for the demo.
BASELINES = {"ty-le-hs-toan-trinh": 42, "ty-le-hscv-moi-truong-mang": 76, "ty-le-vneid": 68}

FAMILY = ["Nguyễn", "Trần", "Lê", "Hoàng", "Phạm", "Vũ", "Đặng", "Lò", "Giàng", "Hà", "Nông", "Lục"]
GIVEN = [
    "Văn An",
    "Thị Bình",
    "Văn Cường",
    "Thị Dung",
    "Minh Đức",
    "Thị Hạnh",
    "Văn Khánh",
    "Thị Lan",
    "Quốc Minh",
    "Thị Nga",
    "Văn Phúc",
    "Thị Quyên",
    "Văn Sơn",
    "Thị Thu",
]
