"""The demo's year of service records, generated with DuckDB SQL and written as the files the
directorates send.

Every record is drawn from its service's pattern (``demo_services``) and the neighbourhoods'
shares (``demo_places``) by hashing (seed, service, record number, what is drawn) into a
number between 0 and 1: the same seed gives the same records on any machine and any number
of threads, and a few hundred thousand of them take well under a second.

Each directorate writes its file its own way, as real ones do (``FILES``): Women and Family
Services and Social Services save Excel's "CSV" on a Turkish Windows (Windows-1254, ``;``,
dotted dates), Social Services names services by code and people by birth year and K/E,
its elderly and disability branches type a title above the headings, Sports exports UTF-8
with commas, ISO dates, capitals and age bands, Transport sends a workbook, Health Affairs
leaves sex blank.

Nothing here touches the database.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from esitlik.core.text import tr_upper
from esitlik.datasets import demo_xlsx
from esitlik.datasets.demo_places import Place
from esitlik.datasets.demo_services import DemoService

if TYPE_CHECKING:
    import duckdb


@dataclass(frozen=True)
class RecordFile:
    key: str
    name: str  # with {year}
    directorate: str  # the code of the directorate that sends it; "" for the equality unit
    sender: str  # the demo user who imports it
    encoding: str  # "xlsx" for a workbook
    separator: str
    # (heading, SQL over the records table) in the file's order.
    columns: tuple[tuple[str, str], ...]
    title: str = ""  # a line typed above the headings, with {year}


# How the columns are written, as SQL over the generated records.
SERVICE = "service"
CODE = "code"
DOTTED = "strftime(day, '%d.%m.%Y')"
ISO = "strftime(day, '%Y-%m-%d')"
DAY = "day"
SEX = "CASE sex WHEN 'woman' THEN 'Kadın' WHEN 'man' THEN 'Erkek' ELSE '' END"
SEX_KE = "CASE sex WHEN 'woman' THEN 'K' WHEN 'man' THEN 'E' ELSE '-' END"
SEX_UPPER = "CASE sex WHEN 'woman' THEN 'KADIN' WHEN 'man' THEN 'ERKEK' ELSE 'BELİRTİLMEMİŞ' END"
SEX_WORDS = "CASE sex WHEN 'woman' THEN 'Kadın' WHEN 'man' THEN 'Erkek' ELSE 'Belirtilmemiş' END"
AGE = "age"
BIRTH_YEAR = "year(day) - age"
AGE_BAND = (
    "CASE WHEN age >= 85 THEN '85+' "
    "ELSE (age // 5 * 5)::VARCHAR || '-' || (age // 5 * 5 + 4)::VARCHAR END"
)
DISABLED = "CASE disability WHEN 'yes' THEN 'Var' ELSE 'Yok' END"
DISABLED_EH = "CASE disability WHEN 'yes' THEN 'E' ELSE 'H' END"
DISABLED_YES = "CASE disability WHEN 'yes' THEN 'Evet' ELSE 'Hayır' END"
PLACE = "place"
PLACE_MAH = "place || ' Mah.'"
PLACE_UPPER = "place_upper || ' MAHALLESİ'"
MIGRATION = (
    "CASE migration WHEN 'citizen' THEN 'T.C.' WHEN 'refugee' THEN 'Geçici Koruma' "
    "WHEN 'foreign' THEN 'Yabancı' ELSE '' END"
)
MIGRATION_SH = (
    "CASE migration WHEN 'citizen' THEN 'TC' WHEN 'refugee' THEN 'Mülteci' "
    "WHEN 'foreign' THEN 'Yabancı' ELSE 'Belirtilmemiş' END"
)
OUTCOME = (
    "CASE outcome WHEN 'received' THEN 'Yararlandı' WHEN 'applied' THEN 'Başvuru' ELSE 'Ret' END"
)
# Social Services asks each applicant's household type, Örnek's own dimension (demo.py): most
# single parents who apply are women.
HOUSEHOLD = "household"
OUTCOME_SH = (
    "CASE outcome WHEN 'received' THEN 'Kabul' WHEN 'applied' THEN 'Bekliyor' ELSE 'Red' END"
)

FILES = {
    "kah": RecordFile(
        "kah", "KAH_hizmet_kayitlari_{year}.csv", "KAH", "yonetici", "cp1254", ";",
        (("Hizmet Adı", SERVICE), ("Hizmet Tarihi", DOTTED), ("Cinsiyet", SEX), ("Yaş", AGE),
         ("Engel Durumu", DISABLED), ("Mahalle", PLACE), ("Uyruk", MIGRATION),
         ("Sonuç", OUTCOME)),
    ),
    "sosyal": RecordFile(
        "sosyal", "sosyal_destek_basvurulari_{year}.csv", "SH", "odak", "cp1254", ";",
        (("Hizmet Türü", CODE), ("Başvuru Tarihi", DOTTED), ("Cinsiyeti", SEX_KE),
         ("Doğum Yılı", BIRTH_YEAR), ("Engelli mi", DISABLED_EH), ("Mahalle Adı", PLACE_MAH),
         ("Uyruğu", MIGRATION_SH), ("Başvuru Durumu", OUTCOME_SH), ("Hane Tipi", HOUSEHOLD)),
    ),
    "yasli_engelli": RecordFile(
        "yasli_engelli", "yasli_ve_engelli_hizmetleri_{year}.csv", "SH", "odak", "cp1254", ";",
        (("Hizmet Adı", SERVICE), ("Tarih", DOTTED), ("Cinsiyet", SEX), ("Doğum Yılı", BIRTH_YEAR),
         ("Engel Durumu", DISABLED_YES), ("Mahalle", PLACE), ("Uyruk", MIGRATION),
         ("Sonuç", OUTCOME)),
        title="Yaşlı ve Engelli Hizmetleri Şube Müdürlükleri — {year} yılı hizmet listesi",
    ),
    "spor": RecordFile(
        "spor", "spor_hizmetleri_{year}.csv", "SP", "yonetici", "utf-8", ",",
        (("Hizmet Adı", SERVICE), ("Tarih", ISO), ("Cinsiyet", SEX_UPPER),
         ("Yaş Grubu", AGE_BAND), ("Engelli", DISABLED_YES), ("Mahalle", PLACE_UPPER),
         ("Uyruk", MIGRATION)),
    ),
    "kultur": RecordFile(
        "kultur", "kultur_sosyal_isler_{year}.csv", "KS", "yonetici", "utf-8-sig", ";",
        (("Hizmet Adı", SERVICE), ("Tarih", DOTTED), ("Cinsiyet", SEX_WORDS), ("Yaş", AGE),
         ("Engel Durumu", DISABLED), ("Mahalle", PLACE), ("Uyruk", MIGRATION),
         ("Durum", OUTCOME)),
    ),
    "saglik": RecordFile(
        "saglik", "saglik_isleri_hizmetler_{year}.csv", "SA", "yonetici", "cp1254", ";",
        (("Hizmet Adı", SERVICE), ("Tarih", DOTTED), ("Cinsiyet", SEX), ("Yaş", AGE),
         ("Engelli", DISABLED_YES), ("Mahalle", PLACE), ("Uyruk", MIGRATION)),
    ),
    "ulasim": RecordFile(
        "ulasim", "engelsiz_servis_{year}.xlsx", "UL", "yonetici", "xlsx", "",
        (("Hizmet Adı", SERVICE), ("Tarih", DAY), ("Cinsiyet", SEX), ("Yaş", AGE),
         ("Engel Durumu", DISABLED), ("Mahalle", PLACE), ("Uyruk", MIGRATION)),
    ),
    "beyaz_masa": RecordFile(
        "beyaz_masa", "beyaz_masa_basvurulari_{year}.csv", "BY", "yonetici", "cp1254", ";",
        (("Hizmet Adı", SERVICE), ("Başvuru Tarihi", DOTTED), ("Cinsiyet", SEX), ("Yaş", AGE),
         ("Mahalle", PLACE), ("Sonuç", OUTCOME)),
    ),
    "deneme": RecordFile(
        "deneme", "hizmet_kayitlari_{year}.csv", "", "deneme", "utf-8", ";",
        (("Hizmet Adı", SERVICE), ("Tarih", DOTTED), ("Cinsiyet", SEX), ("Yaş", AGE),
         ("Engel Durumu", DISABLED), ("Mahalle", PLACE), ("Uyruk", MIGRATION),
         ("Sonuç", OUTCOME)),
    ),
}  # fmt: skip

SLOTS = 10_000
# One number in [0, 1) per record and thing drawn: the record's own hash (of seed, service
# and number, as text: DuckDB combines the hashes of several arguments too weakly to draw
# from) plus the thing's number, mixed again by hashing.
_UNIFORM = (
    "CREATE OR REPLACE TEMP MACRO draw(base, what) AS "
    "(hash(base + what) >> 11)::DOUBLE / 9007199254740992.0"
)
_GENERATE = """
CREATE OR REPLACE TEMP TABLE records AS
WITH base AS (
    SELECT s.*, unnest(range(s.rows)) AS i FROM demo_services s
), hashed AS (
    SELECT *, hash(concat_ws(':', $seed, code, i)) AS base FROM base
), drawn AS (
    SELECT *,
        draw(base, 1) AS u_sex, draw(base, 2) AS u_age, draw(base, 3) AS u_dis,
        draw(base, 4) AS u_mig, draw(base, 5) AS u_place, draw(base, 6) AS u_day,
        draw(base, 7) AS u_season, draw(base, 8) AS u_out, draw(base, 9) AS u_house
    FROM hashed
), people AS (
    SELECT *,
        CASE WHEN u_sex < not_stated THEN 'not_stated'
             WHEN u_sex < not_stated + (1 - not_stated) * women THEN 'woman'
             ELSE 'man' END AS sex,
        -- A triangular distribution over [lowest, highest + 1), its peak at the most common.
        floor(CASE WHEN u_age < (peak - lowest) / (highest + 1 - lowest)
             THEN lowest + sqrt(u_age * (highest + 1 - lowest) * (peak - lowest))
             ELSE highest + 1 - sqrt((1 - u_age) * (highest + 1 - lowest) * (highest + 1 - peak))
             END)::INTEGER AS age,
        CASE WHEN u_dis < disabled THEN 'yes' ELSE 'no' END AS disability,
        CASE WHEN u_mig < refugee THEN 'refugee'
             WHEN u_mig < refugee + foreigners THEN 'foreign'
             WHEN u_mig < refugee + foreigners + 0.004 THEN 'not_stated'
             ELSE 'citizen' END AS migration,
        CASE WHEN u_season < summer
             THEN make_date($year, 6, 1) + (u_day * 122)::INTEGER
             ELSE make_date($year, 1, 1) + floor(u_day * $days)::INTEGER END AS day
    FROM drawn
)
SELECT p.code, p.service, p.file, p.i, p.sex, least(p.age, p.highest)::INTEGER AS age,
    p.disability,
    p.migration, p.day, pl.name AS place, pl.upper AS place_upper,
    CASE WHEN u_out < rejected + CASE WHEN p.sex = 'woman' THEN rejected_women_extra ELSE 0 END
         THEN 'rejected'
         WHEN u_out < rejected + applied
              + CASE WHEN p.sex = 'woman' THEN rejected_women_extra ELSE 0 END
         THEN 'applied'
         ELSE 'received' END AS outcome,
    CASE WHEN u_house < CASE WHEN p.sex = 'woman' THEN 0.34 ELSE 0.05 END THEN 'Tek ebeveynli'
         WHEN u_house < 0.58 THEN 'Çekirdek aile'
         WHEN u_house < 0.83 THEN 'Yalnız yaşayan'
         ELSE 'Geniş aile' END AS household
