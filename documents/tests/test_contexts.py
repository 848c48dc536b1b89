"""The Word report's context is worded here, from plain values (documents knows no model)."""

from documents.contexts import report_context, signature_block


def test_a_peoples_committee_signs_for_the_collective_an_office_by_its_head():
    assert signature_block(collective=True, name="Hoàng Văn Nam") == {
        "authority": "TM. ỦY BAN NHÂN DÂN",
        "position": "CHỦ TỊCH",
        "name": "Hoàng Văn Nam",
    }
    assert signature_block(collective=False, name="")["position"] == "THỦ TRƯỞNG ĐƠN VỊ"


def _context(**changes):
    values = {
        "superior_body": "UBND tỉnh Lạng Sơn",
        "issuing_body": "UBND xã Thống Nhất",
        "issuer_symbol": "UBND",
        "place": "Thống Nhất",
        "year": 2026,
        "movement": "Chuyển đổi số",
        "period_label": "tháng 11/2026",
        "plan_citation": "Kế hoạch số 160/KH-UBND",
        "plan_issuer": "UBND xã Thống Nhất",
        "plan_subject": "đẩy mạnh chuyển đổi số",
        "targets": [],
        "tasks": [],
        "units": [],
        "own": None,
        "signature": signature_block(collective=True, name=""),
    }
    return report_context(**{**values, **changes})


def test_the_report_goes_up_to_the_superior_body_and_leaves_number_and_day_blank():
    context = _context()
    assert context["superior_body"] == "UBND TỈNH LẠNG SƠN"
    assert context["issuing_body"] == "UBND XÃ THỐNG NHẤT"
    assert context["recipients"] == ["UBND tỉnh Lạng Sơn (b/c)"]
    assert context["number"].endswith("/BC-UBND") and context["number"].strip() == "/BC-UBND"
    assert (
        context["place_date"].startswith("Thống Nhất, ngày") and "năm 2026" in context["place_date"]
    )
    assert context["title"] == "Kết quả thực hiện Phong trào thi đua “Chuyển đổi số” tháng 11/2026"
    assert context["intro"].startswith("Thực hiện Kế hoạch số 160/KH-UBND của UBND xã Thống Nhất")


def test_a_unit_with_no_superior_sends_it_to_nobody_and_without_its_own_report_says_nothing():
    context = _context(superior_body="")
    assert context["superior_body"] == "" and context["recipients"] == []
    assert (context["results"], context["difficulties"], context["proposals"]) == ("", "", "")
