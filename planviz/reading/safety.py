"""Refuses hostile or unusable uploads (bombs, XML entities, absurd sizes) before any spreadsheet or Word parser sees them."""
from __future__ import annotations

import codecs
import faulthandler
import gc
import io
import multiprocessing
import os
import posixpath
import re
import resource
import struct
import zipfile
import zlib
from dataclasses import dataclass

from defusedxml import ElementTree

from ..model import PlanError

MAX_FILE_BYTES = 50 * 1024 * 1024  # upload size limit
_MB = 1024 * 1024
_SUPPORTED = "请上传 xlsx、xlsm、xls 或 csv 格式的计划表，或 docx 格式的 Word 计划。"
_RESAVE = "若这是正常的计划表，请用 Excel 打开后重新保存再上传。"
_HEAD = 64 * 1024  # bytes of each XML part inspected for its prolog
_CHUNK = _MB  # streaming read size


@dataclass(frozen=True)
class Limits:
    """Bounds for one upload; the defaults leave ample room for real plans (< 5 MB, < 100k cells)."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_uncompressed_bytes: int = 300 * _MB  # all zip entries together, as declared
    max_entry_ratio: float = 200.0  # uncompressed / compressed, for entries over 1 MB
    max_entries: int = 10_000
    max_cells: int = 5_000_000  # declared <dimension> of one worksheet
    max_merged_ranges: int = 50_000  # per worksheet
    timeout_s: float = 60.0
    memory_mb: int = 2048  # address space the child may add to what it inherits


DEFAULT_LIMITS = Limits()


# -- sniffing -----------------------------------------------------------------

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OTHER_MAGIC = (  # (magic prefix, what the user uploaded); prefixes a CSV could start with are left out
    (b"%PDF", "PDF 文档"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
    (b"{\\rtf", "RTF 文档"),
    (b"\x7fELF", "程序文件"),
)


def _not_sheet(name: str, what: str) -> PlanError:
    space = " " if what[0].isascii() else ""
    return PlanError(f"文件「{name}」不是电子表格（看起来是{space}{what}）。{_SUPPORTED}")


def _corrupt(name: str) -> PlanError:
    return PlanError(f"文件「{name}」已损坏或不完整（可能没有上传完），无法打开。"
                     f"请用 Excel 打开确认内容无误、重新保存后再上传。")


def _encrypted(name: str) -> PlanError:
    if name.lower().endswith((".docx", ".docm", ".doc")):  # an encrypted package does not say which program made it
        return PlanError(f"文件「{name}」设置了打开密码（已加密），无法读取。请用 Word 打开，"
                         f"在“文件 → 信息 → 保护文档 → 用密码进行加密”中清空密码，保存后再上传。")
    return PlanError(f"文件「{name}」设置了打开密码（已加密），无法读取。请用 Excel 打开，"
                     f"在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清空密码，保存后再上传。")


def _size(n: float) -> str:
    """Byte count as office staff read it: "52.3 MB", "2 KB"."""
    value, unit = (n / _MB, "MB") if n >= _MB else (n / 1024, "KB")
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def _too_large(name: str, size: int, limit: int) -> PlanError:
    return PlanError(f"文件「{name}」有 {_size(size)}，超过 {_size(limit)} 的上限。"
                     f"计划表通常不到 5 MB，请删除无关的工作表和图片后再上传。")


def sniff(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """Kind of an upload by its bytes, not its name: "xlsx" (incl. xlsm), "xls", "csv" or "docx".

    Raises PlanError, naming the file, for empty, too large, encrypted, corrupt or non-spreadsheet files.
    """
    if not data.strip():
        raise PlanError(f"文件「{name}」是空的，没有任何内容。请确认上传的是已填写的计划表。")
    if len(data) > limits.max_file_bytes:
        raise _too_large(name, len(data), limits.max_file_bytes)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        count = _declared_entries(data)
        if count > limits.max_entries:  # refuse before zipfile builds one object per entry
            raise PlanError(f"文件「{name}」内部有 {count} 个部件，超过 {limits.max_entries} 个的上限，"
                            f"疑似异常文件，已拒绝读取。{_RESAVE}")
        return _sniff_zip(data, name)
    if data.startswith(_CFB_MAGIC):
        return _sniff_cfb(data, name)
    for magic, what in _OTHER_MAGIC:
        if data.startswith(magic):
            raise _not_sheet(name, what)
    return _sniff_text(data, name)


# bad CRC, sizes that lie, broken deflate data, unknown compression, truncated entry, zip password
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, OSError, ValueError, RuntimeError)


def _declared_entries(data: bytes) -> int:
    """Entry count from the zip's end-of-central-directory record (zip64 aware); 0 when absent."""
    try:
        pos = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
        count, = struct.unpack_from("<H", data, pos + 10) if pos >= 0 else (0,)
        locator = pos - 20
        if count == 0xFFFF and locator >= 0 and data.startswith(b"PK\x06\x07", locator):
            record, = struct.unpack_from("<Q", data, locator + 8)
            if data.startswith(b"PK\x06\x06", record):
                count, = struct.unpack_from("<Q", data, record + 32)
        return count
    except struct.error:
        return 0  # zipfile reports the damage


