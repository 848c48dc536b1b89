"""Each eligibility rule on its own, at its boundary, on facts built by hand (the rules read no
database; the catalogue's rows give them their forms)."""

import datetime
from decimal import Decimal

import pytest

from awards import eligibility as e
from awards.models import EligibilityPolicy, PendingMatter, SubjectType
from awards.reports import ReportingRecord
from awards.tests.factories import AwardRecordFactory, form, kind

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)


def facts(**kwargs) -> e.SubjectFacts:
    kwargs.setdefault("subject_type", SubjectType.INDIVIDUAL)
    kwargs.setdefault("year", 2026)
    kwargs.setdefault("today", TODAY)
    return e.SubjectFacts(**kwargs)


def record(code: str, year: int, kind_code: str = "hang-nam", **kwargs):
    """An unsaved award of a person (the rules only read form, kind and year)."""
    return AwardRecordFactory.build(form=form(code), kind=kind(kind_code), year=year, **kwargs)


# --- reports ---


def test_no_late_report_passes(catalogue):
    assert e.rule_reports(facts(reporting=ReportingRecord(periods=11)), EligibilityPolicy()) == []


def test_one_late_report_fails_with_its_months(catalogue):
    findings = e.rule_reports(
        facts(reporting=ReportingRecord(late=["tháng 3", "tháng 7"])), EligibilityPolicy()
    )
    assert [f.text for f in findings] == ["2 báo cáo nộp trễ (tháng 3, tháng 7)"]
    assert not findings[0].holds


def test_late_reports_up_to_the_provinces_allowance_pass(catalogue):
    policy = EligibilityPolicy(max_late_reports=2)
    assert (
        e.rule_reports(facts(reporting=ReportingRecord(late=["tháng 3", "tháng 7"])), policy) == []
    )
    three = ReportingRecord(late=["tháng 3", "tháng 7"], missing=["tháng 9"])
    assert [f.text for f in e.rule_reports(facts(reporting=three), policy)] == [
        "2 báo cáo nộp trễ (tháng 3, tháng 7), 1 báo cáo chưa nộp (tháng 9)"
    ]


def test_a_returned_report_is_a_wrong_one(catalogue):
    returned = facts(reporting=ReportingRecord(returned=["tháng 5"]))
    assert [f.text for f in e.rule_reports(returned, EligibilityPolicy())] == [
        "1 báo cáo bị trả lại vì sai, thiếu (tháng 5)"
    ]
    assert e.rule_reports(returned, EligibilityPolicy(max_returned_reports=1)) == []


def test_a_leader_answers_for_the_reports_of_the_unit_they_head(catalogue):
    led = facts(reporting=ReportingRecord(late=["tháng 3"]), reporting_unit_name="UBND xã Bắc Hà")
    assert e.rule_reports(led, EligibilityPolicy())[0].text == (
        "UBND xã Bắc Hà do cá nhân đứng đầu có 1 báo cáo nộp trễ (tháng 3)"
    )


def test_no_reporting_record_no_report_rule(catalogue):
    assert e.rule_reports(facts(reporting=None), EligibilityPolicy()) == []


# --- pending matters ---


def _matter(opened, settled=None, **kwargs):
    return PendingMatter(
        kind=PendingMatter.Kind.INSPECTION,
        description="Thanh tra kinh phí",
        opened_on=opened,
        settled_on=settled,
        **kwargs,
    )


def test_an_open_matter_holds_the_subject_until_settled(catalogue):
    findings = e.rule_pending_matters(facts(matters=[_matter(datetime.date(2026, 5, 12))]))
    assert len(findings) == 1 and findings[0].holds
    assert findings[0].text == "đang thanh tra, kiểm tra từ 12/05/2026 (Thanh tra kinh phí)"


@pytest.mark.parametrize(
    ("opened", "settled", "open_today"),
    [
        (TODAY, None, True),  # opened today
        (TODAY + datetime.timedelta(days=1), None, False),  # not yet opened
        (datetime.date(2026, 5, 12), TODAY, False),  # settled today
        (datetime.date(2026, 5, 12), TODAY + datetime.timedelta(days=1), True),
    ],
)
def test_a_matter_is_open_from_its_first_day_to_the_day_before_settled(
    catalogue, opened, settled, open_today
):
    assert bool(e.rule_pending_matters(facts(matters=[_matter(opened, settled)]))) is open_today


# --- title chains ---


