"""Messy service-record files of any size for the import benchmark (and by hand for trying the
import page with a large file).

The CSV is what a directorate's Excel on a Turkish Windows saves: Windows-1254, semicolons, a
title line above the Turkish headings (İ and ı in them), dotted dates, sex, disability and
nationality written several ways and in several cases, a few blank cells. The XLSX holds the
same columns with typed cells: real dates and whole numbers, as Excel keeps them.

    uv run python bench/import_files.py csv 2000000 /tmp/records.csv
    uv run python bench/import_files.py xlsx 200000 /tmp/records.xlsx

Every service and neighbourhood named here exists in the municipality ``bench_import.py``
creates (``SERVICES``, ``NEIGHBOURHOODS``).
"""

from __future__ import annotations

import random
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

YEAR = 2025
TITLE = "Sosyal Hizmetler Müdürlüğü — 2025 yılı hizmet kayıtları"
HEADERS = [
    "HİZMET ADI",
    "Hizmet Tarihi",
    "CİNSİYETİ",
    "Doğum Yılı",
    "Engel Durumu",
    "Mahalle",
    "Uyruğu",
    "Başvuru Durumu",
]
SERVICES = [
    "Kadın Danışma Merkezi",
    "Sosyal Yardım (Gıda)",
    "Sosyal Yardım (Nakdi)",
    "Evde Bakım Hizmeti",
    "Meslek Edindirme Kursu",
    "Okuma Yazma Kursu",
    "Çocuk Oyun Evi",
    "Yaşlı Dayanışma Merkezi",
    "Engelli Destek Hizmeti",
    "Psikolojik Danışmanlık",
    "Hukuki Danışmanlık",
    "Spor Kursları",
    "Yüzme Havuzu",
    "Kütüphane Üyeliği",
    "Gençlik Merkezi",
    "Aşevi",
    "Ulaşım Desteği",
    "Kreş Hizmeti",
    "Şiddet Önleme Destek Hattı",
    "Göçmen Danışma Masası",
]
NEIGHBOURHOODS = [
    "Atatürk",
    "Cumhuriyet",
    "İnönü",
    "Fatih",
    "Yenişehir",
    "Karşıyaka",
    "Çamlık",
    "Gültepe",
    "Işıklar",
    "Zafer",
    "Bahçelievler",
    "Şirinyer",
    "Ömerağa",
    "Üçyol",
    "Güzelyalı",
    "Hürriyet",
    "Kazımdirik",
    "Mevlana",
    "Yıldırım",
    "Barış",
]
# Written forms as they turn up in real files, roughly as often.
SEX = ["Kadın"] * 5 + ["KADIN"] * 3 + ["K"] * 2 + ["Erkek"] * 4 + ["ERKEK"] * 2 + ["E", ""]
DISABILITY = ["Hayır"] * 8 + ["Evet", "HAYIR", "Var", "Yok", ""]
MIGRATION = ["T.C."] * 6 + ["TC", "Türk", "Geçici Koruma", "Yabancı", ""]
OUTCOME = ["Yararlandı"] * 6 + ["Başvuru", "Ret", "YARARLANDI"]


def _columns(n: int, rng: random.Random) -> list[list]:
    """Column-wise random values (much faster than row by row)."""
    days = [date(YEAR, 1, 1) + timedelta(days=d) for d in range(365)]
    services = SERVICES + [s.upper() for s in SERVICES[:5]]
    neighbourhoods = NEIGHBOURHOODS + [f"{n} Mah." for n in NEIGHBOURHOODS[:5]]
    return [
        rng.choices(services, k=n),
        rng.choices(days, k=n),
        rng.choices(SEX, k=n),
        rng.choices(range(1935, 2021), k=n),
        rng.choices(DISABILITY, k=n),
        rng.choices(neighbourhoods, k=n),
        rng.choices(MIGRATION, k=n),
        rng.choices(OUTCOME, k=n),
    ]


def write_csv(n: int, path: Path, seed: int = 1) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="cp1254", newline="") as out:
        out.write(TITLE + "\r\n\r\n")
        out.write(";".join(HEADERS) + "\r\n")
        chunk = 500_000
        for start in range(0, n, chunk):
            size = min(chunk, n - start)
            cols = _columns(size, rng)
            cols[1] = [d.strftime("%d.%m.%Y") for d in cols[1]]
            cols[3] = [str(y) for y in cols[3]]
            out.write("".join(";".join(row) + "\r\n" for row in zip(*cols, strict=True)))


def write_xlsx(n: int, path: Path, seed: int = 1) -> None:
    """A workbook as Excel saves one: text in the shared-strings table, dates as serial
    numbers with a date format, whole numbers as numbers. Written by hand (openpyxl's
    write-only mode puts every text inline, which no Excel does and which makes the file
    twice as large to parse)."""
    rng = random.Random(seed)
    cols = _columns(n, rng)
    epoch = date(1899, 12, 30)
    cols[1] = [(d - epoch).days for d in cols[1]]
    strings: dict[str, int] = {}

    def text(value: str) -> tuple[str, str]:
        if not value:
            return "", ""
        return ' t="s"', str(strings.setdefault(value, len(strings)))

    def row_xml(cells: list[tuple[str, str]], number: int) -> str:
        # As Excel writes them: every cell with its reference, empty cells left out.
        xml = "".join(
            f'<c r="{"ABCDEFGH"[i]}{number}"{attrs}><v>{value}</v></c>'
            for i, (attrs, value) in enumerate(cells)
            if value != ""
        )
        return f'<row r="{number}">{xml}</row>'

    body = [row_xml([text(TITLE)], 1), row_xml([text(h) for h in HEADERS], 2)]
    for number, row in enumerate(zip(*cols, strict=True), start=3):
        service, serial, sex, born, disability, place, nationality, outcome = row
        cells = [
            text(service),
            (' s="1"', str(serial)),
            text(sex),
            ("", str(born)),
            text(disability),
            text(place),
            text(nationality),
            text(outcome),
        ]
        body.append(row_xml(cells, number))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{main}">'
        f"<sheetData>{''.join(body)}</sheetData></worksheet>"
    )
    shared = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default '
            'Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.'
            'xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
            'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override '
            'PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.styles+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            'http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            f'Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{main}" '
            f'xmlns:r="{rel}"><sheets><sheet name="Kayıtlar" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            'http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{main}">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/>'
            '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/>'
            '<xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'
        ),
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{main}" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>'
        ),
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)


if __name__ == "__main__":
    what, count, target = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    (write_csv if what == "csv" else write_xlsx)(count, target)
    print(f"{target}: {count:,} rows, {target.stat().st_size / 1e6:.1f} MB")
