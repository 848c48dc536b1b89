"""External indices (PII, DTI …) imported per unit from the yearly published table: a sheet
whose rows are a unit code and a value; all rows or none."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from core.formats import parse_number_vi
from evaluation.access import EvaluationAccess
from evaluation.models import Criterion, IndexValue
from evaluation.subjects import province_units


def _rows(upload) -> list[tuple[int, str, object]]:
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError({"file": _("Tệp không phải bảng tính Excel (.xlsx).")}) from exc
    rows = []
    for number, row in enumerate(book.active.iter_rows(values_only=True), start=1):
        if not row or row[0] is None or len(row) < 2:
            continue
        rows.append((number, str(row[0]).strip(), row[1]))
    return rows


def _value(raw) -> Decimal:
    if isinstance(raw, int | float | Decimal):
        return Decimal(str(raw))
    return parse_number_vi(str(raw))


@transaction.atomic
def index_import(*, access: EvaluationAccess, criterion: Criterion, upload, user) -> int:
    """Put each unit's published value in; a header row (no number) is skipped, an unknown
    unit code or a value that is not a number refuses the whole file with its row."""
    if not access.can_manage:
        raise PermissionDenied
    if criterion.group.scheme_id != access.scheme.pk:
        raise ValidationError(_("Tiêu chí không thuộc bộ tiêu chí này."))
    if criterion.source != Criterion.Source.EXTERNAL_INDEX:
        raise ValidationError({"criterion": _("Chọn một tiêu chí lấy từ chỉ số bên ngoài.")})
    scheme = access.scheme
    units = dict(province_units(scheme.issuer, scheme.cutoff).values_list("code", "pk"))
    values, errors = {}, []
    for number, code, raw in _rows(upload):
        try:
            value = _value(raw)
        except (ValueError, ArithmeticError, ValidationError):
            if not values and not errors:
                continue  # the header row
            errors.append(_("Dòng %(n)s: “%(v)s” không phải số.") % {"n": number, "v": raw})
            continue
        if code not in units:
            errors.append(
                _("Dòng %(n)s: không có đơn vị mã %(code)s.") % {"n": number, "code": code}
            )
            continue
        values[units[code]] = value
    if errors:
        raise ValidationError({"file": errors})
    if not values:
        raise ValidationError({"file": _("Tệp không có dòng nào (mã đơn vị, giá trị).")})
    now = timezone.now()
    name = getattr(upload, "name", "")[:255]
    for unit_id, value in values.items():
        IndexValue.objects.update_or_create(
            criterion=criterion,
            unit_id=unit_id,
            defaults={"value": value, "source_name": name, "imported_by": user, "imported_at": now},
        )
    return len(values)
