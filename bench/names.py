"""Vietnamese names for the synthetic province of the benchmark (bench/province.py).

Plain data, no Django: departments and their offices, communes and villages, emulation blocks,
and the 60 indicators of a digital-transformation and administrative-reform plan. The names are
realistic so that the pages, the search keys and the text columns have their usual lengths.
"""

PROVINCE = ("TS", "UBND tỉnh Thái Sơn", "UBND")

# Sở, ban, ngành and the bodies that report to the province like them (short name, name, sector;
# SECTOR_BLOCKS below puts each sector's bodies in its emulation blocks).
DEPARTMENTS = [
    ("SNV", "Sở Nội vụ", 1),
    ("VPUBND", "Văn phòng UBND tỉnh", 1),
    ("VPDDBQH", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", 1),
    ("TTRA", "Thanh tra tỉnh", 1),
    ("STP", "Sở Tư pháp", 1),
    ("SDTTG", "Sở Dân tộc và Tôn giáo", 1),
    ("STC", "Sở Tài chính", 2),
    ("SCT", "Sở Công Thương", 2),
    ("SXD", "Sở Xây dựng", 2),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", 2),
    ("SKHCN", "Sở Khoa học và Công nghệ", 2),
    ("BQLKKT", "Ban Quản lý Khu kinh tế tỉnh", 2),
    ("BQLDA", "Ban Quản lý dự án đầu tư xây dựng tỉnh", 2),
    ("BQLGT", "Ban Quản lý dự án các công trình giao thông", 2),
    ("QDTPT", "Quỹ Đầu tư phát triển tỉnh", 2),
    ("SGDDT", "Sở Giáo dục và Đào tạo", 3),
    ("SYT", "Sở Y tế", 3),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", 3),
    ("DPTTH", "Đài Phát thanh và Truyền hình tỉnh", 3),
    ("BAO", "Báo Thái Sơn", 3),
    ("TCT", "Trường Chính trị tỉnh", 3),
    ("CDSP", "Trường Cao đẳng Sư phạm", 3),
    ("CDKT", "Trường Cao đẳng Kỹ thuật - Công nghệ", 3),
    ("BVDK", "Bệnh viện Đa khoa tỉnh", 3),
    ("BVSN", "Bệnh viện Sản - Nhi", 3),
    ("BVYHCT", "Bệnh viện Y học cổ truyền", 3),
    ("CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", 3),
    ("CAT", "Công an tỉnh", 4),
    ("BCHQS", "Bộ Chỉ huy Quân sự tỉnh", 4),
    ("BCHBP", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", 4),
    ("TAND", "Tòa án nhân dân tỉnh", 4),
    ("VKSND", "Viện Kiểm sát nhân dân tỉnh", 4),
    ("THADS", "Thi hành án dân sự tỉnh", 4),
    ("BHXH", "Bảo hiểm xã hội tỉnh", 5),
    ("THUE", "Thuế tỉnh", 5),
    ("KBNN", "Kho bạc Nhà nước khu vực", 5),
    ("NHNN", "Ngân hàng Nhà nước chi nhánh tỉnh", 5),
    ("HQ", "Chi cục Hải quan cửa khẩu", 5),
    ("TKE", "Thống kê tỉnh", 5),
    ("NHCSXH", "Ngân hàng Chính sách xã hội chi nhánh tỉnh", 5),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", 6),
    ("LDLD", "Liên đoàn Lao động tỉnh", 6),
    ("HND", "Hội Nông dân tỉnh", 6),
    ("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh", 6),
    ("TDTN", "Tỉnh đoàn", 6),
    ("HCCB", "Hội Cựu chiến binh tỉnh", 6),
    ("LMHTX", "Liên minh Hợp tác xã tỉnh", 6),
    ("HCTD", "Hội Chữ thập đỏ tỉnh", 6),
    ("LHHKH", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", 6),
    ("HVHNT", "Hội Văn học Nghệ thuật tỉnh", 6),
    ("HNB", "Hội Nhà báo tỉnh", 6),
    ("HKH", "Hội Khuyến học tỉnh", 6),
    ("HNCT", "Hội Người cao tuổi tỉnh", 6),
    ("BQLRPH", "Ban Quản lý rừng phòng hộ", 2),
    ("VQG", "Vườn quốc gia Hoàng Liên Sơn", 2),
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh", 1),
    ("TTXTDT", "Trung tâm Xúc tiến đầu tư, thương mại và du lịch", 2),
    ("CTXS", "Công ty Xổ số kiến thiết tỉnh", 2),
    ("BQLDL", "Ban Quản lý Khu du lịch quốc gia Sa Pa", 2),
    ("TTDVDG", "Trung tâm Dịch vụ đấu giá tài sản", 1),
]

# Offices of a department: the first five every body has, then specialised ones.
OFFICES = [
    "Văn phòng",
    "Phòng Tổ chức cán bộ",
    "Phòng Kế hoạch - Tài chính",
    "Thanh tra",
    "Phòng Chuyển đổi số",
    "Phòng Nghiệp vụ",
    "Phòng Pháp chế",
    "Phòng Quản lý chuyên ngành",
    "Trung tâm Dịch vụ công",
    "Trung tâm Thông tin và Truyền thông",
]

# 21 emulation blocks, as Lào Cai has (seed 004: "21 Khối thi đua của tỉnh"; the demo's K01-K21):
# 12 of departments and bodies by sector, 9 of communes and wards, each of 4 to 16 units at full
# size. The grouping is the benchmark's choice; a real province draws its own.
BLOCKS = [
    (1, "K01", "Khối thi đua số 01 - các cơ quan tổng hợp"),
    (2, "K02", "Khối thi đua số 02 - các cơ quan nội chính"),
    (3, "K03", "Khối thi đua số 03 - các sở kinh tế tổng hợp"),
    (4, "K04", "Khối thi đua số 04 - các sở kinh tế ngành"),
    (5, "K05", "Khối thi đua số 05 - các ban quản lý, doanh nghiệp nhà nước"),
    (6, "K06", "Khối thi đua số 06 - giáo dục, văn hóa"),
    (7, "K07", "Khối thi đua số 07 - y tế"),
    (8, "K08", "Khối thi đua số 08 - lực lượng vũ trang, tư pháp"),
    (9, "K09", "Khối thi đua số 09 - các cơ quan Trung ương đóng trên địa bàn"),
    (10, "K10", "Khối thi đua số 10 - Mặt trận Tổ quốc"),
    (11, "K11", "Khối thi đua số 11 - các đoàn thể chính trị - xã hội"),
    (12, "K12", "Khối thi đua số 12 - các hội"),
    (13, "K13", "Khối thi đua số 13 - các phường (1)"),
    (14, "K14", "Khối thi đua số 14 - các phường (2)"),
    (15, "K15", "Khối thi đua số 15 - các xã vùng thấp (1)"),
    (16, "K16", "Khối thi đua số 16 - các xã vùng thấp (2)"),
    (17, "K17", "Khối thi đua số 17 - các xã vùng thấp (3)"),
    (18, "K18", "Khối thi đua số 18 - các xã vùng cao (1)"),
    (19, "K19", "Khối thi đua số 19 - các xã vùng cao (2)"),
    (20, "K20", "Khối thi đua số 20 - các xã vùng cao (3)"),
    (21, "K21", "Khối thi đua số 21 - các xã vùng cao (4)"),
]
# A department's sector (the third field of DEPARTMENTS) -> its blocks, filled in turn.
SECTOR_BLOCKS = {1: (1, 2), 2: (3, 4, 5), 3: (6, 7), 4: (8,), 5: (9,), 6: (10, 11, 12)}
WARD_BLOCKS = (13, 14)
LOWLAND_BLOCKS = (15, 16, 17)
HIGHLAND_BLOCKS = (18, 19, 20, 21)

# Syllables that make place names: a commune is "UBND xã <first> <second>".
PLACE_FIRST = [
    "Bắc", "Nam", "Tân", "Phúc", "Hòa", "An", "Thịnh", "Hưng", "Long", "Minh", "Quang", "Thanh",
    "Yên", "Bình", "Phú", "Lộc", "Xuân", "Đồng", "Kim", "Ngọc", "Sơn", "Mường", "Bản", "Nậm",
    "Pha", "Cốc", "Trung", "Vĩnh", "Gia", "Hợp",
]  # fmt: skip
PLACE_SECOND = [
    "Hà", "Lâm", "Thành", "Tiến", "Phong", "Khánh", "Lợi", "Thắng", "Hải", "Sơn", "Lương",
    "Cương", "Khương", "Xát", "Hồ", "Chải", "Lũng", "Dìn", "Vân", "Tiên", "Việt", "Lạc",
]  # fmt: skip
VILLAGE_FIRST = ["Thôn", "Bản", "Thôn", "Bản", "Tổ dân phố"]
VILLAGE_SECOND = [
    "Nà Lừa", "Khòn Chu", "Pò Mã", "Bản Pẻn", "Cốc Lếu", "Nậm Mòn", "Phiêng Luông", "Khuổi Khon",
    "Pác Ngòi", "Làng Mới", "Đồng Tâm", "Tiến Lợi", "Bó Pia", "Nà Tẩu", "Lũng Phìn", "Sín Chải",
    "Tả Van", "Ý Linh Hồ", "Hầu Thào", "Lao Chải", "Cát Cát", "Séo Mý Tỷ", "Na Hối", "Thải Giàng",
    "Cốc Ly", "Bảo Nhai", "Nậm Đét", "Làng Chảng", "Tân Tiến", "Hợp Thành",
]  # fmt: skip

# code, name, kind, unit, numerator label, denominator label, direction, temporal
RATIOS = [
    ("hs-truc-tuyen", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến",
     "Số hồ sơ tiếp nhận, giải quyết trực tuyến", "Tổng số hồ sơ tiếp nhận"),
    ("hs-toan-trinh", "Tỷ lệ hồ sơ trực tuyến toàn trình",
     "Số hồ sơ trực tuyến toàn trình", "Tổng số hồ sơ thủ tục hành chính"),
    ("hs-so-hoa", "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa",
     "Số hồ sơ, kết quả được số hóa", "Tổng số hồ sơ đã giải quyết"),
    ("hs-dung-han", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
     "Số hồ sơ giải quyết đúng hạn", "Tổng số hồ sơ đã giải quyết"),
    ("hs-qua-han", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết quá hạn",
     "Số hồ sơ giải quyết quá hạn", "Tổng số hồ sơ đã giải quyết"),
    ("vb-ky-so", "Tỷ lệ văn bản đi được ký số",
     "Số văn bản đi được ký số", "Tổng số văn bản đi"),
    ("vb-dien-tu", "Tỷ lệ văn bản trao đổi dưới dạng điện tử (trừ văn bản mật)",
     "Số văn bản điện tử", "Tổng số văn bản đi, đến"),
    ("hscv-mang", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng",
     "Số hồ sơ công việc xử lý trên môi trường mạng", "Tổng số hồ sơ công việc"),
    ("cbcc-ky-nang-so", "Tỷ lệ cán bộ, công chức được tập huấn kỹ năng số cơ bản",
     "Số cán bộ, công chức đã được tập huấn", "Tổng số cán bộ, công chức"),
    ("cbcc-chu-ky-so", "Tỷ lệ cán bộ, công chức có chữ ký số cá nhân",
     "Số cán bộ, công chức có chữ ký số", "Tổng số cán bộ, công chức"),
    ("vneid-muc-2", "Tỷ lệ người dân trưởng thành có tài khoản định danh điện tử mức 2",
     "Số người trưởng thành có tài khoản VNeID mức 2", "Số người trưởng thành"),
    ("chu-ky-so-dan", "Tỷ lệ người dân trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân",
     "Số người có chữ ký số, chữ ký điện tử", "Số người trưởng thành"),
    ("cap-quang", "Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng",
     "Số hộ có cáp quang", "Tổng số hộ"),
    ("dien-thoai-thong-minh", "Tỷ lệ người dân trưởng thành sử dụng điện thoại thông minh",
     "Số người sử dụng điện thoại thông minh", "Số người trưởng thành"),
    ("tai-khoan-ngan-hang", "Tỷ lệ dân số trưởng thành có tài khoản giao dịch tại ngân hàng",
     "Số người có tài khoản ngân hàng", "Số người trưởng thành"),
    ("thanh-toan-dvc", "Tỷ lệ giao dịch thanh toán trực tuyến trong dịch vụ công",
     "Số giao dịch thanh toán trực tuyến", "Tổng số giao dịch có nghĩa vụ tài chính"),
    ("hoc-phi-khong-tien-mat", "Tỷ lệ trường học thu học phí không dùng tiền mặt",
     "Số trường thu không dùng tiền mặt", "Tổng số trường"),
    ("vien-phi-khong-tien-mat", "Tỷ lệ lượt khám chữa bệnh thanh toán không dùng tiền mặt",
     "Số lượt thanh toán không dùng tiền mặt", "Tổng số lượt khám chữa bệnh"),
    ("an-sinh-qua-tai-khoan", "Tỷ lệ người hưởng chính sách an sinh xã hội nhận tiền qua tài khoản",
     "Số người nhận qua tài khoản", "Tổng số người hưởng chính sách"),
    ("phan-loai-rac", "Tỷ lệ hộ dân phân loại rác thải sinh hoạt tại nguồn",
     "Số hộ phân loại rác tại nguồn", "Tổng số hộ"),
    ("thu-gom-rac", "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý",
     "Khối lượng được thu gom, xử lý (tấn)", "Tổng khối lượng phát sinh (tấn)"),
    ("nuoc-sach", "Tỷ lệ hộ gia đình sử dụng nước sạch đạt quy chuẩn",
     "Số hộ dùng nước sạch đạt quy chuẩn", "Tổng số hộ"),
    ("ho-ngheo", "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều",
     "Số hộ nghèo", "Tổng số hộ"),
    ("bhyt", "Tỷ lệ người dân tham gia bảo hiểm y tế",
     "Số người tham gia bảo hiểm y tế", "Tổng dân số"),
    ("lao-dong-dao-tao", "Tỷ lệ lao động qua đào tạo",
     "Số lao động qua đào tạo", "Tổng số lao động"),
    ("suy-dinh-duong", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
     "Số trẻ suy dinh dưỡng thể thấp còi", "Tổng số trẻ dưới 5 tuổi"),
    ("gia-dinh-van-hoa", "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”",
     "Số hộ đạt danh hiệu", "Tổng số hộ"),
    ("nguoi-cao-tuoi", "Tỷ lệ người cao tuổi được khám sức khỏe định kỳ",
     "Số người cao tuổi được khám", "Tổng số người cao tuổi"),
    ("phan-anh-dung-han", "Tỷ lệ phản ánh, kiến nghị của người dân được xử lý đúng hạn",
     "Số phản ánh xử lý đúng hạn", "Tổng số phản ánh đã xử lý"),
    ("hop-truc-tuyen", "Tỷ lệ cuộc họp được tổ chức theo hình thức trực tuyến",
     "Số cuộc họp trực tuyến", "Tổng số cuộc họp"),
    ("bao-cao-he-thong", "Tỷ lệ báo cáo định kỳ gửi qua Hệ thống thông tin báo cáo",
     "Số báo cáo gửi qua hệ thống", "Tổng số báo cáo định kỳ"),
    ("ocop-tmdt", "Tỷ lệ sản phẩm OCOP được giới thiệu trên sàn thương mại điện tử",
     "Số sản phẩm OCOP trên sàn", "Tổng số sản phẩm OCOP"),
    ("hoa-don-dien-tu", "Tỷ lệ hộ kinh doanh sử dụng hóa đơn điện tử",
     "Số hộ dùng hóa đơn điện tử", "Tổng số hộ kinh doanh"),
    ("dn-nen-tang-so", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số",
     "Số doanh nghiệp sử dụng nền tảng số", "Tổng số doanh nghiệp nhỏ và vừa"),
    ("ho-tich-so-hoa", "Tỷ lệ dữ liệu hộ tịch được số hóa",
     "Số sổ hộ tịch đã số hóa", "Tổng số sổ hộ tịch"),
    ("dia-chinh-dien-tu", "Tỷ lệ thửa đất có hồ sơ địa chính điện tử",
     "Số thửa có hồ sơ điện tử", "Tổng số thửa đất"),
    ("ho-so-suc-khoe", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử",
     "Số người có hồ sơ sức khỏe điện tử", "Tổng dân số"),
    ("hoc-sinh-ky-nang-so", "Tỷ lệ học sinh được học kỹ năng số",
     "Số học sinh được học", "Tổng số học sinh"),
    ("du-lieu-nguoi-co-cong", "Tỷ lệ người có công, đối tượng bảo trợ được cập nhật dữ liệu",
     "Số đối tượng đã cập nhật", "Tổng số đối tượng"),
    ("hai-long-tthc", "Tỷ lệ hài lòng của người dân, doanh nghiệp về giải quyết TTHC",
     "Số ý kiến hài lòng", "Tổng số ý kiến đánh giá"),
]  # fmt: skip
LOWER_IS_BETTER = {"hs-qua-han", "ho-ngheo", "suy-dinh-duong"}

COUNTS = [
    ("mo-hinh-sang-kien", "Số mô hình, sáng kiến, giải pháp về KHCN, ĐMST, CĐS được triển khai",
     "mô hình"),
    ("tin-bai", "Số tin, bài tuyên truyền về phong trào thi đua", "tin, bài"),
    ("tap-huan-ky-nang-so", "Số buổi hướng dẫn kỹ năng số cho người dân", "buổi"),
    ("luot-huong-dan", "Số lượt người dân được Tổ công nghệ số cộng đồng hướng dẫn", "lượt"),
    ("tthc-don-gian-hoa", "Số thủ tục hành chính được rà soát, đơn giản hóa", "thủ tục"),
    ("phan-anh-nen-tang-so", "Số phản ánh, kiến nghị tiếp nhận qua nền tảng số", "phản ánh"),
    ("guong-dien-hinh", "Số gương điển hình tiên tiến được biểu dương, khen thưởng", "gương"),
    ("ho-thoat-ngheo", "Số hộ được hỗ trợ thoát nghèo", "hộ"),
    ("vneid-kich-hoat", "Số tài khoản định danh điện tử được kích hoạt mới trong kỳ", "tài khoản"),
]  # fmt: skip

AMOUNTS = [
    ("kinh-phi-cds", "Kinh phí chi cho chuyển đổi số", "triệu đồng"),
    ("gia-tri-tmdt", "Giá trị giao dịch thương mại điện tử của sản phẩm địa phương", "triệu đồng"),
    ("kinh-phi-ntm", "Kinh phí huy động xây dựng nông thôn mới", "triệu đồng"),
    ("kinh-phi-khen-thuong", "Kinh phí khen thưởng phong trào thi đua", "triệu đồng"),
    ("rac-thu-gom", "Khối lượng rác thải sinh hoạt được thu gom", "tấn"),
    ("dien-tich-cnc", "Diện tích cây trồng ứng dụng công nghệ cao", "ha"),
]

BOOLEANS = [
    ("to-cnscd", "Có Tổ công nghệ số cộng đồng hoạt động thường xuyên"),
    (
        "trang-ttdt",
        "Có trang thông tin điện tử hoặc trang mạng xã hội chính thức cập nhật trong kỳ",
    ),
    ("wifi-cong-cong", "Có điểm truy cập Internet công cộng miễn phí"),
    ("lien-thong-4-cap", "Đã kết nối hệ thống quản lý văn bản điều hành liên thông 4 cấp"),
]

# Ranked among departments only: a commune or a village has no PAR Index of its own.
RANKS = [("par-index", "Thứ hạng Chỉ số cải cách hành chính (PAR Index) của cơ quan")]
