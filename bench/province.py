"""A synthetic province in PostgreSQL for the benchmarks (issue #6 "Performance").

`python bench/province.py [--quick] [--units-scale X] [--seed N] [--json]`

Full size: a province root, 60 departments and boards with 5-10 offices each, 100 communes with
10 villages each (about 1,600 units); 60 indicators; one province plan with 60 targets; one
monthly schedule; 60 monthly periods ending with the current month; for every unit and period
an accepted report with a value for every indicator that applies to it (96,660 reports and
5.4 million values). Then the roll-ups are built with `reporting.rollups.rollup_rebuild`
(timed) and the database is vacuumed and analysed.

Two small sets of reports are left out of the accepted history, for bench/run.py:
- the *accept set*: leaf units whose report of the newest period is APPROVED (values present),
  for timing `report_accept`;
- the *load set*: 200 leaf units, each with a reporter account, whose reports of the last
  `load_periods` periods are empty drafts: the queue each simulated reporter works through.
`workload_reset()` puts both back in that state, so a second run needs no new generation.

Values are deterministic (seeded) and plausible: a ratio's numerator never exceeds its
denominator, shares trend towards the targets with noise, counts and amounts grow a little.
Reports, values and events are written with PostgreSQL COPY, with the secondary indexes and
foreign keys of those tables dropped during the load and recreated afterwards (the usual way to
bulk-load; recreating the foreign keys also validates every row). The database must be named
`bench*`: everything in it is wiped first.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import names  # noqa: E402

BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench"
PASSWORD = "thidua2026"  # every bench account; same as the demo's
COORDINATOR = "thuongtruc"
ALPHABET_STEP = 4
TZ = "+07"  # Asia/Ho_Chi_Minh, the project's TIME_ZONE
RESULT_TEXTS = [
    "Hoàn thành các chỉ tiêu của tháng theo kế hoạch.",
    "Tiếp tục đẩy mạnh tiếp nhận hồ sơ trực tuyến; tổ chức tập huấn kỹ năng số cho cán bộ.",
    "Duy trì hoạt động của Tổ công nghệ số cộng đồng; tuyên truyền phong trào thi đua.",
    "Các chỉ tiêu cơ bản đạt tiến độ; một số chỉ tiêu về thanh toán không dùng tiền mặt còn thấp.",
    "",
]


def django_setup() -> None:
    """Django in-process against the bench database (DATABASE_URL, if set, must name it)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    os.environ.setdefault("DATABASE_URL", BENCH_DATABASE_URL)
    import django

    django.setup()


@dataclass(frozen=True)
class Size:
    """How big the province is and how much of it the workloads of bench/run.py use."""

    departments: int = 60
    offices: tuple[int, int] = (5, 10)
    communes: int = 100
    villages: int = 10
    indicators: int = 60
    periods: int = 60
    reporters: int = 200
    accept_reports: int = 50
    load_periods: int = 24  # drafts per reporter: the queue of the load test

    def scaled(self, factor: float) -> "Size":
        return Size(
            departments=max(1, round(self.departments * factor)),
            offices=self.offices,
            communes=max(1, round(self.communes * factor)),
            villages=self.villages,
            indicators=self.indicators,
            periods=self.periods,
            reporters=self.reporters,
            accept_reports=self.accept_reports,
            load_periods=self.load_periods,
        )


FULL = Size()
# About 160 units, 12 indicators, 12 periods: the whole run in well under a minute.
QUICK = Size(
    departments=6,
    communes=10,
    indicators=12,
    periods=12,
    reporters=40,
    accept_reports=10,
    load_periods=6,
)


# --- The tree ----------------------------------------------------------------------------------


def _step(number: int) -> str:
    """One step of a treebeard path: `number` in base 36, zero-padded to four characters."""
    from org.models import OrgUnit

    alphabet = OrgUnit.alphabet
    assert OrgUnit.steplen == ALPHABET_STEP and len(alphabet) == 36
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = alphabet[rest] + digits
    return digits.rjust(ALPHABET_STEP, alphabet[0])


@dataclass
class UnitSpec:
    code: str
    name: str
    short_name: str
    type_code: str
    path: str
    block: int | None = None
    numchild: int = 0

    @property
    def depth(self) -> int:
        return len(self.path) // ALPHABET_STEP