def test_chien_si_thi_dua_co_so_needs_lao_dong_tien_tien_the_same_year(catalogue):
    cstd = form("chien-si-thi-dua-co-so")
    assert [f.text for f in e.rule_title_chain(cstd, facts())] == [
        "chưa đạt Lao động tiên tiến năm 2026"
    ]
    last_year = facts(records=[record("lao-dong-tien-tien", 2025)])
    assert e.rule_title_chain(cstd, last_year)
    assert e.rule_title_chain(cstd, facts(records=[record("lao-dong-tien-tien", 2026)])) == []


def test_cap_tinh_needs_three_consecutive_years_ending_with_the_year(catalogue):
    tinh = form("chien-si-thi-dua-cap-tinh")
    three = [record("chien-si-thi-dua-co-so", y) for y in (2024, 2025, 2026)]
    assert e.rule_title_chain(tinh, facts(records=three)) == []
    gap = [record("chien-si-thi-dua-co-so", y) for y in (2023, 2024, 2026)]
    assert [f.text for f in e.rule_title_chain(tinh, facts(records=gap))] == [
        "chưa đủ 3 năm liên tục đạt Chiến sĩ thi đua cơ sở (thiếu năm 2025)"
    ]


def test_every_missing_year_of_a_chain_is_named(catalogue):
    tinh = form("chien-si-thi-dua-cap-tinh")
    one = [record("chien-si-thi-dua-co-so", 2025)]
    assert [f.text for f in e.rule_title_chain(tinh, facts(records=one))] == [
        "chưa đủ 3 năm liên tục đạt Chiến sĩ thi đua cơ sở (thiếu năm 2024, 2026)"
    ]


def test_special_and_thematic_awards_are_no_basis_for_a_chain(catalogue):
    tinh = form("chien-si-thi-dua-cap-tinh")
    records = [
        record("chien-si-thi-dua-co-so", 2024),
        record("chien-si-thi-dua-co-so", 2025, "dot-xuat"),
        record("chien-si-thi-dua-co-so", 2026),
    ]
    counted, ignored = e.merit_records(records)
    assert [r.year for r in counted] == [2024, 2026] and [r.year for r in ignored] == [2025]
    result = e.verdict(tinh, facts(records=records), EligibilityPolicy())
    assert result.status == e.NOT_ELIGIBLE
    assert "thiếu năm 2025" in result.message
    assert result.notes == [
        "Không tính Chiến sĩ thi đua cơ sở năm 2025 (khen thưởng đột xuất) vào chuỗi danh hiệu"
    ]


# --- collectives ---


def collective(**members) -> e.SubjectFacts:
    return facts(subject_type=SubjectType.COLLECTIVE, members=e.MemberFacts(**members))


def test_seventy_percent_of_members_lao_dong_tien_tien_passes(catalogue):
    advanced = form("tap-the-lao-dong-tien-tien")
    assert (
        e.rule_members_advanced(advanced, collective(count=10, advanced=7), EligibilityPolicy())
        == []
    )
    findings = e.rule_members_advanced(
        advanced, collective(count=10, advanced=6), EligibilityPolicy()
    )
    assert [f.text for f in findings] == ["6/10 cá nhân đạt Lao động tiên tiến (60 %), cần từ 70 %"]


def test_the_share_threshold_is_the_provinces(catalogue):
    excellent = form("tap-the-lao-dong-xuat-sac")
    policy = EligibilityPolicy(excellent_collective_min_percent=Decimal("80"))
    assert e.rule_members_advanced(excellent, collective(count=10, advanced=7), policy)
    assert e.rule_members_advanced(excellent, collective(count=10, advanced=8), policy) == []
    # The other rule keeps its own threshold.
    advanced = form("tap-the-lao-dong-tien-tien")
    assert e.rule_members_advanced(advanced, collective(count=10, advanced=7), policy) == []


def test_a_collective_without_members_cannot_show_its_share(catalogue):
    findings = e.rule_members_advanced(
        form("tap-the-lao-dong-tien-tien"), collective(count=0), EligibilityPolicy()
    )
    assert [f.text for f in findings] == ["chưa có danh sách cá nhân của tập thể"]


def test_excellent_collective_needs_one_chien_si_thi_dua_co_so(catalogue):
    excellent = form("tap-the-lao-dong-xuat-sac")
    assert e.rule_members_fighter(excellent, collective(count=5, advanced=5, fighters=1)) == []
    assert [f.text for f in e.rule_members_fighter(excellent, collective(count=5, advanced=5))] == [
        "không có cá nhân đạt Chiến sĩ thi đua cơ sở năm 2026"
    ]
    # Only the forms that ask for it.
    assert e.rule_members_fighter(form("tap-the-lao-dong-tien-tien"), collective(count=5)) == []


