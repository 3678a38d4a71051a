"""Names the synthetic corpus draws from: wards, directives from above, people.

The directives from above are modelled on those the seeds cite (53-CT/TW,
57-NQ/TW, 80-NQ/TW, Luật Thủ đô...) plus a few older ones a twenty-year
archive would cite; their dates and subjects are as the seeds give them where
the seeds cite them, and otherwise illustrative.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Upper:
    """A document from above that ward documents implement or cite."""

    word: str  # type word as cited: "Chỉ thị", "Luật"
    id: str
    date: str  # ISO
    issuer: str
    subject: str
    topic: str


UPPERS: tuple[Upper, ...] = (
    Upper("Chỉ thị", "53-CT/TW", "2025-10-26", "Bộ Chính trị", "Tăng cường sự lãnh đạo của Đảng đối với thực hiện trách nhiệm giải trình của cơ quan, tổ chức, cá nhân trong hoạt động công vụ", "trach-nhiem-giai-trinh"),
    Upper("Nghị quyết", "57-NQ/TW", "2024-12-22", "Bộ Chính trị", "Đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia", "chuyen-doi-so"),
    Upper("Nghị quyết", "80-NQ/TW", "2026-01-07", "Bộ Chính trị", "Phát triển văn hóa Việt Nam", "van-hoa"),
    Upper("Nghị quyết", "71-NQ/TW", "2025-08-22", "Bộ Chính trị", "Đột phá phát triển giáo dục và đào tạo", "giao-duc-y-te"),
    Upper("Nghị quyết", "72-NQ/TW", "2025-09-09", "Bộ Chính trị", "Một số giải pháp đột phá, tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân", "giao-duc-y-te"),
    Upper("Nghị quyết", "18-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương", "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả", "chinh-quyen-dia-phuong-2-cap"),
    Upper("Kết luận", "137-KL/TW", "2025-03-28", "Bộ Chính trị", "Đề án sắp xếp, tổ chức lại đơn vị hành chính các cấp và xây dựng mô hình tổ chức chính quyền địa phương 2 cấp", "chinh-quyen-dia-phuong-2-cap"),
    Upper("Chỉ thị", "05-CT/TW", "2016-05-15", "Bộ Chính trị", "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "xay-dung-dang"),
    Upper("Kết luận", "21-KL/TW", "2021-10-25", "Ban Chấp hành Trung ương", "Đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị", "xay-dung-dang"),
    Upper("Nghị quyết", "35-NQ/TW", "2018-10-22", "Bộ Chính trị", "Tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới", "xay-dung-dang"),
    Upper("Nghị quyết", "15-NQ/TW", "2022-05-05", "Bộ Chính trị", "Phương hướng, nhiệm vụ phát triển Thủ đô Hà Nội đến năm 2030, tầm nhìn đến năm 2045", "luat-thu-do"),
    Upper("Luật", "39/2024/QH15", "2024-06-28", "Quốc hội", "Luật Thủ đô", "luat-thu-do"),
    Upper("Chỉ thị", "09-CT/TW", "2016-12-18", "Ban Bí thư", "Tăng cường sự lãnh đạo của Đảng đối với phong trào Toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới", "an-ninh-trat-tu"),
    Upper("Chỉ thị", "17-CT/TU", "2019-03-12", "Ban Thường vụ Thành ủy", "Tăng cường bảo đảm an ninh, trật tự trên địa bàn Thành phố", "an-ninh-trat-tu"),
    Upper("Chương trình", "06-CTr/TU", "2021-03-17", "Thành ủy Hà Nội", "Tiếp tục nâng cao hiệu quả xây dựng nếp sống văn hóa, người Hà Nội thanh lịch, văn minh", "van-hoa"),
)

# City plans implementing the directives above: (subject, topic). Numbered from 100
# so that they never collide with the seeds' own `17-KH/TU`, `21-KH/TU`, `51-KH/TU`.
CITY_SUBJECTS: tuple[tuple[str, str], ...] = tuple((f"Thực hiện {u.word} số {u.id} của {u.issuer} về “{u.subject}”", u.topic)
                                                   for u in UPPERS if u.issuer != "Ban Thường vụ Thành ủy")
CITY_ISSUERS = ("Ban Thường vụ Thành ủy", "Thành ủy Hà Nội", "Ban Tuyên giáo và Dân vận Thành ủy")

WARDS: tuple[str, ...] = (
    "Ba Đình", "Ngọc Hà", "Giảng Võ", "Hoàn Kiếm", "Cửa Nam", "Phú Thượng", "Hồng Hà", "Tây Hồ",
    "Bồ Đề", "Việt Hưng", "Phúc Lợi", "Long Biên", "Cầu Giấy", "Nghĩa Đô", "Yên Hòa", "Ô Chợ Dừa",
    "Láng", "Văn Miếu - Quốc Tử Giám", "Kim Liên", "Đống Đa", "Hai Bà Trưng", "Vĩnh Tuy", "Bạch Mai",
    "Vĩnh Hưng", "Định Công", "Tương Mai", "Lĩnh Nam", "Hoàng Mai", "Hoàng Liệt", "Yên Sở",
    "Phương Liệt", "Khương Đình", "Thanh Xuân", "Đại Mỗ", "Tây Mỗ", "Xuân Phương", "Từ Liêm",
    "Thượng Cát", "Đông Ngạc", "Xuân Đỉnh", "Tây Tựu", "Phú Diễn", "Xuân Trạch", "Thanh Liệt",
    "Hà Đông", "Dương Nội", "Yên Nghĩa", "Phú Lương", "Kiến Hưng", "Chương Mỹ", "Sơn Tây",
    "Tùng Thiện", "Phúc Diễn", "Hàm Liêm", "Thanh Trì", "Gia Lâm", "Đông Anh",
    "Mê Linh", "Sóc Sơn", "Thạch Thất", "Quốc Oai", "Hoài Đức", "Đan Phượng", "Phúc Thọ", "Ba Vì",
    "Thường Tín", "Phú Xuyên", "Ứng Hòa", "Mỹ Đức", "Thanh Oai", "Bát Tràng", "Thuận An",
    "Kim Anh", "Nội Bài", "Đa Phúc", "Trung Giã", "Vân Đình", "Hòa Xá", "Đại Thanh",
)
# Communes (xã) among them; the rest are wards (phường).
COMMUNES = frozenset(WARDS[54:])

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thanh", "Hữu", "Quang", "Thu", "Ngọc", "Xuân")
GIVEN = ("Toàn", "Hùng", "Lan", "Hương", "Dũng", "Hà", "Tuấn", "Mai", "Sơn", "Thảo", "Long", "Hạnh", "Bình", "Nam")
SIGNER_TITLES = ("Bí thư", "Phó Bí thư", "Phó Bí thư Thường trực")

RECIPIENTS = (
    "Ủy ban nhân dân {unit}", "Ủy ban Mặt trận Tổ quốc Việt Nam {unit}", "Ban Xây dựng Đảng",
    "Văn phòng Đảng ủy", "Các tổ chức chính trị - xã hội {unit}", "Các tổ chức đảng trực thuộc Đảng ủy {unit}",
    "Công an {unit}",
)

SECTIONS = (
    "MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN", "KẾT QUẢ THỰC HIỆN",
    "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "ĐÁNH GIÁ CHUNG", "KIẾN NGHỊ, ĐỀ XUẤT",
)

ACTIONS = (
    "Triển khai thực hiện", "Tuyên truyền, quán triệt", "Tổ chức thực hiện", "Sơ kết việc thực hiện",
    "Tổng kết việc thực hiện", "Đẩy mạnh thực hiện", "Kiểm tra, giám sát việc thực hiện",
)

# Document types with their share of a ward's output.
TYPE_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("cong-van", 30), ("ke-hoach", 28), ("huong-dan", 7), ("thong-bao", 8), ("bao-cao", 9),
    ("nghi-quyet", 4), ("chi-thi", 3), ("chuong-trinh", 4), ("quyet-dinh", 3), ("ket-luan", 2),
    ("quy-dinh", 1), ("de-an", 1),
)
