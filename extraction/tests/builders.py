"""Build real Word documents for the tests, with the header block and a task table."""

from pathlib import Path

from docx import Document

TASK_ROWS = [
    (
        "1",
        "Xây dựng kho dữ liệu dùng chung của Sở",
        "Phòng Công nghệ thông tin",
        "Văn phòng Sở, Thanh tra Sở",
        "Quý III/2026",
    ),
    (
        "2",
        "Tập huấn kỹ năng số cho công chức",
        "Văn phòng Sở",
        "Các phòng chuyên môn",
        "Trước ngày 30/6/2026",
    ),
    (
        "3",
        "Rà soát, cập nhật quy trình nội bộ trên môi trường điện tử",
        "Văn phòng Sở",
        "",
        "Hằng tháng",
    ),
]


def build_plan_docx(path: Path) -> Path:
    document = Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "UBND TỈNH LÀO CAI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 125/KH-SKHCN"
    header.cell(1, 1).text = "Lào Cai, ngày 05 tháng 6 năm 2026"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph(
        "Triển khai phong trào thi đua đổi mới sáng tạo và chuyển đổi số năm 2026"
    )
    document.add_paragraph(
        "Căn cứ Kế hoạch số 88/KH-UBND ngày 20/5/2026 của UBND tỉnh Lào Cai; Sở Khoa học và "
        "Công nghệ ban hành Kế hoạch như sau:"
    )
    document.add_paragraph("I. CHỈ TIÊU")
    document.add_paragraph("1. Không quá 5% hồ sơ giải quyết quá hạn.")
    document.add_paragraph("2. Số sáng kiến được công nhận tăng 20% so với năm 2025.")
    document.add_paragraph("3. Ít nhất 02 mô hình chuyển đổi số được nhân rộng.")
    document.add_paragraph("II. NHIỆM VỤ")
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"  # ruled, as official task tables are
    for cell, text in zip(
        table.rows[0].cells,
        ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
        strict=True,
    ):
        cell.text = text
    for row in TASK_ROWS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("- UBND tỉnh (b/c);")
    document.add_paragraph("- Lưu: VT, VP.")
    document.add_paragraph("KT. GIÁM ĐỐC")
    document.add_paragraph("PHÓ GIÁM ĐỐC")
    document.add_paragraph("Trần Văn Minh")
    document.save(path)
    return path
