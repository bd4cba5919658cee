#!/usr/bin/python3
"""Makes the pages in samples/ from the texts written below, reproducibly.

usage: /usr/bin/python3 scripts/make_samples.py [OUT_DIR]   (default: samples/)

Needs Debian's python3-pil and fonts-liberation2 (Liberation Serif 2, which has
every Vietnamese letter; scripts/setup.sh installs both). The documents are
invented for the samples; their layout follows Decree 30/2020 (issuer and
number top left, motto and place/date top right, type, subject, body,
recipients and signature block). Every page is rendered at 200 dpi, in grey,
with a fixed seed for the slight skew and noise, so the files come out the same
each time. Writes, for each document, its page image(s) and STEM.expected.json
with the number and date a reader should find.
"""
import json
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFont

DPI = 200
A4 = (int(8.27 * DPI), int(11.69 * DPI))
FONT_DIR = "/usr/share/fonts/truetype/liberation2"
PT = DPI / 72.0

DOCUMENTS = [
    {
        "stem": "bao-cao-17-BC-UBND",
        "issuer_parent": "UBND HUYỆN QUẢNG ĐIỀN",
        "issuer": "ỦY BAN NHÂN DÂN XÃ QUẢNG NGẠN",
        "number": "17/BC-UBND",
        "place": "Quảng Ngạn",
        "date": (29, 4, 2020),
        "type": "BÁO CÁO",
        "subject": ["Tổng kết công tác cải cách hành chính", "giai đoạn 2011 - 2020"],
        "body": [
            "Thực hiện Kế hoạch số 32/KH-UBND ngày 28/12/2019 của Ủy ban nhân dân",
            "huyện về công tác cải cách hành chính năm 2020, Ủy ban nhân dân xã Quảng",
            "Ngạn báo cáo kết quả thực hiện như sau:",
            "1. Công tác chỉ đạo, điều hành: xã đã ban hành kế hoạch, phân công",
            "nhiệm vụ cho từng bộ phận, gắn trách nhiệm của người đứng đầu.",
            "2. Cải cách thủ tục hành chính: niêm yết công khai đầy đủ thủ tục tại",
            "Bộ phận tiếp nhận và trả kết quả; hồ sơ được giải quyết đúng hạn.",
        ],
        "signer": ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Chiến"),
        "recipients": ["- UBND huyện;", "- Phòng Nội vụ huyện;", "- Lưu: VT, VP."],
    },
    {
        "stem": "cong-van-45-SNV-VP",
        "issuer_parent": "UBND TỈNH THỪA THIÊN HUẾ",
        "issuer": "SỞ NỘI VỤ",
        "number": "45/SNV-VP",
        "place": "Huế",
        "date": (5, 2, 2024),
        "type": None,
        "subject": ["V/v hướng dẫn số hóa hồ sơ lưu trữ"],
        "body": [
            "Kính gửi: Ủy ban nhân dân các huyện, thị xã và thành phố Huế.",
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về",
            "công tác văn thư, Sở Nội vụ đề nghị các đơn vị triển khai số hóa hồ sơ",
            "lưu trữ, bảo đảm chất lượng bản quét và đầy đủ thông tin đầu vào.",
            "Đề nghị các đơn vị báo cáo kết quả trước ngày 30 tháng 6 năm 2024.",
        ],
        "signer": ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Hoà"),
        "recipients": ["- Như trên;", "- Lưu: VT, VP."],
    },
    {
        "stem": "quyet-dinh-120-QD-UBND",
        "issuer_parent": None,
        "issuer": "ỦY BAN NHÂN DÂN\nHUYỆN CẨM GIÀNG",
        "number": "120/QĐ-UBND",
        "place": "Cẩm Giàng",
        "date": (12, 10, 2021),
        "type": "QUYẾT ĐỊNH",
        "subject": ["Về việc kiện toàn Tổ công tác cải cách hành chính"],
        "body": [
            "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẨM GIÀNG",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Theo đề nghị của Trưởng phòng Nội vụ huyện.",
            "QUYẾT ĐỊNH:",
            "Điều 1. Kiện toàn Tổ công tác cải cách hành chính huyện Cẩm Giàng.",
            "Điều 2. Tổ công tác có nhiệm vụ kiểm tra việc giải quyết thủ tục",
            "hành chính tại các xã, thị trấn và báo cáo hằng quý.",
        ],
        "page2": [
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
            "Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ, các thành",
            "viên Tổ công tác và các cơ quan, đơn vị liên quan chịu trách nhiệm thi",
            "hành Quyết định này.",
        ],
        "signer": ("CHỦ TỊCH", None, "Lê Minh Tuấn"),
        "recipients": ["- Như Điều 3;", "- Lưu: VT."],
    },
]