FROM people p
JOIN demo_slots pl
  ON pl.refugees = (p.migration = 'refugee') AND pl.slot = floor(p.u_place * $slots)::INTEGER
"""


def _create(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict]) -> None:
    """A temporary table of a few rows given as Python values (registering an Arrow table
    instead would make DuckDB import pandas: two seconds more on every demo start)."""
    columns = list(rows[0])
    marks = ", ".join(["(" + ", ".join(["?"] * len(columns)) + ")"] * len(rows))
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {name} AS "  # noqa: S608 — names are this module's
        f"SELECT * FROM (VALUES {marks}) AS t({', '.join(columns)})",
        [row[column] for row in rows for column in columns],
    )


def _services_rows(services: list[DemoService]) -> list[dict]:
    rows = []
    for service in services:
        pattern = service.pattern
        if pattern is None or not service.file:
            continue
        lowest, peak, highest = pattern.ages
        rows.append(
            {
                "code": service.code,
                "service": service.turkish,
                "file": service.file,
                "rows": pattern.rows,
                "women": pattern.women,
                "not_stated": pattern.not_stated,
                "lowest": float(lowest),
                "peak": float(peak),
                "highest": float(highest),
                "disabled": pattern.disabled,
                "refugee": pattern.refugee,
                "foreigners": pattern.foreign,
                "applied": pattern.applied,
                "rejected": pattern.rejected,
                "rejected_women_extra": pattern.rejected_women_extra,
                "summer": pattern.summer,
            }
        )
    return rows


def _places_rows(places: list[Place]) -> list[dict]:
    """Each neighbourhood's run of SLOTS slots, twice: for refugees and for everyone else.
    A record's neighbourhood is the one holding slot ⌊u × SLOTS⌋ — an equality join, where
    looking the number up in cumulative shares would be a range join ten times slower."""
    rows = []
    for refugees in (False, True):
        low, total = 0, 0.0
        for index, place in enumerate(places):
            total += place.refugees if refugees else place.reach
            high = SLOTS if index == len(places) - 1 else round(total * SLOTS)
            rows.append(
                {
                    "refugees": refugees,
                    "name": place.name,
                    "upper": tr_upper(place.name),
                    "low": low,
                    "high": high,
                }
            )
            low = high
    return rows


def generate(
    con: duckdb.DuckDBPyConnection,
    *,
    services: list[DemoService],
    places: list[Place],
    year: int,
    seed: int,
) -> int:
    """Fill the connection's temporary ``records`` table; returns how many records."""
    _create(con, "demo_services", _services_rows(services))
    _create(con, "demo_places", _places_rows(places))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE demo_slots AS SELECT refugees, name, upper, "
        "unnest(range(low, high)) AS slot FROM demo_places"
    )
    con.execute(_UNIFORM)
    days = 366 if calendar.isleap(year) else 365
    con.execute(_GENERATE, {"seed": seed, "year": year, "days": days, "slots": SLOTS})
    return con.execute("SELECT count(*) FROM records").fetchone()[0]