def build_tree(size: Size, rng: random.Random) -> list[UnitSpec]:
    """The units in treebeard order (by path): root, each department then its offices, each
    commune then its villages."""
    code, name, short = names.PROVINCE
    root = UnitSpec(code, name, short, "tinh", _step(1))
    units = [root]
    departments = [names.DEPARTMENTS[i % len(names.DEPARTMENTS)] for i in range(size.departments)]
    child = 0
    in_sector: dict[int, int] = {}
    for index, (dept_short, dept_name, sector) in enumerate(departments):
        child += 1
        turn = in_sector[sector] = in_sector.get(sector, -1) + 1
        blocks = names.SECTOR_BLOCKS[sector]
        block = blocks[turn % len(blocks)]
        suffix = "" if index < len(names.DEPARTMENTS) else f" {index // len(names.DEPARTMENTS)}"
        dept = UnitSpec(
            f"{code}-{dept_short}{suffix.strip()}",
            f"{dept_name}{suffix}",
            dept_short,
            "so",
            root.path + _step(child),
            block=block,
        )
        units.append(dept)
        count = rng.randint(*size.offices)
        offices = names.OFFICES[:5] + rng.sample(names.OFFICES[5:], count - 5)
        for number, office in enumerate(offices, start=1):
            units.append(
                UnitSpec(
                    f"{dept.code}-P{number:02d}",
                    f"{office} ({dept_short})",
                    "",
                    "phong",
                    dept.path + _step(number),
                )
            )
        dept.numchild = len(offices)
    places = [f"{a} {b}" for a in names.PLACE_FIRST for b in names.PLACE_SECOND if a != b]
    rng.shuffle(places)
    wards = max(1, size.communes * 15 // 100)
    turns = {}
    for number in range(1, size.communes + 1):
        child += 1
        place = places[(number - 1) % len(places)]
        ward = number <= wards
        if ward:
            group = names.WARD_BLOCKS
        else:
            group = names.LOWLAND_BLOCKS if number % 2 else names.HIGHLAND_BLOCKS
        turn = turns[group] = turns.get(group, -1) + 1
        commune = UnitSpec(
            f"{code}-X{number:03d}",
            f"UBND {'phường' if ward else 'xã'} {place}",
            "UBND",
            "xa",
            root.path + _step(child),
            block=group[turn % len(group)],
        )
        units.append(commune)
        villages = rng.sample(names.VILLAGE_SECOND, size.villages)
        for j, village in enumerate(villages, start=1):
            label = f"Tổ dân phố số {j}" if ward else f"{rng.choice(('Thôn', 'Bản'))} {village}"
            units.append(
                UnitSpec(
                    f"{commune.code}-T{j:02d}",
                    f"{label} ({place})",
                    "",
                    "thon",
                    commune.path + _step(j),
                )
            )
        commune.numchild = size.villages
    root.numchild = child
    return units


# --- Indicators, plan, schedule, periods -------------------------------------------------------


@dataclass
class IndicatorSpec:
    code: str
    name: str
    kind: str
    unit: str
    numerator_label: str = ""
    denominator_label: str = ""
    direction: str = "higher"
    temporal: str = "latest"


def indicator_specs(count: int) -> list[IndicatorSpec]:
    """`count` indicators in the full set's proportions: two thirds ratios, some counts and
    amounts, a few yes/no, and always one rank (reported by departments only)."""
    booleans = max(1, round(count * 4 / 60))
    amounts = max(1, round(count * 6 / 60))
    counts = max(1, round(count * 9 / 60))
    ratios = count - booleans - amounts - counts - 1
    specs = []
    for i, (code, name, numerator, denominator) in enumerate(names.RATIOS[:ratios]):
        lower = code in names.LOWER_IS_BETTER
        specs.append(
            IndicatorSpec(
                code,
                name,
                "ratio",
                "%",
                numerator,
                denominator,
                direction="lower" if lower else "higher",
                temporal="cumulative"
                if code.startswith(("hs-", "vb-")) or i % 5 == 0
                else "latest",
            )
        )
    for code, name, unit in names.COUNTS[:counts]:
        specs.append(IndicatorSpec(code, name, "count", unit, temporal="cumulative"))
    for code, name, unit in names.AMOUNTS[:amounts]:
        specs.append(IndicatorSpec(code, name, "amount", unit, temporal="cumulative"))
    for code, name in names.BOOLEANS[:booleans]:
        specs.append(IndicatorSpec(code, name, "boolean", ""))
    code, name = names.RANKS[0]
    specs.append(IndicatorSpec(code, name, "rank", "hạng", direction="lower"))
    return specs


def month_periods(count: int, today: datetime.date) -> list[tuple[str, str, datetime.date]]:
    """(code, label, first day) of `count` months ending with today's month."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(
            (f"{year}-{month:02d}", f"Tháng {month:02d}/{year}", datetime.date(year, month, 1))
        )
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


# --- Bulk loading ------------------------------------------------------------------------------


@contextmanager
def secondary_indexes_dropped(cursor, table: str):
    """Drop `table`'s foreign keys, unique constraints and plain indexes (not its primary key)
    for a COPY, and recreate them afterwards from their own definitions."""
    cursor.execute(
        "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype IN ('f', 'u')",
        [table],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
        "JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = %s::regclass "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid "
        "AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u', 'x'))",
        [table],
    )
    indexes = cursor.fetchall()
    for name, _kind, _definition in constraints:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _definition in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    yield
    for _name, definition in indexes:
        cursor.execute(definition)
    # Unique constraints before foreign keys; adding a foreign key validates every row.
    for name, _kind, definition in sorted(constraints, key=lambda c: c[1] != "u"):
        cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


def _ts(day: datetime.date, seconds: int, now: datetime.datetime) -> str:
    """A timestamp `seconds` after 08:00 of `day`, local time, never after `now`."""
    moment = datetime.datetime(day.year, day.month, day.day, 8) + datetime.timedelta(
        seconds=seconds
    )
    moment = min(moment, now)
    return moment.strftime("%Y-%m-%d %H:%M:%S") + TZ


class CopyBuffer:
    """Text-format COPY rows, written to PostgreSQL in large chunks."""

    def __init__(self, copy, chunk: int = 200_000):
        self.copy, self.chunk, self.rows, self.count = copy, chunk, [], 0

    def add(self, line: str) -> None:
        self.rows.append(line)
        if len(self.rows) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.copy.write("".join(self.rows))
            self.count += len(self.rows)
            self.rows = []


# --- Generation --------------------------------------------------------------------------------

RATIO, COUNT, AMOUNT, BOOLEAN, RANK = range(5)
KIND_CODES = {"ratio": RATIO, "count": COUNT, "amount": AMOUNT, "boolean": BOOLEAN, "rank": RANK}
# Typical size of a unit's figures by unit type: denominators, counts, amounts.
RATIO_SIZE = {"tinh": 3000, "so": 400, "phong": 60, "xa": 500, "thon": 60}
COUNT_SIZE = {"tinh": 40, "so": 10, "phong": 3, "xa": 15, "thon": 3}
AMOUNT_SIZE = {"tinh": 2000, "so": 300, "phong": 30, "xa": 200, "thon": 20}


def _wipe(cursor) -> None:
    from django.db import connection

    keep = {
        "django_migrations",
        "django_content_type",
        "auth_permission",
        "auth_group",
        "auth_group_permissions",
    }
    tables = [t for t in connection.introspection.table_names() if t not in keep]
    cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    cursor.execute("DROP TABLE IF EXISTS bench_province")
    cursor.execute("CREATE TABLE bench_province (key text PRIMARY KEY, value jsonb NOT NULL)")


def meta_get(key: str):
    """A value the generator stored for the workloads (the accept and load sets, sizes)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM bench_province WHERE key = %s", [key])
        row = cursor.fetchone()
    if row is None:
        raise LookupError(f"bench_province has no {key!r}: run bench/province.py first")
    return json.loads(row[0]) if isinstance(row[0], str) else row[0]


def _meta_set(cursor, key: str, value) -> None:
    cursor.execute(
        "INSERT INTO bench_province (key, value) VALUES (%s, %s) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value)],
    )


def check_database() -> str:
    from django.db import connection

    name = connection.settings_dict["NAME"]
    if connection.vendor != "postgresql" or not str(name).startswith("bench"):
        raise SystemExit(
            f"Refusing to run against {connection.vendor} database {name!r}: "
            "the benchmark wipes its database; point DATABASE_URL at a database named bench*."
        )
    return name


def generate(size: Size = FULL, *, seed: int = 2026, today: datetime.date | None = None) -> dict:
    """Wipe the bench database and build the province; return sizes and timings."""
    from django.db import connection, transaction
    from django.utils import timezone

    from reporting.rollups import rollup_rebuild

    check_database()
    today = today or timezone.localdate()
    rng = random.Random(seed)
    started = time.perf_counter()
    timings: dict[str, float] = {}

    with transaction.atomic(), connection.cursor() as cursor:
        _wipe(cursor)
        cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        types, units = _create_units(size, rng)
        ispecs, indicators = _create_indicators(size, types)
        params = _indicator_params(ispecs, rng)
        plan = _create_plan(units[0], today, ispecs, indicators, params)
        schedule, periods = _create_schedule(plan, types, indicators, size, today)
        open_from = size.periods - size.load_periods
        leaves = [u for u in units if u.numchild == 0 and u.depth >= 3]
        picked = rng.sample(range(len(leaves)), size.reporters + size.accept_reports)
        load_units = sorted((leaves[i] for i in picked[: size.reporters]), key=lambda u: u.path)
        accept_units = sorted((leaves[i] for i in picked[size.reporters :]), key=lambda u: u.path)
        reporters = _create_accounts(units[0], load_units)
        timings["reference_seconds"] = time.perf_counter() - started

        copy_started = time.perf_counter()
        # Check the rows written so far now: a table with pending checks cannot be altered.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        counts = _copy_reports(
            cursor,
            units=units,
            indicators=indicators,
            params=params,
            periods=periods,
            load_ids={u.pk for u in load_units},
            accept_ids={u.pk for u in accept_units},
            open_from=open_from,
            now=timezone.localtime().replace(tzinfo=None),
            seed=seed,
        )
        timings["copy_seconds"] = time.perf_counter() - copy_started
        for table in ("reporting_report", "reporting_event"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )

        # What bench/run.py works on, by report id (reports are numbered month by month).
        index = {u.pk: k for k, u in enumerate(units)}
        newest = len(periods) - 1
        _meta_set(cursor, "size", asdict(size))
        _meta_set(cursor, "seed", seed)
        _meta_set(cursor, "plan_id", plan.pk)
        _meta_set(cursor, "schedule_id", schedule.pk)
        _meta_set(
            cursor,
            "accept_report_ids",
            [report_id(newest, index[u.pk], len(units)) for u in accept_units],
        )
        _meta_set(
            cursor,
            "load",
            [
                {
                    "username": user.username,
                    "unit_id": unit.pk,
                    "reports": [
                        report_id(t, index[unit.pk], len(units))
                        for t in range(open_from, len(periods))
                    ],
                }
                for user, unit in zip(reporters, load_units, strict=True)
            ],
        )

    # Statistics first, as a production database has them; then the roll-ups, timed.
    with connection.cursor() as cursor:
        step = time.perf_counter()
        cursor.execute("ANALYZE")
        timings["analyze_seconds"] = time.perf_counter() - step
    step = time.perf_counter()
    rollups = rollup_rebuild()
    timings["rebuild_seconds"] = time.perf_counter() - step
    step = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    timings["vacuum_seconds"] = time.perf_counter() - step
    timings["total_seconds"] = time.perf_counter() - started
    result = {
        "size": asdict(size),
        "seed": seed,
        "units": len(units),
        "leaf_units": len(leaves),
        "indicators": len(indicators),
        "periods": len(periods),
        **counts,
        "rollup_rows": rollups,
        **{k: round(v, 2) for k, v in timings.items()},
    }
    with transaction.atomic(), connection.cursor() as cursor:
        _meta_set(cursor, "generated", {**result, "at": timezone.now().isoformat()})
    return result


