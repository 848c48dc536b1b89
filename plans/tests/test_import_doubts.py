"""The review marks what the extractor was unsure of and does not pre-tick likely junk."""

import re

import pytest
from django.urls import reverse

from plans.import_forms import TargetFormSet
from plans.import_review import review_initial
from plans.models import PlanImport
from plans.tests.test_import import upload

pytestmark = pytest.mark.django_db

PLAN_TEXT = """Số: 15/KH-UBND
Thống Nhất, ngày 10 tháng 8 năm 2026
KẾ HOẠCH
Chuyển đổi số trên địa bàn xã năm 2026
I. CHỈ TIÊU
- Tối thiểu 80% hồ sơ được giải quyết trực tuyến.
\uf0b7 100%
II. NHIỆM VỤ
- Nhiệm vụ 1: Tập huấn kỹ năng số cho người dân.
+ Đơn vị chủ trì: Thôn Bản Pẻn.
+ Thời hạn hoàn thành: Quý IV/2026.
Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Hoàng Văn A
"""


def test_review_initial_unticks_an_item_flagged_as_junk_and_keeps_the_others():
    draft = {
        "targets": [
            {"text": "Tối thiểu 80% hồ sơ", "value": 80, "doubts": [], "confidence": 1.0},
            {"text": "100%", "value": 100, "doubts": ["bare_figure"], "confidence": 0.4},
            {"text": "Tỷ lệ 120%", "value": 120, "doubts": ["over_100_percent"]},
            {"text": "Chỉ tiêu cũ", "value": 5},  # a draft read before doubts existed
        ],
        "tasks": [
            {"title": "và đưa vào khai thác", "doubts": ["fragment"], "confidence": 0.4},
            {"title": "Tập huấn", "lead_units": ["Các"], "doubts": ["unit_cut"]},
        ],
    }
    initial = review_initial(draft)
    assert [t["include"] for t in initial["targets"]] == [True, False, True, True]
    assert [t["include"] for t in initial["tasks"]] == [False, True]
    forms = TargetFormSet(initial=initial["targets"], prefix="target").forms
    assert forms[1].doubtful and forms[1].doubt_notes
    assert not forms[2].doubtful and forms[2].doubt_notes  # marked, still kept
    assert forms[0].doubt_notes == [] and forms[3].doubt_notes == []


@pytest.fixture
def coordinator(client, commune_coordinator):
    client.force_login(commune_coordinator)
    return client


def test_the_review_page_marks_the_junk_target_and_leaves_it_unticked(coordinator, world):
    upload(coordinator, world, PLAN_TEXT.encode())
    plan_import = PlanImport.objects.get()
    page = coordinator.get(reverse("plans:import_review", args=[plan_import.pk])).content.decode()
    rows = page.split('data-testid="target-row"')[1:]
    good = next(r for r in rows if "Tối thiểu 80% hồ sơ" in r)
    junk = next(r for r in rows if "data-doubtful" in r)
    assert 'data-doubtful="junk"' in junk
    assert "Máy đọc không chắc: chưa chọn giữ" in junk
    assert "Chỉ có con số, không rõ đo cái gì." in junk
    boxes = {
        m.group(1): "checked" in m.group(0)
        for m in re.finditer(r'<input type="checkbox" name="target-(\d+)-include"[^>]*>', page)
    }
    junk_index = re.search(r'name="target-(\d+)-include"', junk).group(1)
    good_index = re.search(r'name="target-(\d+)-include"', good).group(1)
    assert boxes[junk_index] is False  # shown, for the person to tick if it is right
    assert boxes[good_index] is True
    assert "data-doubtful" not in good


def test_a_unit_not_matched_to_the_org_tree_is_noted_on_each_task_that_names_it():
    from plans.import_forms import unmatched_unit_notes

    task = {"lead_units": ["Thôn Bản Pẻn"], "coordinating_units": ["Văn phòng", "Thôn Bản Pẻn"]}
    notes = unmatched_unit_notes(task, {"Thôn Bản Pẻn"})
    assert len(notes) == 1 and "“Thôn Bản Pẻn” không khớp" in notes[0]
    assert unmatched_unit_notes(task, set()) == []


def test_the_review_page_marks_a_unit_not_matched_to_the_tree_and_keeps_the_task_ticked(
    coordinator, world
):
    # "Thôn Bản Pẻn" is a unit of the commune's tree; a cooperative is not.
    text = PLAN_TEXT.replace(
        "Đơn vị chủ trì: Thôn Bản Pẻn.",
        "Đơn vị chủ trì: Thôn Bản Pẻn.\n+ Đơn vị phối hợp: Hợp tác xã Tân Tiến.",
    )
    upload(coordinator, world, text.encode())
    plan_import = PlanImport.objects.get()
    page = coordinator.get(reverse("plans:import_review", args=[plan_import.pk])).content.decode()
    row = page.split('data-testid="task-row"')[1]
    assert 'data-doubtful="check"' in row
    assert "“Hợp tác xã Tân Tiến” không khớp đơn vị nào trong cây tổ chức" in row
    assert "“Thôn Bản Pẻn” không khớp" not in row
    assert re.search(r'name="task-0-include"[^>]*checked', row)
    selects = page.split('data-testid="unit-match"')[1:]
    unmatched = next(m for m in selects if "Hợp tác xã Tân Tiến" in m.split("</label>")[0])
    matched = next(m for m in selects if "Thôn Bản Pẻn" in m.split("</label>")[0])
    assert 'data-testid="unit-unmatched"' in unmatched.split("</label>")[0]
    assert 'data-testid="unit-unmatched"' not in matched.split("</label>")[0]