def write_file(con: duckdb.DuckDBPyConnection, spec: RecordFile, folder: Path, year: int) -> Path:
    """Write the records of one file the way its directorate does; returns the path."""
    path = folder / spec.name.format(year=year)
    select = ", ".join(f'{sql} AS "{heading}"' for heading, sql in spec.columns)
    # The file keys are this module's own constants, never user input.
    query = f"SELECT {select} FROM records WHERE file = '{spec.key}' ORDER BY day, code, i"  # noqa: S608
    if spec.encoding == "xlsx":
        rows = con.execute(query).fetchall()
        headers = [heading for heading, _sql in spec.columns]
        path.write_bytes(demo_xlsx.workbook(headers, rows, sheet="Kayıtlar"))
        return path
    con.execute(f"COPY ({query}) TO '{path}' (FORMAT csv, HEADER, DELIMITER '{spec.separator}')")
    if spec.encoding != "utf-8" or spec.title:
        # DuckDB writes UTF-8; a Turkish Windows Excel saves Windows-1254 (or UTF-8 with a BOM).
        text = path.read_text(encoding="utf-8")
        if spec.title:
            text = (
                spec.title.format(year=year)
                + spec.separator * (len(spec.columns) - 1)
                + "\n"
                + text
            )
        path.write_bytes(text.encode(spec.encoding))
    return path