def _create_units(size: Size, rng: random.Random) -> tuple[dict, list]:
    """The demo's unit types, the tree with treebeard paths computed here, emulation blocks."""
    from org.models import BlockMembership, EmulationBlock, OrgUnit, UnitType
    from portal.demo import UNIT_TYPES

    types = {
        t.code: t
        for t in UnitType.objects.bulk_create(
            UnitType(code=code, name=name, level=level, issues_plans=issues, is_locality=locality)
            for code, name, level, issues, locality in UNIT_TYPES
        )
    }
    specs = build_tree(size, rng)
    rows = []
    for spec in specs:
        unit = OrgUnit(
            code=spec.code,
            name=spec.name,
            short_name=spec.short_name,
            unit_type=types[spec.type_code],
            path=spec.path,
            depth=spec.depth,
            numchild=spec.numchild,
        )
        unit.search_text = unit.build_search_text()  # bulk_create skips save()
        rows.append(unit)
    units = OrgUnit.objects.bulk_create(rows)
    blocks = dict(
        zip(
            [number for number, _code, _name in names.BLOCKS],
            EmulationBlock.objects.bulk_create(
                EmulationBlock(province=units[0], code=code, name=name, order=number)
                for number, code, name in names.BLOCKS
            ),
            strict=True,
        )
    )
    for spec, unit in zip(specs, units, strict=True):
        if spec.block:
            unit.block = blocks[spec.block]
    OrgUnit.objects.bulk_update([u for u in units if u.block_id], ["block"])
    # In their block since always, as the data migration records a block (org.selectors reads
    # the block on a day from these).
    BlockMembership.objects.bulk_create(
        BlockMembership(unit=u, block_id=u.block_id) for u in units if u.block_id
    )
    return types, units


