"""Hostile, corrupt and foreign uploads are refused with Chinese messages; parsers run in a bounded child."""
import io
import os
import random
import struct
import threading
import time
import zipfile

import openpyxl
import pytest

from planviz.model import HeaderError, PlanError
from planviz.reading.safety import (DEFAULT_LIMITS, MAX_FILE_BYTES, Limits, check_container, defuse,
                                   run_isolated, sniff)

SHEET = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
BILLION_LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b"]>\n")


# -- fixtures built in memory ---------------------------------------------------------

def legit_xlsx(rows: int = 30) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "年度计划"
    sheet.append(["序号", "工作任务", "责任人", "完成时限"])
    for i in range(rows):
        sheet.append([i + 1, f"开展第{i + 1}次主题党日活动", "张书记", "3月底前"])
    sheet.merge_cells("A1:D1")
    workbook.create_sheet("说明").append(["填表说明"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rezip(base: bytes, parts: dict[str, bytes]) -> bytes:
    """The workbook ``base`` with some parts replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename not in parts:
                dst.writestr(info.filename, src.read(info))
        for name, content in parts.items():
            dst.writestr(name, content)
    return out.getvalue()


def plain_zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, content in parts.items():
            dst.writestr(name, content)
    return out.getvalue()


def sheet_xml(body: bytes, prolog: bytes = SHEET_HEAD) -> bytes:
    return prolog + body + b"</worksheet>"


def cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file: FAT in sector 0, directory in sector 1, each stream ≥ 4 KB after."""
    end, fat_mark, free = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    fat, body, directory = [fat_mark, end], b"", bytearray(512)

    def entry(index: int, name: str, kind: int, start: int, size: int) -> None:
        encoded = name.encode("utf-16-le") + b"\0\0"
        pos = index * 128
        directory[pos:pos + len(encoded)] = encoded
        struct.pack_into("<HBB3I", directory, pos + 64, len(encoded), kind, 1, free, free,
                         1 if kind == 5 else free)
        struct.pack_into("<IQ", directory, pos + 116, start, size)

    entry(0, "Root Entry", 5, end, 0)
    for index, (name, payload) in enumerate(streams.items(), start=1):
        payload = payload.ljust(4096, b"\0")
        start, count = len(fat), -(-len(payload) // 512)
        fat += list(range(start + 1, start + count)) + [end]
        body += payload.ljust(count * 512, b"\0")
        entry(index, name, 2, start, len(payload))
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 40, 0, 1, 1, 0, 4096, end, 0, end)
    struct.pack_into("<I", header, 72, 0)
    struct.pack_into("<109I", header, 76, 0, *[free] * 108)
    fat_sector = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff")
    return bytes(header) + fat_sector + bytes(directory) + body


def biff(*records: tuple[int, bytes]) -> bytes:
    return b"".join(struct.pack("<HH", kind, len(data)) + data for kind, data in records)


BOF = (0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0))
FILEPASS = (0x002F, b"\x01\x00" + b"\x01\x00\x01\x00" + b"\x11" * 48)
EOF_RECORD = (0x000A, b"")


def refused(data: bytes, name: str = "计划.xlsx", limits: Limits = DEFAULT_LIMITS) -> str:
    """The Chinese message check_container raises, timed and printed for the report."""
    started = time.perf_counter()
    with pytest.raises(PlanError) as caught:
        check_container(data, name, limits)
    print(f"{name}: {1000 * (time.perf_counter() - started):.1f} ms — {caught.value}")
    message = str(caught.value)
    assert f"「{name}」" in message and "Traceback" not in message
    return message


# -- what passes -------------------------------------------------------------------------

def test_legit_xlsx_passes():
    data = legit_xlsx(2000)
    assert sniff(data, "计划.xlsx") == "xlsx"
    assert check_container(data, "计划.xlsx") == "xlsx"


def test_xlsm_and_unusual_part_names_pass_as_xlsx():
    data = rezip(legit_xlsx(), {"xl/vbaProject.bin": bytes(range(256)) * 40})
    assert check_container(data, "宏.xlsm") == "xlsx"
    moved = plain_zip({"[Content_Types].xml": b'<Types><Override ContentType="application/vnd.openxmlformats-'
                                              b'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
                       "xl/book.xml": b"<workbook/>"})
    assert check_container(moved, "怪名.xlsx") == "xlsx"


@pytest.mark.parametrize("data", [
    "序号,工作任务,责任人\n1,学习贯彻党的二十大精神,李明\n".encode("utf-8"),
    "\ufeff序号,工作任务\n1,三会一课\n".encode("utf-8"),
    "序号,工作任务,责任人\n1,主题党日,王芳\n".encode("gbk"),
    b"\xef\xbb\xbf" + "序号,工作任务,责任人\n1,主题党日,王芳\n".encode("gbk"),
    "序号\t工作任务\n1\t组织生活会\n".encode("utf-16"),
    b"PK,name\n1,party day\n",  # starts like a zip signature, but is text
])
def test_text_tables_pass_as_csv(data):
    assert check_container(data, "计划.csv") == "csv"


def test_cfb_with_a_workbook_stream_is_xls():
    assert check_container(cfb({"Workbook": biff(BOF, EOF_RECORD)}), "旧版.xls") == "xls"
    assert sniff(cfb({"Book": biff(BOF, EOF_RECORD)}), "更旧.xls") == "xls"


# -- what is refused by sniffing ------------------------------------------------------------

@pytest.mark.parametrize("data, expected", [
    (b"", "是空的"),
    (b" \r\n\t \n", "是空的"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "看起来是 PDF 文档"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "看起来是 PNG 图片"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(64), "JPEG"),
    (random.Random(7).randbytes(4096), "无法识别的二进制文件"),
    (b'<html><body><table><tr><td>\xe5\xba\x8f\xe5\x8f\xb7</td></tr></table></body></html>', "网页（HTML）"),
    (b'\xef\xbb\xbf<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook '
     b'xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">',
     "Excel 2003 XML"),
])
def test_non_spreadsheets_are_named(data, expected):
    message = refused(data, "上传.xls")
    assert expected in message


def test_supported_formats_are_listed_for_foreign_files():
    for data in (b"%PDF-1.4", plain_zip({"ppt/presentation.xml": b"<p:presentation/>"})):
        assert "xlsx、xlsm、xls 或 csv" in refused(data, "材料.docx") and "docx" in refused(data, "材料.pptx")


@pytest.mark.parametrize("parts, expected", [
    ({"ppt/presentation.xml": b"<p:presentation/>"}, "PowerPoint"),
    ({"照片.jpg": b"\xff\xd8\xff" + bytes(100)}, "ZIP 压缩包"),
    ({"Index/Document.iwa": bytes(100)}, "Numbers"),
    ({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}, "ods"),
    ({"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": bytes(100)}, "xlsb"),
])
def test_other_zip_packages_are_named(parts, expected):
    assert expected in refused(plain_zip(parts), "文件.xlsx")


def test_truncated_xlsx_is_corrupt():
    data = legit_xlsx()
    for cut in (data[: len(data) // 2], data[:-10], b"PK\x03\x04" + bytes(60)):
        assert "已损坏或不完整" in refused(cut)


def test_too_large_upload():
    data = b"a,b\n" * (MAX_FILE_BYTES // 4 + 1)
    with pytest.raises(PlanError, match="超过 50 MB 的上限"):
        sniff(data, "大表.csv")
    assert "超过 2 KB 的上限" in refused(legit_xlsx(), limits=Limits(max_file_bytes=2048))


def test_encrypted_workbooks():
    # What is detected: stream names in the CFB directory (EncryptedPackage / EncryptionInfo: an
    # OOXML workbook with an open password) and a FILEPASS record in the xls workbook globals.
    ooxml = cfb({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": bytes(5000)})
    assert "设置了打开密码" in refused(ooxml, "加密.xlsx")
    xls = cfb({"Workbook": biff(BOF, FILEPASS, EOF_RECORD)})
    assert "设置了打开密码" in refused(xls, "加密.xls")


def test_cfb_without_workbook_or_with_a_broken_directory():
    assert "另存为”docx" in refused(cfb({"WordDocument": bytes(100)}), "旧文档.xls")
    assert "已损坏" in refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "坏.xls")


# -- what is refused by the container check -------------------------------------------------

def test_zip_bomb_by_ratio():
    bomb = rezip(legit_xlsx(), {SHEET: sheet_xml(b"<sheetData>" + b" " * (40 * 1024 * 1024) + b"</sheetData>")})
    assert "压缩比" in refused(bomb, "炸弹.xlsx")


def test_zip_bomb_by_total_size():
    parts = {f"xl/media/image{i}.png": random.Random(i).randbytes(300_000) for i in range(4)}
    data = rezip(legit_xlsx(), parts)
    assert "超过 1 MB 的上限" in refused(data, limits=Limits(max_uncompressed_bytes=1024 * 1024))


def patch_headers(data: bytes, part: str, central_at: int, local_at: int, fmt: str, value: int) -> bytes:
    """Overwrite one field of ``part``'s central-directory and local headers (offsets within each header)."""
    patched = bytearray(data)
    for signature, name_at, field_at in ((b"PK\x01\x02", 46, central_at), (b"PK\x03\x04", 30, local_at)):
        pos = patched.find(signature)
        while patched[pos + name_at:pos + name_at + len(part)] != part.encode():
            pos = patched.find(signature, pos + 4)
        struct.pack_into(fmt, patched, pos + field_at, value)
    return bytes(patched)


def test_zip_that_lies_about_sizes_is_corrupt():
    """A huge entry declared small passes the ratio check, but reading stops at the declared size (bad CRC)."""
    data = rezip(legit_xlsx(), {SHEET: sheet_xml(b"<sheetData>" + b"<row/>" * 400_000 + b"</sheetData>")})
    assert "已损坏" in refused(patch_headers(data, SHEET, 24, 22, "<I", 5000), "撒谎.xlsx")


def test_damaged_deflate_data_is_corrupt():
    data = bytearray(rezip(legit_xlsx(), {SHEET: sheet_xml(random.Random(3).randbytes(200_000).hex().encode())}))
    middle = data.find(SHEET.encode()) + 40_000
    data[middle:middle + 2000] = random.Random(4).randbytes(2000)
    assert "已损坏" in refused(bytes(data), "损坏.xlsx")


def test_zip_level_password_is_encrypted():
    data = patch_headers(legit_xlsx(), SHEET, 8, 6, "<H", 0x1)
    assert "设置了打开密码" in refused(data, "压缩密码.xlsx")


def test_too_many_entries():
    parts = {f"xl/media/p{i}.txt": b"" for i in range(DEFAULT_LIMITS.max_entries + 1)}
    assert "部件，超过" in refused(plain_zip({"xl/workbook.xml": b"<workbook/>", **parts}), "碎片.xlsx")


@pytest.mark.parametrize("part, body", [
    (SHEET, BILLION_LAUGHS + b"<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol9;</t></is></c>"
                             b"</row></sheetData></worksheet>"),
    ("xl/sharedStrings.xml", BILLION_LAUGHS + b"<sst><si><t>&lol9;</t></si></sst>"),
    (SHEET, b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b"<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"),
    ("xl/styles.xml", b'<?xml version="1.0"?><!-- ' + b"x" * 100_000 + b' --><!DOCTYPE s><styleSheet/>'),
    (SHEET, ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w [<!ENTITY a "b">]><worksheet/>')
     .encode("utf-16")),
])
def test_xml_entities_and_doctypes(part, body):
    assert "DOCTYPE/ENTITY" in refused(rezip(legit_xlsx(), {part: body}), "实体.xlsx")


def test_comments_and_processing_instructions_in_the_prolog_pass():
    prolog = (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- generated by <tool> -->\n<?mso-application progid="x"?>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
    data = rezip(legit_xlsx(), {SHEET: sheet_xml(b"<sheetData/>", prolog)})
    assert check_container(data, "注释.xlsx") == "xlsx"


@pytest.mark.parametrize("ref", ["A1:XFD1048576", "$A$1:$ZZ$9999999", "B2:AAAAAA3"])
def test_absurd_declared_dimension_is_dropped_not_refused(ref):
    """Whole-column formatting in Excel or WPS declares A1:XFD1048576 over a few rows: the real cells count."""
    sheet = sheet_xml(b'<dimension ref="%s"/><sheetData/>' % ref.encode())
    data = rezip(legit_xlsx(), {SHEET: sheet})
    assert check_container(data, "全表.xlsx") == "xlsx"
    with zipfile.ZipFile(io.BytesIO(defuse(data))) as zf:
        assert b"<dimension" not in zf.read(SHEET)


def test_too_many_real_cells_names_the_sheet():
    cells = b"".join(b'<c r="A%d"><v>1</v></c>' % i for i in range(1, 30))
    sheet = sheet_xml(b'<dimension ref="A1"/><sheetData><row r="1">%s</row></sheetData>' % cells)
    message = refused(rezip(legit_xlsx(), {SHEET: sheet}), "多表.xlsx", Limits(max_cells=20))
    assert "工作表「年度计划」" in message and "20" in message


@pytest.mark.parametrize("count", [b"4000000000", b"18446744073709551615"])
def test_absurd_shared_string_counts_are_dropped(count):
    sst = (b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           b'count="%s" uniqueCount="%s"><si><t>x</t></si></sst>' % (count, count))
    data = rezip(legit_xlsx(), {"xl/sharedStrings.xml": sst})
    with zipfile.ZipFile(io.BytesIO(defuse(data))) as zf:
        part = zf.read("xl/sharedStrings.xml")
    assert count not in part and b"<si><t>x</t></si>" in part


def test_ordinary_workbook_is_not_rebuilt():
    data = legit_xlsx()
    assert defuse(data) is data


def test_ordinary_dimension_passes():
    sheet = sheet_xml(b'<dimension ref="A1:Z100000"/><sheetData/>')
    assert check_container(rezip(legit_xlsx(), {SHEET: sheet}), "大表.xlsx") == "xlsx"


def test_many_merged_ranges():
    merges = b"".join(b'<mergeCell ref="A%d:B%d"/>' % (i, i) for i in range(1, 200_001))
    sheet = sheet_xml(b'<dimension ref="A1:B3"/><sheetData/><mergeCells count="200000">'
                      + merges + b"</mergeCells>")
    assert "合并单元格" in refused(rezip(legit_xlsx(), {SHEET: sheet}), "合并.xlsx")


def test_merges_are_counted_exactly_across_read_chunks():
    merges = b"".join(b'<x:mergeCell ref="A%d:B%d"/>' % (i, i) for i in range(1, 60_001))  # > 2 MB
    sheet = sheet_xml(b"<sheetData/><x:mergeCells>" + merges + b"</x:mergeCells>")
    data = rezip(legit_xlsx(), {SHEET: sheet})
    assert check_container(data, "合并.xlsx", Limits(max_merged_ranges=60_000)) == "xlsx"
    assert "合并单元格" in refused(data, "合并.xlsx", Limits(max_merged_ranges=59_999))


def test_sheets_found_through_workbook_relationships():
    base = legit_xlsx()
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        rels = zf.read("xl/_rels/workbook.xml.rels").replace(b"worksheets/sheet1.xml", b"data/plan.xml")
    cells = b"".join(b'<c r="A%d"><v>1</v></c>' % i for i in range(1, 300))
    moved = rezip(base, {"xl/_rels/workbook.xml.rels": rels,
                         "xl/data/plan.xml": sheet_xml(b'<sheetData><row r="1">%s</row></sheetData>' % cells)})
    assert "工作表「年度计划」" in refused(moved, "改名.xlsx", Limits(max_cells=200))  # the old part has 121


# -- run_isolated ------------------------------------------------------------------------------

def _raise_header_error():
    raise HeaderError("找不到表头", sheet="年度计划", header_row=3, columns=("序号", "任务"))


def _raise_plan_error():
    raise PlanError("工作表「计划」没有任何工作任务。")


def _raise_key_error():
    raise KeyError("xl/worksheets/sheet9.xml")


def _allocate(gigabytes: int) -> int:
    return len(bytearray(gigabytes * 1024 ** 3))


def test_run_isolated_returns_the_result():
    assert run_isolated(sorted, [3, 1, 2], reverse=True) == [3, 2, 1]


def test_run_isolated_survives_an_abort():
    with pytest.raises(PlanError, match="文件已损坏或格式异常"):
        run_isolated(os.abort)


def test_run_isolated_times_out():
    with pytest.raises(PlanError, match="读取超时"):
        run_isolated(time.sleep, 30, limits=Limits(timeout_s=0.5))


def test_run_isolated_caps_memory():
    with pytest.raises(PlanError, match="文件过大"):
        run_isolated(_allocate, 4, limits=Limits(memory_mb=1024))


def test_run_isolated_passes_plan_errors_through():
    with pytest.raises(PlanError, match="没有任何工作任务"):
        run_isolated(_raise_plan_error)
    with pytest.raises(HeaderError) as caught:
        run_isolated(_raise_header_error)
    error = caught.value
    assert (str(error), error.sheet, error.header_row, error.columns) == (
        "找不到表头", "年度计划", 3, ("序号", "任务"))


def test_run_isolated_summarises_other_errors():
    with pytest.raises(PlanError) as caught:
        run_isolated(_raise_key_error)
    message = str(caught.value)
    assert message.startswith("读取文件时出错：KeyError") and "Traceback" not in message


def test_run_isolated_from_threads():
    results, errors = {}, {}

    def work(n: int) -> None:
        try:
            results[n] = run_isolated(pow, n, 2)
            run_isolated(os.abort)
        except PlanError as error:
            errors[n] = str(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {n: n * n for n in range(4)}
    assert set(errors) == set(range(4)) and all("已损坏" in e for e in errors.values())
