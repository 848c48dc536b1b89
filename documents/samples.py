"""A sample context for each built-in template: what the tests render, and what an office's
uploaded template is tried with before it replaces the built-in one (a broken tag is refused at
upload, not at the first download). Lào Cai's 2026 year-end round and a commune's November report,
as the code passes them (numbers written the Vietnamese way, dates dd/mm/yyyy)."""

from __future__ import annotations

from datetime import date

from documents.contexts import (
    AchievementReportContext,
    CertificateContext,
    DecisionContext,
    MinutesContext,
    ProposalContext,
    ReportContext,
)
from documents.layout import amount_in_words, document_number, place_date

CHAIR = {"authority": "KT. CHỦ TỊCH", "position": "Phó Chủ tịch", "name": "Nguyễn Thành Sinh"}


def proposal() -> ProposalContext:
    return {
        "superior_body": "UBND tỉnh Lào Cai",
        "issuing_body": "Sở Nội vụ tỉnh Lào Cai",
        "number": document_number(12, "TTr", "SNV"),
        "place_date": place_date("Lào Cai", date(2027, 1, 8)),
        "title": "Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm 2026",
        "addressee": "Chủ tịch UBND tỉnh Lào Cai",
        "bases": [
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ",
        ],
        "intro": "Năm 2026, các cơ quan, đơn vị đã thực hiện tốt Phong trào thi đua.",
        "action": "xét tặng Bằng khen của Chủ tịch UBND tỉnh",
        "totals": {"collectives": 2, "individuals": 1, "others": 0, "subjects": 3},
        "proposals": [
            {
                "no": "1",
                "name": "UBND phường Yên Bái",
                "unit": "",
                "form": "Bằng khen của Chủ tịch UBND tỉnh",
                "achievement": "Dẫn đầu Khối thi đua số 05, điểm 96,5",
            },
            {
                "no": "2",
                "name": "UBND xã Bắc Hà",
                "unit": "",
                "form": "Bằng khen của Chủ tịch UBND tỉnh",
                "achievement": "Đạt 12/12 chỉ tiêu",
            },
            {
                "no": "3",
                "name": "Bà Lò Thị Mai",
                "unit": "Phó Chủ tịch UBND xã Bắc Hà",
                "form": "Bằng khen của Chủ tịch UBND tỉnh",
                "achievement": "Sáng kiến “Một cửa số thôn bản”",
            },
        ],
        "attachments": ["Biên bản họp Hội đồng", "Báo cáo thành tích"],
        "signature": {"authority": "", "position": "Giám đốc", "name": "Trần Văn Hùng"},
        "recipients": ["Như trên", "Lưu: VT"],
        "archive": "TĐKT",
    }


def achievement_report() -> AchievementReportContext:
    return {
        "superior_body": "UBND tỉnh Lào Cai",
        "issuing_body": "UBND phường Yên Bái",
        "number": document_number(None, "BC", "UBND"),
        "place_date": place_date("Yên Bái", date(2027, 1, 5)),
        "form": "Bằng khen của Chủ tịch UBND tỉnh",
        "movement_label": "Phong trào thi đua “Đổi mới sáng tạo, chuyển đổi số” năm 2026",
        "subject_kind": "tập thể",
        "subject_name": "UBND phường Yên Bái",
        "summary": "Phường có 12 tổ dân phố, 18.450 nhân khẩu.",
        "year": 2026,
        "targets": [
            {
                "no": "1",
                "text": "Tỷ lệ hồ sơ trực tuyến toàn trình",
                "plan_value": "80 %",
                "current": "86,4 %",
                "status": "Đạt",
            },
            {
                "no": "2",
                "text": "Số hộ dùng thanh toán không tiền mặt",
                "plan_value": "1.200 hộ",
                "current": "1.050 hộ",
                "status": "Chưa đạt",
            },
        ],
        "targets_met": 1,
        "scores": [
            {"no": "1", "criterion": "Thực hiện chỉ tiêu", "max": "60", "points": "55,5"},
            {"no": "2", "criterion": "Báo cáo đúng hạn", "max": "40", "points": "41"},
        ],
        "score_total": {"max": "100", "points": "96,5"},
        "ranking": "Xếp thứ 1/6 trong Khối thi đua số 05 (kết quả chốt lần 2 ngày 15/12/2026).",
        "initiatives": ["Một cửa số thôn bản (công nhận cấp cơ sở 2026)"],
        "achievements": "",
        "awards": [
            {
                "year": "2025",
                "form": "Giấy khen của Chủ tịch UBND phường",
                "decision": "Quyết định số 45/QĐ-UBND ngày 20/01/2026",
            }
        ],
        "signature": {
            "authority": "TM. ỦY BAN NHÂN DÂN",
            "position": "Chủ tịch",
            "name": "Vũ Thị Hà",
        },
        "confirmation": {"authority": "", "position": "Xác nhận của Sở Nội vụ", "name": ""},
    }