def font(size_pt, bold=False, italic=False):
    name = "LiberationSerif-" + ("BoldItalic" if bold and italic else "Bold" if bold
                                  else "Italic" if italic else "Regular") + ".ttf"
    return ImageFont.truetype(os.path.join(FONT_DIR, name), int(round(size_pt * PT)))


def centred(draw, text, cx, y, f):
    w = draw.textlength(text, font=f)
    draw.text((cx - w / 2, y), text, font=f, fill=0)


def header(draw, doc):
    left_cx, right_cx = int(1.9 * DPI), int(5.6 * DPI)
    y = int(0.8 * DPI)
    line = int(16 * PT)
    ly = y
    if doc["issuer_parent"]:
        centred(draw, doc["issuer_parent"], left_cx, ly, font(12.5))
        ly += line
    for issuer_line in doc["issuer"].split("\n"):  # a long name wraps
        centred(draw, issuer_line, left_cx, ly, font(12.5, bold=True))
        ly += line
    draw.line((left_cx - 0.4 * DPI, ly + 14, left_cx + 0.4 * DPI, ly + 14), fill=0, width=2)
    centred(draw, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right_cx, y, font(12.5, bold=True))
    centred(draw, "Độc lập - Tự do - Hạnh phúc", right_cx, y + line, font(13.5, bold=True))
    draw.line((right_cx - 1.0 * DPI, y + 2 * line + 14, right_cx + 1.0 * DPI, y + 2 * line + 14), fill=0, width=2)
    d, m, yr = doc["date"]
    # The number and the date line share a baseline below both rules.
    ly = max(ly, y + 2 * line)
    centred(draw, "Số: " + doc["number"], left_cx, ly + line * 0.9, font(13))
    centred(draw, "%s, ngày %02d tháng %s năm %d" % (doc["place"], d, ("%02d" % m) if m < 3 else m, yr),
            right_cx, ly + line * 0.9, font(13.5, italic=True))
    return ly + int(line * 2.6)


def body_lines(draw, lines, y, x=int(1.2 * DPI)):
    f = font(14)
    for text in lines:
        draw.text((x, y), text, font=f, fill=0)
        y += int(20 * PT)
    return y


def signature(draw, doc, y):
    right_cx = int(5.6 * DPI)
    line = int(17 * PT)
    authority, position, name = doc["signer"]
    centred(draw, authority, right_cx, y, font(13.5, bold=True))
    if position:
        centred(draw, position, right_cx, y + line, font(13.5, bold=True))
    centred(draw, name, right_cx, y + 5 * line, font(13.5, bold=True))
    ry = y
    draw.text((int(1.2 * DPI), ry), "Nơi nhận:", font=font(12, bold=True, italic=True), fill=0)
    for r in doc["recipients"]:
        ry += int(14 * PT)
        draw.text((int(1.2 * DPI), ry), r, font=font(11), fill=0)


def scanned(page, rng):
    """Slight skew and paper noise, like a flatbed scan."""
    page = page.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, fillcolor=255)
    px = page.load()
    w, h = page.size
    for _ in range(w * h // 1500):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = max(0, px[x, y] - rng.randrange(60, 160))
    return page


def render(doc, rng):
    pages = []
    page = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(page)
    y = header(draw, doc)
    cx = A4[0] // 2
    if doc["type"]:
        centred(draw, doc["type"], cx, y, font(14, bold=True))
        y += int(20 * PT)
    for s in doc["subject"]:
        centred(draw, s, cx, y, font(14, bold=True))
        y += int(19 * PT)
    y = body_lines(draw, doc["body"], y + int(12 * PT))
    if "page2" in doc:
        pages.append(page)
        page = Image.new("L", A4, 255)
        draw = ImageDraw.Draw(page)
        y = body_lines(draw, doc["page2"], int(0.9 * DPI))
    signature(draw, doc, y + int(16 * PT))
    pages.append(page)
    return [scanned(p, rng) for p in pages]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "samples")
    os.makedirs(out, exist_ok=True)
    rng = random.Random(30_2020)
    for doc in DOCUMENTS:
        pages = render(doc, rng)
        d, m, y = doc["date"]
        expected = {"number": doc["number"], "date": "%04d-%02d-%02d" % (y, m, d)}
        if len(pages) == 1:
            path = os.path.join(out, doc["stem"] + ".png")
            pages[0].save(path, dpi=(DPI, DPI), optimize=True)
        else:
            path = os.path.join(out, doc["stem"] + ".tif")
            pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(DPI, DPI),
                          compression="tiff_deflate")
        with open(os.path.join(out, doc["stem"] + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print("wrote", path)


if __name__ == "__main__":
    main()