def _create_indicators(size: Size, types: dict) -> tuple[list, list]:
    from indicators.models import Indicator

    specs = indicator_specs(size.indicators)
    rows = []
    for spec in specs:
        indicator = Indicator(
            code=spec.code,
            name=spec.name,
            kind=spec.kind,
            unit=spec.unit,
            numerator_label=spec.numerator_label,
            denominator_label=spec.denominator_label,
            direction=spec.direction,
            temporal=spec.temporal,
        )
        indicator.full_clean(validate_unique=False)
        indicator.search_text = indicator.build_search_text()
        rows.append(indicator)
    indicators = Indicator.objects.bulk_create(rows)
    for indicator in indicators:
        if indicator.kind == "rank":
            indicator.applies_to.set([types["so"]])
    return specs, indicators


def _create_plan(province, today: datetime.date, specs, indicators, params):
    """The province's plan with one target for each indicator."""
    from plans.models import Plan, Target

    plan = Plan.objects.create(
        doc_type=Plan.DocType.PLAN,
        number="186/KH-UBND",
        issuer=province,
        issuer_name=province.name,
        place="Thái Sơn",
        issued_on=datetime.date(today.year - 5, 10, 15),
        title=(
            "Kế hoạch tổ chức phong trào thi đua “Cả nước thi đua đổi mới sáng tạo, chuyển "
            "đổi số” trên địa bàn tỉnh Thái Sơn giai đoạn 2026 - 2030"
        ),
        status=Plan.Status.ISSUED,
        signature_authority="TM. ỦY BAN NHÂN DÂN",
        signature_position="KT. CHỦ TỊCH - PHÓ CHỦ TỊCH",
        signer_name="Nguyễn Văn Thành",
    )
    targets = []
    for order, (spec, indicator, param) in enumerate(
        zip(specs, indicators, params, strict=True), start=1
    ):
        target = _target(plan, order, spec, indicator, param)
        target.full_clean(exclude=["plan", "indicator", "parent_target"])
        target.search_text = target.build_search_text()
        targets.append(target)
    Target.objects.bulk_create(targets)
    return plan


