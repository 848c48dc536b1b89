"""A commune's November report, as the code that gathers the figures would pass it."""

from __future__ import annotations

from datetime import date

import pytest

from documents.contexts import ReportContext
from documents.layout import document_number, place_date


def november_report() -> ReportContext:
    return {
        "superior_body": "UBND tỉnh Lạng Sơn",
        "issuing_body": "UBND xã Thống Nhất",
        "number": document_number(None, "BC", "UBND"),
        "place_date": place_date("Thống Nhất", date(2026, 11, 25)),
        "title": (
            "Kết quả thực hiện Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và "
            "chuyển đổi số” tháng 11/2026"
        ),
        "intro": (
            "Thực hiện Kế hoạch số 40/KH-UBND ngày 05 tháng 02 năm 2026 của UBND tỉnh Lạng Sơn "
            "về tổ chức Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”, "
            "UBND xã Thống Nhất báo cáo kết quả thực hiện tháng 11/2026 như sau:"
        ),
        "period_label": "tháng 11/2026",
        "targets": [
            {
                "no": "1",
                "text": "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến toàn trình",
                "plan_value": "80 %",
                "current": "72,5 %",
                "path_value": "73,3 %",
                "status": "Chậm tiến độ",
                "units_without_data": 1,
            },
            {
                "no": "2",
                "text": "Số hộ gia đình sử dụng dịch vụ thanh toán không dùng tiền mặt",
                "plan_value": "1.200 hộ",
                "current": "1.150 hộ",
                "path_value": "1.100 hộ",
                "status": "Đạt tiến độ",
                "units_without_data": 0,
            },
            {
                "no": "3",
                "text": "Tỷ lệ người dân trưởng thành có chữ ký số cá nhân",
                "plan_value": "50 %",
                "current": "41 %",
                "path_value": "45,8 %",
                "status": "Chậm tiến độ",
                "units_without_data": 0,
            },
        ],
        "tasks": [
            {
                "no": "1",
                "title": "Tổ chức tập huấn kỹ năng số cho tổ công nghệ số cộng đồng",
                "lead": "Văn phòng HĐND và UBND xã",
                "deadline": "30/11/2026",
                "status": "Hoàn thành",
                "progress": "100 %",
                "note": "",
            },
            {
                "no": "2",
                "title": "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực",
                "lead": "Trung tâm Phục vụ hành chính công xã",
                "deadline": "31/12/2026",
                "status": "Đang thực hiện",
                "progress": "60 %",
                "note": "Thiếu máy quét tài liệu",
            },
        ],
        "units": [
            {
                "name": "Thôn Bản Pẻn",
                "status": "Đã tiếp nhận",
                "submitted": "20/11/2026",
                "results": (
                    "Tổ chức 02 buổi hướng dẫn người dân cài đặt và sử dụng ứng dụng VNeID, "
                    "có 86 lượt người tham gia.\n"
                    "Tổ công nghệ số cộng đồng đến từng hộ hỗ trợ nộp hồ sơ trực tuyến; "
                    "37 hồ sơ được nộp trực tuyến toàn trình trong tháng, tăng 12 hồ sơ so với "
                    "tháng trước.\n"
                    "Vận động 45 hộ kinh doanh nhỏ lẻ mở tài khoản và dùng mã QR để thanh toán."
                ),
                "difficulties": (
                    "Sóng di động tại khu vực Nà Làng còn yếu, người dân khó thao tác trực tuyến."
                ),
                "proposals": "Đề nghị doanh nghiệp viễn thông lắp đặt thêm trạm phát sóng.",
            },
            {
                "name": "Thôn Khòn Pát",
                "status": "Đã tiếp nhận",
                "submitted": "21/11/2026",
                "results": (
                    "Phối hợp Đoàn Thanh niên xã tổ chức “Ngày chủ nhật số”, hỗ trợ 64 người dân "
                    "đăng ký chữ ký số cá nhân.\n"
                    "Duy trì nhóm Zalo của thôn để thông tin kịp thời các chủ trương, chính sách "
                    "về chuyển đổi số đến 100 % số hộ."
                ),
                "difficulties": "",
                "proposals": "",
            },
        ],
        "results": (
            "Nhìn chung, các chỉ tiêu cơ bản bám sát lộ trình; chỉ tiêu về hồ sơ trực tuyến toàn "
            "trình và chữ ký số cá nhân còn chậm so với lộ trình, cần tập trung chỉ đạo trong "
            "tháng 12/2026."
        ),
        "difficulties": (
            "Một bộ phận người cao tuổi chưa sử dụng điện thoại thông minh; hạ tầng viễn thông ở "
            "một số thôn vùng cao chưa ổn định."
        ),
        "proposals": (
            "Đề nghị Sở Khoa học và Công nghệ hỗ trợ xã 02 máy quét tài liệu để đẩy nhanh việc "
            "số hóa hồ sơ."
        ),
        "signature": {
            "authority": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
            "position": "Phó Chủ tịch",
            "name": "Hoàng Văn Nam",
        },
        "recipients": ["UBND tỉnh Lạng Sơn (b/c)", "Sở Nội vụ tỉnh", "Các thôn"],
        "archive": "VP",
    }


@pytest.fixture
def report_context() -> ReportContext:
    return november_report()


@pytest.fixture(autouse=True)
def office_templates_dir(settings, tmp_path):
    """An empty office folder, so that a developer's own templates never change a test."""
    folder = tmp_path / "document_templates"
    folder.mkdir()
    settings.DOCUMENT_TEMPLATES_DIR = folder
    return folder