def test_a_member_disciplined_at_canh_cao_bars_tap_the_lao_dong_tien_tien(catalogue):
    advanced = form("tap-the-lao-dong-tien-tien")
    warned = collective(count=5, advanced=5, warned=["Lò Văn Minh"])
    assert [f.text for f in e.rule_members_discipline(advanced, warned)] == [
        "có cá nhân bị kỷ luật từ cảnh cáo trở lên (Lò Văn Minh)"
    ]
    assert e.rule_members_discipline(advanced, collective(count=5, advanced=5)) == []


def test_every_disciplined_member_is_named_in_the_finding(catalogue):
    warned = collective(count=5, advanced=5, warned=["Lò Văn Minh", "Vàng Thị Dợ"])
    assert [
        f.text for f in e.rule_members_discipline(form("tap-the-lao-dong-tien-tien"), warned)
    ] == ["có cá nhân bị kỷ luật từ cảnh cáo trở lên (Lò Văn Minh, Vàng Thị Dợ)"]


def test_the_share_and_the_threshold_are_said_to_one_decimal(catalogue):
    policy = EligibilityPolicy(advanced_collective_min_percent=Decimal("72.25"))
    findings = e.rule_members_advanced(
        form("tap-the-lao-dong-tien-tien"), collective(count=3, advanced=2), policy
    )
    assert [f.text for f in findings] == [
        "2/3 cá nhân đạt Lao động tiên tiến (66,7 %), cần từ 72,3 %"
    ]


def test_the_share_of_members_counts_only_for_the_forms_that_ask_for_it(catalogue):
    few = collective(count=10, advanced=1)
    assert e.rule_members_advanced(form("co-thi-dua-ubnd-tinh"), few, EligibilityPolicy()) == []


def test_discipline_of_members_bars_only_the_forms_that_ask_for_it(catalogue):
    warned = collective(count=5, advanced=5, warned=["Lò Văn Minh"])
    assert e.rule_members_discipline(form("co-thi-dua-ubnd-tinh"), warned) == []


# --- one flag per block ---


def test_one_flag_per_block_a_year(catalogue):
    flag = form("co-thi-dua-ubnd-tinh")
    policy = EligibilityPolicy()
    taken = facts(
        subject_type=SubjectType.COLLECTIVE,
        in_block=True,
        block_holders={flag.pk: ["UBND phường Yên Bái"]},
    )
    assert [f.text for f in e.rule_one_per_block(flag, taken, policy)] == [
        "khối thi đua đã có UBND phường Yên Bái nhận Cờ thi đua của UBND tỉnh năm 2026"
    ]
    free = facts(subject_type=SubjectType.COLLECTIVE, in_block=True)
    assert e.rule_one_per_block(flag, free, policy) == []
    # Every unit of the block recorded with the flag that year is named.
    twice = facts(
        subject_type=SubjectType.COLLECTIVE,
        in_block=True,
        block_holders={flag.pk: ["UBND phường Yên Bái", "UBND xã Âu Lâu"]},
    )
    assert [f.text for f in e.rule_one_per_block(flag, twice, policy)] == [
        "khối thi đua đã có UBND phường Yên Bái, UBND xã Âu Lâu nhận Cờ thi đua của UBND tỉnh "
        "năm 2026"
    ]
    assert [f.text for f in e.rule_one_per_block(flag, facts(), policy)] == [
        "đơn vị chưa thuộc khối thi đua nào"
    ]
    assert e.rule_one_per_block(flag, taken, EligibilityPolicy(one_flag_per_block=False)) == []


# --- the verdict ---


def test_a_form_not_given_to_the_subject_is_not_applicable(catalogue):
    flag = form("co-thi-dua-ubnd-tinh")
    result = e.verdict(flag, facts(), EligibilityPolicy())
    assert result.status == e.NOT_APPLICABLE
    assert result.form == flag  # the row still says which form it is about


def test_the_verdict_of_a_collective_reads_its_members(catalogue):
    few = e.verdict(
        form("tap-the-lao-dong-tien-tien"), collective(count=10, advanced=6), EligibilityPolicy()
    )
    assert few.status == e.NOT_ELIGIBLE
    assert few.reasons == ["6/10 cá nhân đạt Lao động tiên tiến (60 %), cần từ 70 %"]
    no_fighter = e.verdict(
        form("tap-the-lao-dong-xuat-sac"), collective(count=10, advanced=10), EligibilityPolicy()
    )
    assert no_fighter.reasons == ["không có cá nhân đạt Chiến sĩ thi đua cơ sở năm 2026"]
    warned = e.verdict(
        form("tap-the-lao-dong-tien-tien"),
        collective(count=10, advanced=10, warned=["Lò Văn Minh"]),
        EligibilityPolicy(),
    )
    assert warned.reasons == ["có cá nhân bị kỷ luật từ cảnh cáo trở lên (Lò Văn Minh)"]