def _sniff_zip(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = {n.lower(): n for n in zf.namelist()}
            if "xl/workbook.xml" in names or _declares_workbook(zf, names):
                return "xlsx"
            if "xl/workbook.bin" in names:
                raise PlanError(f"文件「{name}」是 Excel 二进制工作簿（xlsb），暂不支持。"
                                f"请在 Excel 中“另存为”xlsx 格式后再上传。")
            if "mimetype" in names:
                kind = zf.open(names["mimetype"]).read(100)
                what = "OpenDocument 表格（ods）" if b"spreadsheet" in kind else "OpenDocument 文档"
                raise _not_sheet(name, what)
    except _ZIP_ERRORS:
        raise _corrupt(name) from None
    if "word/document.xml" in names:
        return "docx"  # a Word plan (also when renamed .xlsx); reading/docx.py reads it
    if "ppt/presentation.xml" in names:
        raise _not_sheet(name, "PowerPoint 演示文稿")
    if any(n.startswith("index/") and n.endswith(".iwa") for n in names):
        raise _not_sheet(name, "苹果 Numbers/Pages 文档，请先导出为 Excel")
    raise _not_sheet(name, "不含 Excel 工作簿的 ZIP 压缩包")


def _declares_workbook(zf: zipfile.ZipFile, names: dict[str, str]) -> bool:
    """A workbook stored under an unusual part name, announced in [Content_Types].xml."""
    if "[content_types].xml" not in names:
        return False
    types = zf.open(names["[content_types].xml"]).read(_HEAD)
    return b"spreadsheetml" in types and b"main+xml" in types


def _sniff_cfb(data: bytes, name: str) -> str:
    try:
        cfb = _open_cfb(data)
        streams = _cfb_streams(cfb)
        book = streams.get("workbook") or streams.get("book")
        encrypted = book is not None and _biff_has_filepass(cfb, *book)
    except (struct.error, ValueError):
        raise _corrupt(name) from None
    if "encryptedpackage" in streams or "encryptioninfo" in streams:
        raise _encrypted(name)  # OOXML workbook with a password: a CFB wrapping the encrypted zip
    if book is not None:
        if encrypted:
            raise _encrypted(name)
        return "xls"
    if "worddocument" in streams:
        raise PlanError(f"文件「{name}」是旧版 Word 文档（.doc），无法直接读取。"
                        f"请用 Word 或 WPS 打开，“另存为”docx 格式（Word 文档）后再上传。")
    if "powerpoint document" in streams:
        raise _not_sheet(name, "PowerPoint 演示文稿（ppt）")
    raise _not_sheet(name, "不含工作簿的 Office 复合文档")


_HTML_STARTS = (b"<html", b"<!doctype html", b"<head", b"<body", b"<table", b"<meta", b"<style")


def _sniff_text(data: bytes, name: str) -> str:
    head = data[:_HEAD]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "csv"  # UTF-16 text, as Excel's “Unicode 文本” saves it
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if head.count(0) > len(head) // 100 or controls > len(head) // 10:  # text with a few stray control bytes is
        raise _not_sheet(name, "无法识别的二进制文件")                     # still a CSV (the reader drops them)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096].lower()
    resave = "请用 Excel 打开后“另存为”xlsx 格式再上传。"
    if start.startswith(b"<") and b"urn:schemas-microsoft-com:office:spreadsheet" in start:
        raise PlanError(f"文件「{name}」是 Excel 2003 XML 表格，不能直接读取。{resave}")
    if start.startswith(_HTML_STARTS) or (start.startswith(b"<?xml") and b"<html" in start):
        raise PlanError(f"文件「{name}」实际上是网页（HTML）格式，只是扩展名像表格"
                        f"（一些系统导出的“xls”就是这样）。{resave}")
    if start.startswith(b"<?xml"):
        raise _not_sheet(name, "XML 文件")
    text = head.removeprefix(b"\xef\xbb\xbf")  # some WPS exports put GBK text behind a UTF-8 BOM
    if controls > len(head) // 100 and not _mostly_text(text):
        raise _not_sheet(name, "无法识别的二进制文件")
    if _decodes(text, final=len(head) < _HEAD):  # the head may cut a multi-byte character
        return "csv"
    raise _not_sheet(name, "无法识别编码的文本或二进制文件")


def _decodes(text: bytes, final: bool) -> bool:
    """True when the bytes are UTF-8 or GB18030; unless ``final``, a character cut at the end is fine."""
    for encoding in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(text, final=final)
            return True
        except UnicodeDecodeError:
            continue
    return False


def _mostly_text(head: bytes) -> bool:
    """True when the bytes decode as UTF-8 or GB18030 into mostly letters, digits, CJK and punctuation."""
    for encoding in ("utf-8", "gb18030"):
        try:
            decoded = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\t\r\n" for ch in decoded)
        return printable >= 0.9 * max(len(decoded), 1)
    return False


# -- compound file (OLE2/CFB) directory ------------------------------------------

_MARKER = 0xFFFFFFFA  # sector ids at or above this mean free, end of chain, FAT or DIFAT
_MINI_CUTOFF = 4096  # smaller streams live in the mini stream (not followed here)
_FILEPASS, _BIFF_EOF = 0x002F, 0x000A


@dataclass(frozen=True)
class _Cfb:
    """The parts of a compound file needed to list streams and read the start of one."""

    data: bytes
    sector_size: int
    fat: tuple[int, ...]

    def sector(self, i: int) -> bytes:
        if (i + 2) * self.sector_size > len(self.data):
            raise ValueError("sector out of range")
        return self.data[(i + 1) * self.sector_size:(i + 2) * self.sector_size]

    def chain(self, start: int, limit: int):
        """Sector contents along a FAT chain, at most ``limit`` sectors, loops cut."""
        seen: set[int] = set()
        while start < _MARKER and start not in seen and len(seen) < limit:
            seen.add(start)
            yield self.sector(start)
            start = self.fat[start] if start < len(self.fat) else _MARKER


def _open_cfb(data: bytes) -> _Cfb:
    shift, = struct.unpack_from("<H", data, 30)
    if shift not in (9, 12):
        raise ValueError("sector size")
    size = 1 << shift
    n_sectors = len(data) // size
    cfb = _Cfb(data, size, ())
    fat_ids = [s for s in struct.unpack_from("<109I", data, 76) if s < _MARKER]
    difat, = struct.unpack_from("<I", data, 68)
    for _ in range(n_sectors):  # the DIFAT chain lists FAT sectors beyond the first 109
        if difat >= _MARKER:
            break
        ids = struct.unpack(f"<{size // 4}I", cfb.sector(difat))
        fat_ids += [s for s in ids[:-1] if s < _MARKER]
        difat = ids[-1]
    fat = b"".join(cfb.sector(s) for s in fat_ids[:n_sectors])
    return _Cfb(data, size, struct.unpack(f"<{len(fat) // 4}I", fat))


def _cfb_streams(cfb: _Cfb) -> dict[str, tuple[int, int]]:
    """Stream names (lowercase, as CFB compares them) → (start sector, size); only the directory is read."""
    streams: dict[str, tuple[int, int]] = {}
    first_dir, = struct.unpack_from("<I", cfb.data, 48)
    for block in cfb.chain(first_dir, len(cfb.fat)):
        for pos in range(0, len(block), 128):
            name_len, kind = struct.unpack_from("<HB", block, pos + 64)
            start, size = struct.unpack_from("<IQ", block, pos + 116)
            if kind == 2 and 2 <= name_len <= 64:  # 2: stream
                name = block[pos:pos + name_len - 2].decode("utf-16-le", "replace").lower()
                streams[name] = (start, size & 0xFFFFFFFF if cfb.sector_size == 512 else size)
    return streams


def _biff_has_filepass(cfb: _Cfb, start: int, size: int) -> bool:
    """Whether the workbook globals (first few KB of the stream) carry a FILEPASS record."""
    if size < _MINI_CUTOFF:
        return False  # such tiny streams sit in the mini stream; xlrd still refuses them if encrypted
    head = b"".join(cfb.chain(start, 8 * 512 // cfb.sector_size + 1))
    pos = 0
    while pos + 4 <= len(head):
        kind, length = struct.unpack_from("<HH", head, pos)
        if kind in (_FILEPASS, _BIFF_EOF):
            return kind == _FILEPASS
        pos += 4 + length
    return False


# -- container checks ---------------------------------------------------------------

_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([$A-Za-z\d]*)(?::([$A-Za-z\d]*))?[\"']")
_CELL_REF = re.compile(r"\$?([A-Za-z]*)\$?(\d*)")
_XML_NAME_START = re.compile(r"[A-Za-z_:\u00c0-\uffff]")
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def check_container(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """Sniff the upload and, for a workbook zip, check sizes, ratios, XML prologs, dimensions and merges.

    Only the zip directory, the first KB of each part and one bounded streaming pass over each
    worksheet are read. Returns the kind ("xlsx", "xls", "csv" or "docx"); raises PlanError otherwise.
    """
    kind = sniff(data, name, limits)
    if kind in ("xlsx", "docx"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                _check_zip(zf, name, limits)
        except _ZIP_ERRORS:
            raise _corrupt(name) from None
    return kind


def _check_zip(zf: zipfile.ZipFile, name: str, limits: Limits) -> None:
    infos = zf.infolist()
    suspicious = f"疑似异常文件，已拒绝读取。{_RESAVE}"
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise PlanError(f"文件「{name}」解压后有 {_size(total)}，超过 "
                        f"{_size(limits.max_uncompressed_bytes)} 的上限，{suspicious}")
    for info in infos:
        if info.flag_bits & 0x1:
            raise _encrypted(name)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _MB and ratio > limits.max_entry_ratio:
            raise PlanError(f"文件「{name}」中的部件「{info.filename}」压缩比高达 {ratio:.0f} 倍"
                            f"（疑似“压缩炸弹”），已拒绝读取。{_RESAVE}")
    sheets = sheet_parts(zf)
    for info in infos:
        with zf.open(info) as part:
            head = part.read(_HEAD)
            if not _prolog_is_safe(head):
                raise PlanError(f"文件「{name}」中的部件「{info.filename}」含有不允许的 XML 声明"
                                f"（DOCTYPE/ENTITY）或异常的文件头，{suspicious}")
            lower = info.filename.lower()
            if info.filename in sheets or (lower.startswith("xl/worksheets/") and lower.endswith(".xml")):
                sheet = sheets.get(info.filename) or posixpath.basename(info.filename)
                _check_merges(head, part, name, sheet, limits)


def _prolog_is_safe(head: bytes) -> bool:
    """No DOCTYPE (hence no entity) before the root element; non-XML parts pass."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        text = head.decode("utf-16", "ignore") if head[:2] in (b"\xff\xfe", b"\xfe\xff") else \
            head.decode("utf-16-le" if head[1:2] == b"\x00" else "utf-16-be", "ignore")
    else:
        text = head.decode("latin-1")
    text = text.lstrip("\ufeff\xef\xbb\xbf \t\r\n")
    if not text.startswith("<"):
        return True  # not XML (images, vbaProject.bin): no parser sees it as XML
    pos = 0
    while pos < len(text):
        if text.startswith("<?", pos):
            closer = "?>"
        elif text.startswith("<!--", pos):
            closer = "-->"
        elif text.startswith("<", pos) and _XML_NAME_START.match(text, pos + 1):
            return True  # the root element: a DOCTYPE can no longer follow
        elif text[pos].isspace():
            pos += 1
            continue
        else:
            return False  # <!DOCTYPE, <!ENTITY or anything odd in the prolog
        end = text.find(closer, pos + 2)
        if end < 0:
            return False  # prolog longer than the head: refuse rather than read on
        pos = end + len(closer)
    return False


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part name → sheet name as the user sees it; best effort, {} when unreadable."""
    try:
        workbook = ElementTree.fromstring(zf.open("xl/workbook.xml").read(4 * _MB), forbid_dtd=True)
        rels = ElementTree.fromstring(zf.open("xl/_rels/workbook.xml.rels").read(4 * _MB), forbid_dtd=True)
    except Exception:  # noqa: BLE001 - names only improve messages; the checks run without them
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    names = {}
    for sheet in workbook.iter():
        if sheet.tag.endswith("}sheet") and sheet.get(_REL_NS) in targets:
            target = targets[sheet.get(_REL_NS)]
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
            names[part] = sheet.get("name", "")
    return names


def _cells(ref: str) -> tuple[int, int]:
    """(row, column) numbers of a cell reference such as "XFD1048576"; missing parts count as 1."""
    match = _CELL_REF.fullmatch(ref)
    if not match:
        return 1, 1  # not a reference any reader would size a sheet by
    letters, digits = match.groups()
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - 64
    return int(digits or 1), max(column, 1)


def _declared_cells(head: bytes) -> int:
    """Cells in the <dimension> a worksheet declares (0 when none): a hint, not what the sheet holds."""
    match = _DIMENSION.search(head)
    if not match:
        return 0
    first, last = (m.decode("ascii") for m in match.groups(match.group(1)))
    (r1, c1), (r2, c2) = _cells(first), _cells(last)
    return (abs(r2 - r1) + 1) * (abs(c2 - c1) + 1)


def _too_many_cells(name: str, sheet: str, count: int, limits: Limits) -> PlanError:
    return PlanError(f"文件「{name}」的工作表「{sheet}」有超过 {limits.max_cells:,} 个填写过的单元格（已数到 {count:,} 个），"
                     f"超过上限。请删除无关的行、列和工作表，保存后再上传。")


def _check_merges(head: bytes, part, name: str, sheet: str, limits: Limits) -> None:
    """Count <mergeCell> and <c> (cell) elements in one streaming pass: the cells a sheet really holds
    are capped, not the range it declares (whole-column formatting declares A1:XFD1048576).

    Each chunk is counted up to its last '<' (searched near the end only, so the carried tail stays
    small): an element name follows its '<' directly, so none is split between two counts.
    """
    count = cells = 0
    buffer = head
    while True:
        chunk = part.read(_CHUNK)
        cut = buffer.rfind(b"<", max(0, len(buffer) - 256)) if chunk else -1
        cut = len(buffer) if cut < 0 else cut
        done, buffer = buffer[:cut], buffer[cut:] + chunk
        count += done.count(b"mergeCell") - done.count(b"mergeCells")  # names of both elements
        cells += done.count(b"<c ") + done.count(b"<c>")
        if count > limits.max_merged_ranges:
            raise PlanError(f"文件「{name}」的工作表「{sheet}」有超过 {limits.max_merged_ranges:,} 个合并单元格区域，"
                            f"疑似异常文件，已拒绝读取。请取消不必要的合并单元格，保存后再上传。")
        if cells > limits.max_cells:
            raise _too_many_cells(name, sheet, cells, limits)
        if not chunk:
            return


_ROOT_SST = re.compile(rb"<(?:[\w.-]+:)?sst\b[^>]*>")
_COUNT_ATTR = re.compile(rb"\s(?:count|uniqueCount)\s*=\s*[\"'](\d+)[\"']")
_DIMENSION_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*?/>")
MAX_COUNT_HINT = 1_000_000  # strings a plan could hold; a larger declared count is dropped, not trusted


def defuse(data: bytes, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The workbook without the size hints a parser would allocate from: a sharedStrings count beyond
    MAX_COUNT_HINT (python-calamine aborts on it) and a declared dimension beyond the cell limit.
    Returns ``data`` itself when there is nothing to drop. Run it in the isolated child: it inflates parts."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        return data
    with zf:
        heads: dict[str, bytes] = {}
        for info in zf.infolist():
            lower = info.filename.lower()
            if not lower.endswith(".xml") or not (lower.startswith("xl/worksheets/") or lower.endswith("sharedstrings.xml")):
                continue
            with zf.open(info) as part:
                head = part.read(_HEAD)
            fixed = _without_hints(head, limits)
            if fixed != head:
                heads[info.filename] = fixed
        if not heads:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rebuilt:
            for info in zf.infolist():
                body = zf.read(info)
                if info.filename in heads:
                    body = heads[info.filename] + body[_HEAD:]
                rebuilt.writestr(info, body)
        return out.getvalue()


def _without_hints(head: bytes, limits: Limits) -> bytes:
    root = _ROOT_SST.search(head)
    if root and any(int(n) > MAX_COUNT_HINT for n in _COUNT_ATTR.findall(root.group())):
        return head[:root.start()] + _COUNT_ATTR.sub(b"", root.group()) + head[root.end():]
    if _declared_cells(head) > limits.max_cells:
        return _DIMENSION_ELEMENT.sub(b"", head, count=1)
    return head


# -- isolated parsing ----------------------------------------------------------------

def run_isolated(func, *args, limits: Limits = DEFAULT_LIMITS, **kwargs):
    """Run ``func(*args, **kwargs)`` in a child process with a memory cap and a wall-clock timeout.

    Returns its (picklable) result. A crash (e.g. a SIGABRT inside python-calamine), timeout or
    MemoryError becomes a PlanError with a Chinese message; a PlanError (or HeaderError) raised in the
    child is raised again here; any other exception becomes PlanError("读取文件时出错：…").
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, limits.memory_mb, func, args, kwargs), daemon=True)
    child.start()
    sender.close()  # so that the child's death shows here as end of file
    try:
        if not receiver.poll(limits.timeout_s):
            raise PlanError(f"读取超时：文件在 {limits.timeout_s:g} 秒内没有读完，可能内容过多或格式异常。"
                            f"请删除无关的工作表、空行和空列后重新保存再上传。")
        try:
            status, value = receiver.recv()
        except (EOFError, OSError):
            status, value = "crash", None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if status == "ok":
        return value
    if status == "plan":
        raise value
    if status == "memory":
        raise PlanError(f"文件过大：读取时所需内存超过 {limits.memory_mb} MB 的上限。"
                        f"请删除无关的工作表、空行和空列后重新保存再上传。")
    if status == "error":
        raise PlanError(f"读取文件时出错：{value}。请用 Excel 打开确认内容无误、重新保存后再上传。")
    raise PlanError("文件已损坏或格式异常，无法读取（读取程序意外退出）。请用 Excel 打开确认内容无误、"
                    "另存为 xlsx 后再上传；若文件很大，请先删除无关的工作表、空行和空列。")


def _child(sender, memory_mb: int, func, args, kwargs) -> None:
    """Child side of run_isolated: cap memory (on top of what fork inherited), run, report."""
    gc.freeze()  # collections in the child skip inherited objects: no copy-on-write of the whole heap
    faulthandler.disable()  # an abort here is expected and reported by the parent, not dumped to the log
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort must not leave a core dump
        with open("/proc/self/statm") as statm:  # virtual size inherited from the parent
            inherited = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        inherited = 0
    try:
        cap = inherited + memory_mb * _MB
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
    except (ValueError, OSError):
        pass  # platforms without RLIMIT_AS: the timeout still bounds the child
    try:
        message = ("ok", func(*args, **kwargs))
    except MemoryError:
        message = ("memory", None)
    except PlanError as error:
        message = ("plan", error)  # pickles with its attributes (HeaderError's sheet, header_row, columns)
    except Exception as error:  # noqa: BLE001 - reported to the user as a short Chinese message
        message = ("error", _brief(error))
    try:
        sender.send(message)
    except MemoryError:
        sender.send(("memory", None))
    except Exception as error:  # noqa: BLE001 - e.g. an unpicklable result
        sender.send(("error", _brief(error)))
    sender.close()


def _brief(error: Exception) -> str:
    text = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__

