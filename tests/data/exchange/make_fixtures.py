#!/usr/bin/env python3
"""Writes the binary fixtures of the exchange tests (CP932 CSV, hand-made XLSX).

Run from anywhere: python3 tests/data/exchange/make_fixtures.py
The UTF-8 text fixtures are kept as files; this script derives the encodings
and builds the XLSX files by hand (not with mamori's writer), so that the
reader is tested against XML it did not write itself.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def write(path, data):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)


# ---- one asset register in three encodings -----------------------------------
ASSETS = open(os.path.join(HERE, "assets.utf8.csv"), encoding="utf-8", newline="").read()
write("assets.utf8bom.csv", b"\xef\xbb\xbf" + ASSETS.encode("utf-8"))
write("assets.cp932.csv", ASSETS.encode("cp932"))

# ---- golden import cases whose input is CP932 ---------------------------------
CP932_CASES = {
    "cp932_bad_cells": (
        "資産番号,資産名称,系統,個人情報,施錠保管,復旧目標時間\r\n"
        "A-0001,住民基本台帳データ,マイナンバー利用事務系,はい,○,24時間\r\n"
        "A-0002,課税台帳,庁内LAN,たぶん,施錠,すぐ\r\n"
        "A-0003,,LGWAN接続系,いいえ,×,3日\r\n"
        "A-0004,①髙橋さんの名簿,LGWAN系,有,無,1週間\r\n"
    ),
    "cp932_unterminated_quote": (
        "資産番号,資産名称,備考\r\n"
        "A-0001,住民基本台帳データ,\r\n"
        "A-0002,\"課税台帳,備考\r\n"
        "A-0003,名簿,\r\n"
    ),
}
for name, text in CP932_CASES.items():
    write(f"import/{name}/input.csv", text.encode("cp932"))

# An invalid byte: 0x82 followed by a byte that is no CP932 trail byte.
write(
    "import/cp932_invalid_byte/input.csv",
    "資産番号,資産名称\r\nA-0001,住民基本台帳データ\r\nA-0002,課税".encode("cp932") + b"\x82\x20" + "台帳\r\n".encode("cp932"),
)

# ---- hand-made XLSX --------------------------------------------------------------
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<workbookPr defaultThemeVersion="166925"/>'
            '<sheets><sheet name="記入例" sheetId="3" r:id="rId5"/>'
            '<sheet name="情報資産管理台帳" sheetId="1" r:id="rId1"/></sheets></workbook>')
# Relationships in an unusual order, with an absolute target, as some writers do.
WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                 '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
                 '</Relationships>')
# cellXfs: 0 general, 1 built-in date 14, 2 custom yyyy/m/d, 3 Japanese era (57),
# 4 zero-padded "0000", 5 time h:mm (not a date), 6 custom 和暦 with quoted text.
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy/m/d;@"/>'
          '<numFmt numFmtId="177" formatCode="0000"/>'
          '<numFmt numFmtId="178" formatCode="[$-ja-JP-x-gannen]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/></numFmts>'
          '<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts>'
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          '<borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="57" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="178" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '</cellXfs></styleSheet>')
# Shared strings: plain, rich text runs, a phonetic guide (must be dropped),
# an _x000D_ escape, whitespace kept.
SHARED = [
    '<t>情報資産管理台帳（令和8年4月1日現在）</t>',  # 0 title
    '<t>記録番号</t>',                               # 1
    '<t>種別</t>',                                   # 2
    '<t>実施日</t>',                                 # 3
    '<r><t>対</t></r><r><rPr><b/></rPr><t>象</t></r>',  # 4 rich text: 対象
    '<t>結果</t><rPh sb="0" eb="2"><t>ケッカ</t></rPh><phoneticPr fontId="1"/>',  # 5 phonetic dropped
    '<t>自己点検</t>',                               # 6
    '<t xml:space="preserve">指摘なし_x000D_\n（軽微 1 件）</t>',  # 7 CR escape
    '<t>監査</t>',                                   # 8
    '<t>_x005F_x0041_ はそのまま</t>',               # 9 escaped escape
    '<t>是正済み</t>',                               # 10 a column mamori does not know
]
SST = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(SHARED)}" uniqueCount="{len(SHARED)}">'
       + ''.join(f'<si>{s}</si>' for s in SHARED) + '</sst>')
# Inspections: title in row 1, blank row 2, header in row 3, data from row 4.
# Row 5 has no r attributes on its cells; row 7 is skipped (styled, no values).
SHEET1 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<x:sheetData>'
          '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>'
          '<x:row r="2"><x:c r="A2" s="1"/></x:row>'
          '<x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="B3" t="s"><x:v>2</x:v></x:c>'
          '<x:c r="C3" t="s"><x:v>3</x:v></x:c><x:c r="D3" t="s"><x:v>4</x:v></x:c>'
          '<x:c r="E3" t="s"><x:v>10</x:v></x:c><x:c r="F3" t="s"><x:v>5</x:v></x:c></x:row>'
          '<x:row r="4"><x:c r="A4" s="4"><x:v>12</x:v></x:c><x:c r="B4" t="s"><x:v>6</x:v></x:c>'
          '<x:c r="C4" s="1"><x:v>46113</x:v></x:c><x:c r="D4" t="inlineStr"><x:is><x:t>SYS-01</x:t></x:is></x:c>'
          '<x:c r="F4" t="s"><x:v>7</x:v></x:c></x:row>'
          '<x:row r="5"><x:c s="4"><x:v>13</x:v></x:c><x:c t="s"><x:v>8</x:v></x:c>'
          '<x:c s="2"><x:v>46295.0</x:v></x:c><x:c t="str"><x:f>A5&amp;"課"</x:f><x:v>税務課</x:v></x:c>'
          '<x:c/><x:c t="s"><x:v>9</x:v></x:c></x:row>'
          '<x:row r="6"><x:c r="A6" t="inlineStr"><x:is><x:r><x:t>R-</x:t></x:r><x:r><x:t>0014</x:t></x:r>'
          '<x:rPh sb="0" eb="1"><x:t>アール</x:t></x:rPh></x:is></x:c>'
          '<x:c r="B6" t="s"><x:v>6</x:v></x:c><x:c r="C6" s="3"><x:v>46478</x:v></x:c>'
          '<x:c r="E6" t="b"><x:v>1</x:v></x:c></x:row>'
          '<x:row r="7" s="1" customFormat="1"><x:c r="A7" s="1"/><x:c r="XFD7" s="1"/></x:row>'
          '<x:row r="9"><x:c r="A9"><x:v>15</x:v></x:c><x:c r="B9" t="s"><x:v>6</x:v></x:c>'
          '<x:c r="C9" s="6"><x:v>46482.5</x:v></x:c><x:c r="D9" s="5"><x:v>0.375</x:v></x:c></x:row>'
          '</x:sheetData></x:worksheet>')
# A sheet that is no register (instructions): read, and left to the caller.
SHEET2 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          '<row r="1"><c r="A1" t="inlineStr"><is><t>この台帳の書き方</t></is></c></row>'
          '</sheetData></worksheet>')


def xlsx(parts):
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return buf.getvalue()


write("handmade.xlsx", xlsx([
    ("[Content_Types].xml", CT), ("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", WORKBOOK),
    ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS), ("xl/styles.xml", STYLES),
    ("xl/sharedStrings.xml", SST), ("xl/worksheets/sheet1.xml", SHEET1), ("xl/worksheets/sheet2.xml", SHEET2),
]))
write("import/xlsx_inspections/input.xlsx", open(os.path.join(HERE, "handmade.xlsx"), "rb").read())

# A zip that is no spreadsheet (a Word-like package).
write("not_a_workbook.zip", xlsx([("[Content_Types].xml", CT), ("word/document.xml", "<document/>")]))

# ---- seeds for xlsx_import_fuzz: one part of a workbook, chosen by the first byte
# The 'S' seed uses the shared strings and styles of the harness's fixed parts
# (0 資産番号, 1 資産名称, 2 系統, 3 LGWAN接続系, 4 名簿; style 1 a date, 2 "0000").
FUZZ_SHEET = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              '<row r="1"><c r="A1" t="inlineStr"><is><t>台帳</t></is></c></row>'
              '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c>'
              '<c r="D2" t="inlineStr"><is><t>施錠保管</t></is></c><c r="E2" t="inlineStr"><is><t>復旧目標時間</t></is></c>'
              '<c r="F2" t="inlineStr"><is><t>備考</t></is></c></row>'
              '<row r="3"><c r="A3" s="2"><v>12</v></c><c r="B3" t="s"><v>4</v></c><c r="C3" t="s"><v>3</v></c>'
              '<c r="D3" t="b"><v>1</v></c><c r="E3"><v>24</v></c><c r="F3" s="1"><v>46113</v></c></row>'
              '<row r="4"><c r="A4" t="str"><v>A-2</v></c><c r="B4" t="inlineStr"><is><r><t>課税</t></r><r><t>台帳</t></r></is></c>'
              '<c r="D4" t="inlineStr"><is><t>×</t></is></c><c r="F4" t="inlineStr"><is><t>_x000D_改行</t></is></c></row>'
              '</sheetData></worksheet>')
for mode, content in (("S", FUZZ_SHEET), ("T", SST), ("Y", STYLES), ("W", WORKBOOK)):
    write(f"fuzz/xlsx_part_{mode}.seed", (mode + content).encode("utf-8"))