def _create_schedule(plan, types: dict, indicators, size: Size, today: datetime.date):
    """The monthly schedule (every unit type, every indicator, the rank from departments only)
    and its months; old months are locked, the load test's months stay open."""
    from django.utils import timezone

    from reporting.models import Period, Schedule, ScheduleIndicator

    schedule = Schedule.objects.create(
        plan=plan,
        name="Báo cáo tháng kết quả phong trào thi đua đổi mới sáng tạo, chuyển đổi số",
        frequency=Schedule.Frequency.MONTHLY,
        due_day=20,  # seed 001 §IV: reports by the 20th
    )
    schedule.unit_types.set(types.values())
    items = ScheduleIndicator.objects.bulk_create(
        ScheduleIndicator(schedule=schedule, indicator=indicator, order=order)
        for order, indicator in enumerate(indicators)
    )
    for item in items:
        if item.indicator.kind == "rank":
            item.unit_types.set([types["so"]])
    open_from = size.periods - size.load_periods
    periods = []
    for t, (code, label, start) in enumerate(month_periods(size.periods, today)):
        end = _month_end(start)
        closed = t < open_from
        periods.append(
            Period(
                schedule=schedule,
                code=code,
                label=label,
                start=start,
                end=end,
                due_date=schedule.due_date_for(end),
                is_closed=closed,
                closed_at=timezone.make_aware(
                    datetime.datetime.combine(start + datetime.timedelta(days=70), datetime.time(9))
                )
                if closed
                else None,
            )
        )
    return schedule, Period.objects.bulk_create(periods)


