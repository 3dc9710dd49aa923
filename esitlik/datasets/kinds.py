"""The six kinds of dataset a municipality imports, the columns each accepts, and the shape in
which each is stored as Parquet.

This module is the contract between the import (``datasets.ingest``), the store
(``datasets.storage``) and the computations (``esitlik.analytics``): a column named here is
read from files under its Turkish label, its English label or one of its aliases (matched by
``core.tabular.match_key``, so case, accents and İ/ı/I/i do not matter), and stored under its
key with the Arrow type of ``STORED_SCHEMAS``. The alias lists are documented for users in
``docs/datasets.md``; keep the two in step.

Counts by sex may come two ways: long (a sex column and a count column, one row per sex) or
wide (columns for women, men, other, not stated and a total, one row per combination of the
other dimensions). Wide rows are stored long; the total is checked, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import pyarrow as pa
from django.db import models
from django.utils.translation import gettext_lazy as _

from esitlik.core.tabular import Column


class Kind(models.TextChoices):
    SERVICE_RECORDS = "service_records", _("Service records")
    SERVICE_COUNTS = "service_counts", _("Service counts")
    WORKFORCE = "workforce", _("Workforce")
    DECISION_MAKERS = "decision_makers", _("Decision-makers")
    POPULATION = "population", _("Population")
    BUDGET = "budget", _("Budget lines")

    @property
    def slug(self) -> str:
        """How the command line names the kind: ``service-records``."""
        return self.value.replace("_", "-")

    @classmethod
    def from_slug(cls, slug: str) -> Kind:
        return cls(slug.strip().lower().replace("-", "_"))


class FieldType(StrEnum):
    SERVICE = "service"  # a name or code in the municipality's service catalogue
    DIRECTORATE = "directorate"  # a directorate's name or code
    NEIGHBOURHOOD = "neighbourhood"  # a name in the municipality's neighbourhood list
    DATE = "date"
    YEAR = "year"
    SEX = "sex"
    AGE = "age"  # whole years, 0–120
    BIRTH_YEAR = "birth_year"  # turned into an age at the record's date
    AGE_BAND = "age_band"  # a five-year band, vocab.AGE_BANDS
    DISABILITY = "disability"
    MIGRATION = "migration"
    OUTCOME = "outcome"
    BODY = "body"  # vocab.DecisionBody
    EQUALITY_TAG = "equality_tag"
    COUNT = "count"  # a whole number ≥ 0
    AMOUNT = "amount"  # money, two decimals
    TEXT = "text"  # kept as written (trimmed), e.g. a budget code
    DIMENSION = "dimension"  # a column the municipality added (models.Dimension)


@dataclass(frozen=True)
class Field:
    column: Column
    type: FieldType

    @property
    def key(self) -> str:
        return self.column.key


def _required(field: Field) -> Field:
    column = field.column
    return Field(Column(column.key, column.label, column.aliases, True), field.type)


def _f(key, label, type_, aliases=(), required=False) -> Field:
    return Field(Column(key, label, tuple(aliases), required), FieldType(type_))


# Columns shared by several kinds.
SERVICE = _f("service", _("Service"), "service", ("hizmet adı", "hizmet türü", "service name"))
DIRECTORATE = _f(
    "directorate",
    _("Directorate"),
    "directorate",
    ("müdürlük", "birim", "daire başkanlığı", "department", "unit"),
)
NEIGHBOURHOOD = _f(
    "neighbourhood", _("Neighbourhood"), "neighbourhood", ("mahalle", "mahalle adı", "neighborhood")
)
DATE = _f("date", _("Date"), "date", ("tarih", "hizmet tarihi", "başvuru tarihi", "service date"))
YEAR = _f("year", _("Year"), "year", ("yıl", "yil", "dönem"))
SEX = _f("sex", _("Sex"), "sex", ("cinsiyet", "cinsiyeti", "gender", "cins"))
AGE = _f("age", _("Age"), "age", ("yaş", "yaşı", "yas"))
BIRTH_YEAR = _f(
    "birth_year", _("Birth year"), "birth_year", ("doğum yılı", "dogum yili", "year of birth")
)
AGE_BAND = _f(
    "age_band", _("Age band"), "age_band", ("yaş grubu", "yaş aralığı", "yas grubu", "age group")
)
DISABILITY = _f(
    "disability",
    _("Disability"),
    "disability",
    ("engel durumu", "engellilik", "engelli mi", "engelli", "disabled"),
)
MIGRATION = _f(
    "migration",
    _("Nationality or migration status"),
    "migration",
    ("uyruk", "uyruğu", "göç durumu", "vatandaşlık", "nationality", "migration status"),
)
OUTCOME = _f("outcome", _("Outcome"), "outcome", ("sonuç", "durum", "başvuru durumu", "status"))
COUNT = _f(
    "count",
    _("Count"),
    "count",
    ("sayı", "kişi sayısı", "yararlanan sayısı", "adet", "number", "beneficiaries"),
)

# Wide counts by sex: one column per sex and a total that must add up.
WIDE_SEX = (
    _f("women", _("Women"), "count", ("kadın", "kadın sayısı", "k", "female", "kız")),
    _f("men", _("Men"), "count", ("erkek", "erkek sayısı", "e", "male")),
    _f("other", _("Other"), "count", ("diğer", "diger")),
    _f(
        "not_stated",
        _("Not stated"),
        "count",
        ("belirtilmemiş", "cinsiyet belirtilmemiş", "unknown"),
    ),
    _f("total", _("Total"), "count", ("toplam", "genel toplam", "all")),
)
WIDE_SEX_KEYS = tuple(field.key for field in WIDE_SEX)


@dataclass(frozen=True)
class KindSpec:
    kind: Kind
    fields: tuple[Field, ...]
    # Whether counts may come as sex + count (long) or as WIDE_SEX columns.
    counts_by_sex: bool = False
    # Groups of which at least one column must be present, e.g. a date or a year.
    one_of: tuple[tuple[str, ...], ...] = ()

    def field(self, key: str) -> Field:
        return next(f for f in self.all_fields() if f.key == key)

    def all_fields(self) -> tuple[Field, ...]:
        return self.fields + (WIDE_SEX if self.counts_by_sex else ())

    def columns(self) -> list[Column]:
        return [f.column for f in self.all_fields()]

    def with_fields(self, extra: tuple[Field, ...]) -> KindSpec:
        """This spec with ``extra`` fields (a municipality's dimensions) after its own."""
        if not extra:
            return self
        return KindSpec(self.kind, self.fields + tuple(extra), self.counts_by_sex, self.one_of)


SPECS: dict[Kind, KindSpec] = {
    Kind.SERVICE_RECORDS: KindSpec(
        Kind.SERVICE_RECORDS,
        (
            _required(SERVICE),
            DIRECTORATE,
            DATE,
            SEX,
            AGE,
            BIRTH_YEAR,
            AGE_BAND,
            DISABILITY,
            NEIGHBOURHOOD,
            MIGRATION,
            OUTCOME,
        ),
        one_of=(("date",),),
    ),
    Kind.SERVICE_COUNTS: KindSpec(
        Kind.SERVICE_COUNTS,
        (
            _required(SERVICE),
            DIRECTORATE,
            YEAR,
            DATE,
            SEX,
            AGE_BAND,
            DISABILITY,
            NEIGHBOURHOOD,
            MIGRATION,
            OUTCOME,
            COUNT,
        ),
        counts_by_sex=True,
    ),
    Kind.WORKFORCE: KindSpec(
        Kind.WORKFORCE,
        (
            DIRECTORATE,
            YEAR,
            DATE,
            _f(
                "role_category", _("Role category"), "text", ("rol", "görev", "unvan grubu", "role")
            ),
            _f("grade", _("Grade"), "text", ("kadro", "unvan", "derece", "title", "position")),
            SEX,
            AGE_BAND,
            _f(
                "contract_type",
                _("Contract type"),
                "text",
                ("istihdam türü", "sözleşme türü", "statü", "kadro türü", "employment type"),
            ),
            _f("pay_band", _("Pay band"), "text", ("ücret grubu", "maaş aralığı", "salary band")),
            COUNT,
            _f("hires", _("Hires"), "count", ("işe giren", "işe alım", "yeni başlayan")),
            _f("promotions", _("Promotions"), "count", ("terfi", "terfi eden", "yükselen")),
            _f("exits", _("Exits"), "count", ("ayrılan", "işten ayrılan", "çıkış", "leavers")),
        ),
        counts_by_sex=True,
    ),
    Kind.DECISION_MAKERS: KindSpec(
        Kind.DECISION_MAKERS,
        (
            _f(
                "body",
                _("Body"),
                "body",
                ("kurul", "organ", "karar organı", "görev", "decision body"),
                required=True,
            ),
            _f("body_name", _("Name of the body"), "text", ("kurul adı", "komisyon adı", "name")),
            DATE,
            YEAR,
            SEX,
            COUNT,
        ),
        counts_by_sex=True,
        one_of=(("date", "year"),),
    ),
    Kind.POPULATION: KindSpec(
        Kind.POPULATION,
        (
            _required(NEIGHBOURHOOD),
            YEAR,
            SEX,
            AGE_BAND,
            COUNT,
        ),
        counts_by_sex=True,
    ),
    Kind.BUDGET: KindSpec(
        Kind.BUDGET,
        (
            _f(
                "budget_code",
                _("Budget code"),
                "text",
                ("bütçe kodu", "ekonomik kod", "kod", "code"),
                required=True,
            ),
            DIRECTORATE,
            YEAR,
            _f(
                "equality_tag",
                _("Equality tag"),
                "equality_tag",
                ("eşitlik etiketi", "toplumsal cinsiyet etiketi", "etiket", "gender tag", "tag"),
                required=True,
            ),
            _f("description", _("Description"), "text", ("açıklama", "harcama kalemi", "item")),
            _f(
                "planned",
                _("Planned amount"),
                "amount",
                ("planlanan", "bütçe", "ödenek", "başlangıç ödeneği", "budgeted", "planned"),
                required=True,
            ),
            _f(
                "actual",
                _("Actual amount"),
                "amount",
                ("gerçekleşen", "harcanan", "harcama", "spent", "actual"),
            ),
        ),
    ),
}

# The kinds a municipality's own dimensions (models.Dimension) may be added to.
DIMENSION_KINDS = frozenset({Kind.SERVICE_RECORDS, Kind.SERVICE_COUNTS})
DIMENSION_PREFIX = "x_"


def dimension_field(key: str, label: str, aliases=()) -> Field:
    """The field of a municipality's dimension: stored as text in the column ``x_<key>``."""
    return _f(DIMENSION_PREFIX + key, label, "dimension", aliases)


# How each kind is stored. Every file also carries municipality_id, run_id and year, so files
# of several runs, years and municipalities can be read as one table. Codes are the values
# of the vocab choices; ids are the database ids of services, directorates, neighbourhoods.
_COMMON = [("municipality_id", pa.int64()), ("run_id", pa.int64()), ("year", pa.int16())]
_DIMS = [
    ("sex", pa.string()),
    ("age_band", pa.string()),
    ("disability", pa.string()),
    ("neighbourhood_id", pa.int64()),
    ("migration", pa.string()),
    ("outcome", pa.string()),
]
_SERVICE_COUNTS = pa.schema(
    _COMMON
    + [("date", pa.date32()), ("directorate_id", pa.int64()), ("service_id", pa.int64())]
    + _DIMS
    + [("count", pa.int64())]
)
# Service records as the import reads and checks them, one row per use. They are never stored
# so: the import counts them into the service counts' shape (``ingest/counting.py``), leaving
# the date null and the exact age out, because disability per person is special-category data.
RECORD_SCHEMA = pa.schema(
    _COMMON
    + [("date", pa.date32()), ("directorate_id", pa.int64()), ("service_id", pa.int64())]
    + [("age", pa.int16())]
    + _DIMS
)
STORED_SCHEMAS: dict[Kind, pa.Schema] = {
    Kind.SERVICE_RECORDS: _SERVICE_COUNTS,
    Kind.SERVICE_COUNTS: _SERVICE_COUNTS,
    Kind.WORKFORCE: pa.schema(
        _COMMON
        + [
            ("date", pa.date32()),
            ("directorate_id", pa.int64()),
            ("role_category", pa.string()),
            ("grade", pa.string()),
            ("sex", pa.string()),
            ("age_band", pa.string()),
            ("contract_type", pa.string()),
            ("pay_band", pa.string()),
            ("count", pa.int64()),
            ("hires", pa.int64()),
            ("promotions", pa.int64()),
            ("exits", pa.int64()),
        ]
    ),
    Kind.DECISION_MAKERS: pa.schema(
        _COMMON
        + [
            ("date", pa.date32()),
            ("body", pa.string()),
            ("body_name", pa.string()),
            ("sex", pa.string()),
            ("count", pa.int64()),
        ]
    ),
    Kind.POPULATION: pa.schema(
        _COMMON
        + [
            ("neighbourhood_id", pa.int64()),
            ("sex", pa.string()),
            ("age_band", pa.string()),
            ("count", pa.int64()),
        ]
    ),
    Kind.BUDGET: pa.schema(
        _COMMON
        + [
            ("budget_code", pa.string()),
            ("directorate_id", pa.int64()),
            ("equality_tag", pa.string()),
            ("description", pa.string()),
            ("planned", pa.decimal128(18, 2)),
            ("actual", pa.decimal128(18, 2)),
        ]
    ),
}


def stored_schema(kind: Kind, dimension_columns=()) -> pa.Schema:
    """The stored schema of ``kind`` with the text columns of the municipality's dimensions
    (``x_<key>``) at the end; files written before a dimension existed simply lack its
    column, read back as nulls."""
    return _with_dimensions(kind, STORED_SCHEMAS[Kind(kind)], dimension_columns)


def assembled_schema(kind: Kind, dimension_columns=()) -> pa.Schema:
    """The shape in which an import assembles ``kind``'s checked rows: the stored schema, but
    one row per use for service records (``RECORD_SCHEMA``), which are then counted."""
    if Kind(kind) == Kind.SERVICE_RECORDS:
        return _with_dimensions(kind, RECORD_SCHEMA, dimension_columns)
    return stored_schema(kind, dimension_columns)


def _with_dimensions(kind: Kind, schema: pa.Schema, dimension_columns) -> pa.Schema:
    if Kind(kind) not in DIMENSION_KINDS:
        return schema
    for column in dimension_columns:
        schema = schema.append(pa.field(column, pa.string()))
    return schema
