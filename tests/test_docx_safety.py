"""Hostile and unusable Word files: refused with a Chinese message naming the file, never a traceback."""
import io
import zipfile

import docx
import pytest

import docs
from planviz.model import PlanError
from planviz.reading import load_plan
from planviz.reading.safety import check_container

BODY = "word/document.xml"


def refused(data: bytes, name: str = "计划.docx") -> str:
    with pytest.raises(PlanError) as caught:
        load_plan(data, name)
    message = str(caught.value)
    assert f"「{name}」" in message or "文件" in message
    assert "Traceback" not in message and "Error:" not in message.replace("Error：", "")
    return message


def document_with(body: bytes, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A real python-docx package whose body part is replaced by ``body``."""
    return docs.rezip(docs.save(docx.Document()), {BODY: body}, compression=compression)


def test_docx_is_recognised_by_content_whatever_its_name():
    data = docs.branch_prose()
    assert check_container(data, "计划.xlsx") == "docx"
    assert load_plan(data, "计划.xlsx").sections  # a Word plan renamed .xlsx is still read
    from planviz.template import template_bytes

    assert check_container(template_bytes(), "模板.docx") == "xlsx"  # and the reverse
    assert load_plan(template_bytes(), "模板.docx").items


def test_old_binary_doc_asks_for_docx():
    from test_safety import cfb

    message = refused(cfb({"WordDocument": bytes(5000)}), "计划.doc")
    assert "旧版 Word 文档" in message and "docx" in message


def test_zip_bomb_in_the_body_is_refused():
    huge = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' \
           + b" " * (30 * 1024 * 1024) + b"</w:document>"
    assert "压缩炸弹" in refused(document_with(huge))


def test_entity_declarations_are_refused():
    evil = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            b'<w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
    assert "DOCTYPE" in refused(document_with(evil))


@pytest.mark.parametrize("element", [b"<w:p/>", b"<x:tc/>"])
def test_absurd_counts_are_refused_before_parsing(element):
    body = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            b'xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + element * 600_000 + b"</w:body></w:document>")
    assert "多得异常" in refused(document_with(body, zipfile.ZIP_STORED))  # stored: the ratio check does not see it


def test_absurd_grid_span_is_refused():
    document = docx.Document()
    docs.add_table(document, [["序号", "工作内容", "责任人"], ["1", "学习", "张三"]])
    data = docs.save(document)
    body = docs.part(data, BODY).replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="99999999"/>', 1)
    assert "列" in refused(docs.rezip(data, {BODY: body}))


def test_truncated_and_garbled_documents():
    data = docs.branch_prose()
    assert "已损坏或不完整" in refused(data[: len(data) // 2])
    garbled = document_with(b"<w:document><w:body><w:p>")
    assert "docx" in refused(garbled)


def test_empty_document_says_what_a_plan_needs():
    message = refused(docs.save(docx.Document()), "空白.docx")
    assert "没有找到计划内容" in message and "工作内容" in message


def test_document_without_plan_table_asks_for_columns():
    """A lone table whose header the reader cannot name: the column-mapping request, naming 表 1."""
    from planviz.model import HeaderError

    document = docx.Document()
    docs.add_table(document, [["第一栏", "第二栏", "第三栏"], ["学习党章", "张三", "3月"], ["党课", "李四", "6月"]])
    with pytest.raises(HeaderError) as caught:
        load_plan(docs.save(document), "表格.docx")
    assert "表 1" in str(caught.value) and "工作表" not in str(caught.value)
    assert caught.value.columns == ("第一栏", "第二栏", "第三栏")
    plan = load_plan(docs.save(document), "表格.docx",
                     column_map={"第一栏": "title", "第二栏": "owners", "第三栏": "deadline"})
    assert [i.owners for i in plan.items] == [("张三",), ("李四",)]


def test_encrypted_word_document_says_how_in_word():
    from test_safety import cfb

    message = refused(cfb({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": bytes(5000)}), "加密.docx")
    assert "打开密码" in message and "Word" in message and "保护文档" in message


def test_tracked_insertions_and_smart_tags_are_read_deletions_are_not():
    """Drafts circulated for comment (征求意见稿) carry tracked changes; python-docx's text skips w:ins runs."""
    data = docs.prose(["青禾市某某党支部2026年党建工作计划", "一、政治建设", "1. 开展专题学习，责任人：张伟，3月底前完成"])
    body = docs.part(data, BODY)
    w = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    inserted = ('<w:p><w:ins w:id="1" w:author="a"><w:r><w:t>2. </w:t></w:r></w:ins><w:smartTag w:uri="u" '
                'w:element="e"><w:r><w:t>召开组织生活会</w:t></w:r></w:smartTag><w:del w:id="2" w:author="a">'
                '<w:r><w:delText>（作废）</w:delText></w:r></w:del><w:r><w:t>，2月底前</w:t></w:r></w:p>').encode()
    body = body.replace(b"<w:sectPr", inserted + b"<w:sectPr", 1)
    assert w in body
    plan = load_plan(docs.rezip(data, {BODY: body}), "修订稿.docx")
    item = next(i for i in plan.items if i.title == "召开组织生活会")
    assert item.end.month == 2 and "作废" not in item.title + item.detail


def test_merged_ranges_agree_with_word_on_random_tables():
    """Every grid cell, seen through the merges read from the XML, shows the text Word shows there
    (python-docx's cell(r, c) repeats a merged cell in every position it covers)."""
    import random

    from planviz.reading.docx import read_document

    rng = random.Random(11)
    checked = 0
    for _ in range(40):
        rows_n, cols_n = rng.randint(2, 7), rng.randint(2, 6)
        rows = [[f"{r}-{c}" for c in range(cols_n)] for r in range(rows_n)]
        merges, used = [], set()
        for _ in range(rng.randint(1, 4)):
            r0, c0 = rng.randrange(rows_n), rng.randrange(cols_n)
            r1, c1 = rng.randint(r0, rows_n - 1), rng.randint(c0, cols_n - 1)
            cells = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
            if len(cells) > 1 and not cells & used:
                used |= cells
                merges.append((r0, c0, r1, c1))
        document = docx.Document()
        word = docs.add_table(document, rows, tuple(merges))
        table = next(b for b in read_document(docs.save(document), "x").blocks if hasattr(b, "rows"))
        assert len(table.rows) == rows_n and all(len(r) == cols_n for r in table.rows)
        owner = {(r, c): (r0, c0) for r0, c0, r1, c1 in table.merges
                 for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r in range(rows_n):
            for c in range(cols_n):
                top = owner.get((r, c), (r, c))
                assert table.rows[top[0]][top[1]] == word.cell(r, c).text
                checked += 1
        assert sorted(table.merges) == sorted(merges)
    assert checked > 200