def _create_accounts(province, load_units) -> list:
    """The province's coordinator and one reporter on each unit of the load set; returns the
    reporters in the order of `load_units`."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from org.models import Role, RoleAssignment

    encoded = make_password(PASSWORD)  # hashed once: Argon2 is slow on purpose
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=COORDINATOR, first_name="Cơ quan thường trực", password=encoded)]
        + [
            User(username=f"baocao{n:03d}", first_name=unit.name[:150], password=encoded)
            for n, unit in enumerate(load_units, start=1)
        ]
    )
    RoleAssignment.objects.bulk_create(
        [RoleAssignment(user=users[0], unit=province, role=Role.COORDINATOR)]
        + [
            RoleAssignment(user=user, unit=unit, role=Role.REPORTER)
            for user, unit in zip(users[1:], load_units, strict=True)
        ]
    )
    return users[1:]


def report_id(period_index: int, unit_index: int, unit_count: int) -> int:
    """Reports are numbered month by month, units in tree order within a month."""
    return period_index * unit_count + unit_index + 1


def _month_end(start: datetime.date) -> datetime.date:
    from reporting.periods import month_end

    return month_end(start.year, start.month)


def _indicator_params(ispecs: list[IndicatorSpec], rng: random.Random) -> list[dict]:
    """Per indicator: where the shares start and how fast they move, how big its figures are.
    Ratios move towards the good side over the five years, most without reaching 100%."""
    out = []
    for spec in ispecs:
        if spec.kind == "ratio" and spec.direction == "higher":
            low = rng.uniform(0.15, 0.65)
            out.append(
                {"low": low, "high": low + rng.uniform(0.05, 0.3), "scale": rng.uniform(0.5, 2)}
            )
        elif spec.kind == "ratio":
            low = rng.uniform(0.04, 0.12)
            out.append(
                {"low": low, "high": low + rng.uniform(0.03, 0.12), "scale": rng.uniform(0.5, 2)}
            )
        else:
            out.append({"scale": rng.uniform(0.5, 2), "growth": rng.uniform(0.002, 0.012)})
    return out


def _target(plan, order, spec: IndicatorSpec, indicator, param: dict):
    """The plan's promise for an indicator, with a comparator that suits its kind."""
    from decimal import Decimal

    from plans.models import Comparator, Target, TargetUnit

    target = Target(plan=plan, order=order, indicator=indicator, due_year=2030)
    target.section = "II. Chỉ tiêu chủ yếu đến năm 2030"
    comparator, value, value_max, unit = Comparator.GTE, None, None, TargetUnit.OTHER
    if spec.kind == "ratio" and spec.direction == "higher":
        unit = TargetUnit.PERCENT
        value = Decimal(min(100, 5 * round((param["high"] * 100 + 25) / 5)))
        if order % 7 == 3:
            comparator = Comparator.GT
            value = min(value, Decimal(95))
        elif order % 7 == 5:
            comparator, value_max = Comparator.RANGE, min(Decimal(100), value + 10)
        text = f"Đến năm 2030, {spec.name[0].lower()}{spec.name[1:]} đạt {value}%"
    elif spec.kind == "ratio":
        unit, comparator = TargetUnit.PERCENT, Comparator.LTE
        value = Decimal(max(1, round(param["low"] * 100 / 2)))
        text = f"Đến năm 2030, {spec.name[0].lower()}{spec.name[1:]} không quá {value}%"
    elif spec.kind == "rank":
        unit, comparator, value = TargetUnit.RANK, Comparator.LTE, Decimal(10)
        text = "Đến năm 2030, cơ quan thuộc nhóm 10 đơn vị dẫn đầu về Chỉ số cải cách hành chính"
    elif spec.kind == "boolean":
        unit, value = TargetUnit.PERCENT, Decimal(100)
        text = f"Đến năm 2030, 100% đơn vị: {spec.name[0].lower()}{spec.name[1:]}"
    else:
        unit = TargetUnit.COUNT if spec.kind == "count" else TargetUnit.OTHER
        value = Decimal(round(param["scale"] * 4000, -2))
        text = (
            f"Giai đoạn 2026 - 2030: {spec.name[0].lower()}{spec.name[1:]} đạt {value} {spec.unit}"
        )
    target.text = text
    target.subject = spec.name
    target.comparator, target.unit = comparator, unit
    target.value, target.value_max = value, value_max
    if order % 2 == 0 and spec.kind in ("ratio", "rank"):
        target.baseline_year = 2025
        target.baseline_value = (
            Decimal(25) if spec.kind == "rank" else Decimal(str(round(param["low"] * 100, 1)))
        )
    return target