def minutes() -> MinutesContext:
    return {
        "superior_body": "UBND tỉnh Lào Cai",
        "issuing_body": "Hội đồng Thi đua - Khen thưởng tỉnh",
        "number": document_number(3, "BB", "HĐTĐKT"),
        "place_date": place_date("Lào Cai", date(2027, 1, 15)),
        "title": "Họp xét khen thưởng tổng kết năm 2026",
        "held_at": "08 giờ 00, ngày 15/01/2027",
        "place": "Phòng họp số 1, UBND tỉnh",
        "chair": "Ông Nguyễn Thành Sinh, Phó Chủ tịch UBND tỉnh",
        "secretary": "Bà Đặng Thu Trang",
        "members_total": 7,
        "members_present": 6,
        "present": ["Ông Nguyễn Thành Sinh", "Ông Trần Văn Hùng"],
        "absent": ["Ông Phạm Quốc Bảo"],
        "written_votes": 1,
        "quorum": "Số thành viên có mặt đạt 85,7 % (từ 80 % trở lên): cuộc họp hợp lệ.",
        "comment_period": {
            "start": "05/01/2027",
            "end": "12/01/2027",
            "comments": 2,
            "summary": "Hai ý kiến đồng tình, không có ý kiến phản đối.",
        },
        "tally": [
            {
                "no": "1",
                "name": "UBND phường Yên Bái",
                "form": "Cờ thi đua của UBND tỉnh",
                "threshold": "≥ 80 %",
                "agree": 7,
                "disagree": 0,
                "percent": "100 %",
                "result": "Đạt",
            },
            {
                "no": "2",
                "name": "Bà Lò Thị Mai",
                "form": "Chiến sĩ thi đua cấp tỉnh",
                "threshold": "≥ 90 %",
                "agree": 6,
                "disagree": 1,
                "percent": "85,7 %",
                "result": "Không đạt",
            },
        ],
        "passed": 1,
        "conclusion": "Hội đồng thống nhất trình Chủ tịch UBND tỉnh khen thưởng.",
        "closed_at": "11 giờ 30 cùng ngày",
        "signature": {"authority": "", "position": "Chủ tọa", "name": "Nguyễn Thành Sinh"},
        "secretary_signature": {"authority": "", "position": "Thư ký", "name": "Đặng Thu Trang"},
    }


def decision() -> DecisionContext:
    return {
        "superior_body": "",
        "issuing_body": "Ủy ban nhân dân tỉnh Lào Cai",
        "number": document_number(125, "QĐ", "UBND"),
        "place_date": place_date("Lào Cai", date(2027, 1, 20)),
        "date_phrase": "ngày 20 tháng 01 năm 2027",
        "title": "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh",
        "decider": "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai",
        "bases": ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"],
        "proposer": "Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 08/01/2027",
        "form": "Bằng khen của Chủ tịch UBND tỉnh",
        "reason": "đã có thành tích xuất sắc trong Phong trào thi đua năm 2026",
        "totals": {"collectives": 2, "individuals": 1, "others": 0, "subjects": 3},
        "base_salary": "2.340.000",
        "total_amount": "17.550.000",
        "total_words": amount_in_words(17_550_000),
        "fund": "Quỹ thi đua, khen thưởng của tỉnh",
        "replaces": "",
        "executors": "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ",
        "list_title": "Tập thể, cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh",
        "awardees": [
            {
                "no": "1",
                "name": "UBND phường Yên Bái",
                "unit": "",
                "form": "Bằng khen",
                "multiple": "3",
                "amount": "7.020.000",
            },
            {
                "no": "2",
                "name": "UBND xã Bắc Hà",
                "unit": "",
                "form": "Bằng khen",
                "multiple": "3",
                "amount": "7.020.000",
            },
            {
                "no": "3",
                "name": "Bà Lò Thị Mai",
                "unit": "UBND xã Bắc Hà",
                "form": "Bằng khen",
                "multiple": "1,5",
                "amount": "3.510.000",
            },
        ],
        "signature": CHAIR,
        "recipients": ["Như Điều 3", "Sở Nội vụ"],
        "archive": "NC",
    }


def certificate() -> CertificateContext:
    return {
        "decider": "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai",
        "title": "Bằng khen",
        "subject_label": "bà",
        "subject_name": "Lò Thị Mai",
        "subject_unit": "Phó Chủ tịch UBND xã Bắc Hà",
        "reason": "Đã có thành tích xuất sắc trong Phong trào thi đua năm 2026",
        "decision_number": "125/QĐ-UBND",
        "decision_date": "20/01/2027",
        "register_number": "BK-2027-0003",
        "place_date": place_date("Lào Cai", date(2027, 1, 20)),
        "signature": CHAIR,
    }


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


# Template file name -> its sample context.
SAMPLES = {
    "bao_cao_ket_qua.docx": november_report,
    "to_trinh_khen_thuong.docx": proposal,
    "bao_cao_thanh_tich.docx": achievement_report,
    "bien_ban_hoi_dong.docx": minutes,
    "quyet_dinh_khen_thuong.docx": decision,
    "giay_khen.docx": certificate,
}