def test_the_verdict_on_a_flag_reads_the_block(catalogue):
    flag = form("co-thi-dua-ubnd-tinh")
    taken = facts(
        subject_type=SubjectType.COLLECTIVE,
        in_block=True,
        block_holders={flag.pk: ["UBND phường Yên Bái"]},
    )
    result = e.verdict(flag, taken, EligibilityPolicy())
    assert (result.status, result.reasons) == (
        e.NOT_ELIGIBLE,
        ["khối thi đua đã có UBND phường Yên Bái nhận Cờ thi đua của UBND tỉnh năm 2026"],
    )


def test_a_failing_rule_outweighs_a_pending_matter(catalogue):
    both = facts(
        reporting=ReportingRecord(late=["tháng 3", "tháng 7"]),
        matters=[_matter(datetime.date(2026, 5, 12))],
    )
    result = e.verdict(form("lao-dong-tien-tien"), both, EligibilityPolicy())
    assert result.status == e.NOT_ELIGIBLE
    assert result.message == (
        "Không đủ điều kiện: 2 báo cáo nộp trễ (tháng 3, tháng 7); "
        "đang thanh tra, kiểm tra từ 12/05/2026 (Thanh tra kinh phí)"
    )
    held = e.verdict(
        form("lao-dong-tien-tien"),
        facts(matters=[_matter(datetime.date(2026, 5, 12))]),
        EligibilityPolicy(),
    )
    assert held.status == e.ON_HOLD
    assert held.message.startswith("Chưa đề nghị, chờ giải quyết xong: đang thanh tra")


def test_an_ignored_award_is_noted_on_an_eligible_or_held_verdict_too(catalogue):
    tinh = form("chien-si-thi-dua-cap-tinh")
    records = [
        record("chien-si-thi-dua-co-so", 2023, "dot-xuat"),
        record("chien-si-thi-dua-co-so", 2024),
        record("chien-si-thi-dua-co-so", 2025),
        record("chien-si-thi-dua-co-so", 2026),
    ]
    note = "Không tính Chiến sĩ thi đua cơ sở năm 2023 (khen thưởng đột xuất) vào chuỗi danh hiệu"
    eligible = e.verdict(tinh, facts(records=records), EligibilityPolicy())
    assert (eligible.status, eligible.reasons, eligible.notes) == (e.ELIGIBLE, [], [note])
    matter = [_matter(datetime.date(2026, 5, 12))]
    held = e.verdict(tinh, facts(records=records, matters=matter), EligibilityPolicy())
    assert (held.status, held.notes) == (e.ON_HOLD, [note])


def test_every_verdict_names_its_form_and_carries_its_notes_as_a_list(catalogue):
    advanced = form("lao-dong-tien-tien")
    late = facts(reporting=ReportingRecord(late=["tháng 3", "tháng 7"]))
    held = facts(matters=[_matter(datetime.date(2026, 5, 12))])
    for subject, status in ((late, e.NOT_ELIGIBLE), (held, e.ON_HOLD), (facts(), e.ELIGIBLE)):
        result = e.verdict(advanced, subject, EligibilityPolicy())
        assert (result.form, result.status, result.notes) == (advanced, status, [])


def test_an_award_already_recorded_for_the_year_is_shown_as_such(catalogue):
    done = facts(
        records=[
            record(
                "lao-dong-tien-tien",
                2026,
                decision_number="12/QĐ-UBND",
                decision_date=datetime.date(2026, 12, 1),
            )
        ]
    )
    result = e.verdict(form("lao-dong-tien-tien"), done, EligibilityPolicy())
    assert (result.form, result.status) == (form("lao-dong-tien-tien"), e.AWARDED)
    assert result.message == "Đã được tặng năm 2026 (Quyết định số 12/QĐ-UBND ngày 01/12/2026)"


def test_nothing_against_the_subject_is_eligible(catalogue):
    result = e.verdict(form("lao-dong-tien-tien"), facts(), EligibilityPolicy())
    assert (result.status, result.message) == (e.ELIGIBLE, "Đủ điều kiện theo dữ liệu")
    assert (result.reasons, result.notes) == ([], [])