def _copy_reports(
    cursor,
    *,
    units,
    indicators,
    params,
    periods,
    load_ids: set[int],
    accept_ids: set[int],
    open_from: int,
    now: datetime.datetime,
    seed: int,
) -> dict:
    """COPY one report per unit and period, its values and its workflow events."""
    rng = random.Random(seed + 1)
    noise = random.Random(seed + 2).random
    n_periods, n_units = len(periods), len(units)
    type_codes = [u.unit_type.code for u in units]

    # What each unit reports, with its own starting level and size per indicator.
    lines: list[list[tuple]] = []
    for k in range(n_units):
        own = []
        for indicator, param in zip(indicators, params, strict=True):
            kind = KIND_CODES[indicator.kind]
            tcode = type_codes[k]
            if kind == RANK:
                if tcode == "so":
                    own.append((indicator.pk, RANK, 0.0, 0.0, 0.0))
                continue
            if kind == RATIO:
                start = rng.uniform(param["low"], param["high"])
                # Towards 98% (higher is better) or 1% (lower is better) over the five years.
                goal = 0.98 if indicator.direction == "higher" else 0.01
                gain = rng.uniform(0.3, 1.0) * (goal - start) / max(n_periods, 12)
                base = RATIO_SIZE[tcode] * rng.uniform(0.5, 1.5) * param["scale"]
                own.append((indicator.pk, RATIO, start, gain, max(base, 5.0)))
            elif kind == BOOLEAN:
                switch = rng.uniform(-0.5, 1.2) * n_periods
                own.append((indicator.pk, BOOLEAN, switch, 0.0, 0.0))
            else:
                sizes = COUNT_SIZE if kind == COUNT else AMOUNT_SIZE
                base = sizes[tcode] * rng.uniform(0.3, 1.7) * param["scale"]
                own.append((indicator.pk, kind, base, param["growth"], 0.0))
        lines.append(own)

    # Ranks among the departments: a score that drifts, ranked anew every month.
    departments = [k for k in range(n_units) if type_codes[k] == "so"]
    dept_score = {k: (rng.uniform(0, 10), rng.uniform(-0.05, 0.05)) for k in departments}
    ranks: list[dict[int, int]] = []
    for t in range(n_periods):
        scores = sorted(
            departments,
            key=lambda k: -(dept_score[k][0] + dept_score[k][1] * t + rng.uniform(-1, 1)),
        )
        ranks.append({k: r for r, k in enumerate(scores, start=1)})

    statuses = {"accepted": 0, "approved": 0, "draft": 0}
    value_rows: list[tuple[int, int, int]] = []  # (report id, unit index, period index)
    event_rows: list[tuple] = []
    null = "\\N"
    with (
        secondary_indexes_dropped(cursor, "reporting_report"),
        cursor.copy(
            "COPY reporting_report (id, status, results, difficulties, proposals, return_reason, "
            "submitted_at, days_late, accepted_at, completeness, version, created_at, updated_at, "
            "period_id, unit_id, updated_by_id) FROM STDIN"
        ) as report_copy,
    ):
        reports = CopyBuffer(report_copy)
        for t, period in enumerate(periods):
            due = period.due_date
            for k, unit in enumerate(units):
                rid = report_id(t, k, n_units)
                created = _ts(period.start, 3600 * (k % 72), now)
                if unit.pk in load_ids and t >= open_from:
                    reports.add(
                        f"{rid}\tdraft\t\t\t\t\t{null}\t{null}\t{null}\t0\t1\t{created}\t"
                        f"{created}\t{period.pk}\t{unit.pk}\t{null}\n"
                    )
                    statuses["draft"] += 1
                    continue
                # Most report a few days before the 20th; about one in twelve is late.
                late = rng.random() < 0.08
                offset = rng.randint(1, 10) if late else -rng.randint(0, 12)
                submitted_day = due + datetime.timedelta(days=offset)
                submitted = _ts(submitted_day, rng.randint(0, 9 * 3600), now)
                approved = _ts(submitted_day + datetime.timedelta(days=1), 3600, now)
                accepted_day = submitted_day + datetime.timedelta(days=rng.randint(1, 4))
                accepted = _ts(accepted_day, 7200, now)
                final = not (unit.pk in accept_ids and t == n_periods - 1)
                status = "accepted" if final else "approved"
                statuses[status] += 1
                text = RESULT_TEXTS[(k + t) % len(RESULT_TEXTS)]
                reports.add(
                    f"{rid}\t{status}\t{text}\t\t\t\t{submitted}\t{max(0, offset)}\t"
                    f"{accepted if final else null}\t100.0\t{4 if final else 3}\t{created}\t"
                    f"{accepted if final else approved}\t{period.pk}\t{unit.pk}\t{null}\n"
                )
                event_rows.append((rid, "submit", "draft", "submitted", submitted))
                event_rows.append((rid, "approve", "submitted", "approved", approved))
                if final:
                    event_rows.append((rid, "accept", "approved", "accepted", accepted))
                value_rows.append((rid, k, t))
        reports.flush()
        report_count = reports.count

    with (
        secondary_indexes_dropped(cursor, "reporting_reportvalue"),
        cursor.copy(
            "COPY reporting_reportvalue (report_id, indicator_id, value, numerator, denominator, "
            "text, comment, return_note) FROM STDIN"
        ) as value_copy,
    ):
        values = CopyBuffer(value_copy)
        add = values.add
        for rid, k, t in value_rows:
            prefix = f"{rid}\t"
            for iid, kind, a, b, c in lines[k]:
                if kind == RATIO:
                    denominator = int(c * (1 + 0.003 * t) * (0.97 + 0.06 * noise())) or 1
                    share = a + b * t + (noise() - 0.5) * 0.04
                    share = 0.0 if share < 0 else (1.0 if share > 1 else share)
                    numerator = min(denominator, int(denominator * share + 0.5))
                    add(f"{prefix}{iid}\t\\N\t{numerator}\t{denominator}\t\t\t\n")
                elif kind == COUNT:
                    count = int(a * (1 + b * t) * (0.7 + 0.6 * noise()) + 0.5)
                    add(f"{prefix}{iid}\t{count}\t\\N\t\\N\t\t\t\n")
                elif kind == AMOUNT:
                    amount = a * (1 + b * t) * (0.8 + 0.4 * noise())
                    add(f"{prefix}{iid}\t{amount:.2f}\t\\N\t\\N\t\t\t\n")
                elif kind == BOOLEAN:
                    yes = (t >= a) != (noise() < 0.02)
                    add(f"{prefix}{iid}\t{1 if yes else 0}\t\\N\t\\N\t\t\t\n")
                else:
                    add(f"{prefix}{iid}\t{ranks[t][k]}\t\\N\t\\N\t\t\t\n")
        values.flush()
        value_count = values.count

    with (
        secondary_indexes_dropped(cursor, "reporting_event"),
        cursor.copy(
            "COPY reporting_event (report_id, kind, from_status, to_status, at, reason, changes) "
            "FROM STDIN"
        ) as event_copy,
    ):
        events = CopyBuffer(event_copy)
        for rid, kind, before, after, at in event_rows:
            events.add(f"{rid}\t{kind}\t{before}\t{after}\t{at}\t\t{{}}\n")
        events.flush()
        event_count = events.count

    return {
        "reports": report_count,
        "reports_accepted": statuses["accepted"],
        "reports_approved": statuses["approved"],
        "reports_draft": statuses["draft"],
        "values": value_count,
        "events": event_count,
    }


# --- Putting the workloads back ----------------------------------------------------------------


def workload_reset() -> dict:
    """Undo what bench/run.py did to the accept and load sets: accepted ones go back to
    APPROVED (their values leave the roll-ups, as a reopening would do), submitted drafts go back
    to empty drafts (values, events and the narrative removed). Sessions are cleared."""
    from django.db import connection, transaction

    from reporting.models import Event, Report, ReportValue, TaskUpdate, WorkflowStatus
    from reporting.rollups import rollup_apply_report

    accept_ids = meta_get("accept_report_ids")
    load_ids = [rid for user in meta_get("load") for rid in user["reports"]]
    with transaction.atomic():
        accepted = Report.objects.filter(pk__in=accept_ids, status=WorkflowStatus.ACCEPTED)
        undone = 0
        for report in accepted.select_related("unit").order_by("pk"):
            rollup_apply_report(report, sign=-1)
            undone += 1
        Report.objects.filter(pk__in=accept_ids).update(
            status=WorkflowStatus.APPROVED, accepted_at=None, version=3
        )
        Event.objects.filter(report_id__in=accept_ids, kind=Event.Kind.ACCEPT).delete()
        ReportValue.objects.filter(report_id__in=load_ids).delete()
        TaskUpdate.objects.filter(report_id__in=load_ids).delete()
        Event.objects.filter(report_id__in=load_ids).delete()
        reset = Report.objects.filter(pk__in=load_ids).update(
            status=WorkflowStatus.DRAFT,
            version=1,
            submitted_at=None,
            days_late=None,
            completeness=0,
            results="",
            difficulties="",
            proposals="",
            return_reason="",
            updated_by=None,
        )
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM django_session")
    return {"accepted_undone": undone, "drafts_reset": reset}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="about 160 units, 12 x 12")
    parser.add_argument("--units-scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    django_setup()
    size = (QUICK if args.quick else FULL).scaled(args.units_scale)
    result = generate(size, seed=args.seed)
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
