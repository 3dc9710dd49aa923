"""The message catalogues stay complete, consistent and compiled.

The Turkish catalogue (esitlik/locale/tr/LC_MESSAGES/django.po) is the interface most people
see, so every message must be translated, checked (not fuzzy), keep its placeholders, and be
compiled into the committed django.mo. After adding or changing a user-facing string, run
`scripts/i18n`, translate what it added to the Turkish .po, then run `scripts/i18n` again.
"""

from __future__ import annotations

import ast
import gettext
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import django
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation.template import templatize

PACKAGE = Path(__file__).resolve().parents[2] / "esitlik"
LOCALE = PACKAGE / "locale"
TURKISH_PO = LOCALE / "tr" / "LC_MESSAGES" / "django.po"
HOW_TO_FIX = "Run scripts/i18n, translate esitlik/locale/tr/LC_MESSAGES/django.po, run it again."


@dataclass
class Entry:
    line: int
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def label(self) -> str:
        context = f" (context {self.msgctxt!r})" if self.msgctxt is not None else ""
        return f"line {self.line}: {self.msgid!r}{context}"

    def forms(self) -> list[str]:
        if self.msgid_plural is None:
            return [self.msgstr]
        return [self.msgstr_plural[index] for index in sorted(self.msgstr_plural)]


_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


def _unquote(quoted: str) -> str:
    # PO strings use C escapes (\n, \t, \", \\), which Python's literal syntax reads the same.
    return ast.literal_eval(quoted)


def parse_po(path: Path) -> list[Entry]:
    """Every entry of a PO file, the header (msgid "") included, obsolete (#~) ones marked."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: tuple[str, int | None] | None = None

    def finish() -> None:
        nonlocal entry, target
        if entry is not None:
            entries.append(entry)
        entry, target = None, None

    def append(text: str) -> None:
        name, index = target
        if name == "msgstr_plural":
            entry.msgstr_plural[index] += text
        else:
            setattr(entry, name, getattr(entry, name) + text)

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
            if line.startswith("|"):  # a previous msgid of an obsolete entry
                continue
        if not line:
            finish()
            continue
        if line.startswith("#"):
            if entry is not None and target is not None:
                finish()  # a comment after msgstr starts the next entry
            if entry is None:
                entry = Entry(line=number)
            if line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
            continue
        if line.startswith('"'):
            if target is None:
                raise ValueError(f"{path}:{number}: continuation line outside an entry")
            append(_unquote(line))
            continue
        match = _KEYWORD.match(line)
        if not match:
            raise ValueError(f"{path}:{number}: cannot read {raw!r}")
        keyword, index, quoted = match.groups()
        if keyword in ("msgctxt", "msgid") and entry is not None and target is not None:
            if target[0] in ("msgstr", "msgstr_plural"):
                finish()  # a new entry without a blank line in between
        if entry is None:
            entry = Entry(line=number)
        entry.obsolete = entry.obsolete or obsolete
        if keyword == "msgctxt":
            entry.msgctxt, target = "", ("msgctxt", None)
        elif keyword == "msgid":
            entry.msgid, target = "", ("msgid", None)
        elif keyword == "msgid_plural":
            entry.msgid_plural, target = "", ("msgid_plural", None)
        elif index is None:
            entry.msgstr, target = "", ("msgstr", None)
        else:
            entry.msgstr_plural[int(index)] = ""
            target = ("msgstr_plural", int(index))
        append(_unquote(quoted))
    finish()
    return entries


def header(entries: list[Entry]) -> dict[str, str]:
    head = next(entry for entry in entries if entry.msgid == "" and entry.msgctxt is None)
    fields = (line.split(":", 1) for line in head.msgstr.splitlines() if ":" in line)
    return {name.strip(): value.strip() for name, value in fields}


def messages(entries: list[Entry]) -> list[Entry]:
    return [entry for entry in entries if entry.msgid and not entry.obsolete]


def plural_rule(entries: list[Entry]):
    """The catalogue's Plural-Forms as a function n → form index."""
    expression = header(entries)["Plural-Forms"].split("plural=", 1)[1].rstrip(";")
    return gettext.c2py(expression)


@pytest.fixture(scope="module")
def turkish() -> list[Entry]:
    return parse_po(TURKISH_PO)


# Named (%(name)s) and positional (%s, %d) conversions; "%%" is a literal percent sign.
_PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*(?:\*|\d+)?(?:\.\d+)?[diouxXeEfFgGcrsa%]"
)


def placeholders(text: str, python_format: bool) -> Counter:
    found = Counter()
    for match in _PLACEHOLDER.finditer(text):
        if match["name"] is not None or python_format:
            found[match.group()] += 1
    return found


def test_it_parses_the_po_format(tmp_path):
    sample = tmp_path / "sample.po"
    sample.write_text(
        'msgid ""\nmsgstr ""\n"Language: tr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        '#, python-format\nmsgid "A \\"%(x)s\\"\\n"\n"b"\nmsgstr "C"\n\n'
        '#, fuzzy\n#| msgid "old"\nmsgctxt "ctx"\nmsgid "one"\nmsgid_plural "many"\n'
        'msgstr[0] "bir"\nmsgstr[1] "çok"\n\n#~ msgid "gone"\n#~ msgstr "gitti"\n',
        encoding="utf-8",
    )
    entries = parse_po(sample)
    assert header(entries)["Language"] == "tr"
    assert [entry.obsolete for entry in entries] == [False, False, False, True]
    first, second = messages(entries)
    assert (first.msgid, first.msgstr, first.flags) == ('A "%(x)s"\nb', "C", {"python-format"})
    assert second.key == ("ctx", "one", "many")
    assert second.forms() == ["bir", "çok"]
    assert "fuzzy" in second.flags
    assert plural_rule(entries)(1) == 0 and plural_rule(entries)(2) == 1


def test_it_translates_every_message_into_turkish(turkish):
    problems = []
    for entry in messages(turkish):
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.label}")
        elif not all(form.strip() for form in entry.forms()) or not entry.forms():
            problems.append(f"untranslated: {entry.label}")
    assert not problems, f"{HOW_TO_FIX}\n" + "\n".join(problems)


def test_it_has_a_checked_header_matching_djangos_own_turkish(turkish):
    fuzzy_header = [e for e in turkish if e.msgid == "" and "fuzzy" in e.flags]
    assert not fuzzy_header, "Remove '#, fuzzy' from the header of the Turkish catalogue."
    ours = header(turkish)
    assert ours["Language"] == "tr"
    assert "charset=UTF-8" in ours["Content-Type"]
    django_po = Path(django.__file__).parent / "conf/locale/tr/LC_MESSAGES/django.po"
    theirs = header(parse_po(django_po))
    # Django merges catalogues only when they share the plural rule.
    assert ours["Plural-Forms"] == theirs["Plural-Forms"]


def test_it_keeps_placeholders_in_every_translation(turkish):
    problems = []
    for entry in messages(turkish):
        python_format = "python-format" in entry.flags
        if entry.msgid_plural is None:
            expected = {0: placeholders(entry.msgid, python_format)}
        else:
            # The first Turkish form covers n ≤ 1 (like English singular), the second n > 1.
            singular = placeholders(entry.msgid, python_format)
            plural = placeholders(entry.msgid_plural, python_format)
            expected = {index: singular if index == 0 else plural for index in entry.msgstr_plural}
        for index, form in enumerate(entry.forms()):
            if not form:
                continue  # reported by the completeness test
            got = placeholders(form, python_format)
            if got != expected[index]:
                which = "" if entry.msgid_plural is None else f" msgstr[{index}]"
                problems.append(
                    f"{entry.label}{which}: expected {sorted(expected[index].elements())}, "
                    f"got {sorted(got.elements())}"
                )
    assert not problems, "Placeholders differ between msgid and msgstr:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_it_ships_a_compiled_catalogue_matching_the_po(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing. {HOW_TO_FIX}"
    entries = parse_po(po)
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert compiled.info().get("plural-forms") == header(entries)["Plural-Forms"]
    rule = plural_rule(entries)
    stale = []
    for entry in messages(entries):
        if "fuzzy" in entry.flags:
            continue  # msgfmt leaves fuzzy entries out; the completeness test reports them
        if entry.msgid_plural is None:
            if not entry.msgstr:
                continue  # untranslated: shown as the msgid, nothing to compile
            if entry.msgctxt is None:
                got = compiled.gettext(entry.msgid)
            else:
                got = compiled.pgettext(entry.msgctxt, entry.msgid)
            if got != entry.msgstr:
                stale.append(f"{entry.label}: .mo has {got!r}, .po has {entry.msgstr!r}")
            continue
        if not all(entry.forms()):
            continue
        for n in range(0, 12):
            want = entry.msgstr_plural[rule(n)]
            if entry.msgctxt is None:
                got = compiled.ngettext(entry.msgid, entry.msgid_plural, n)
            else:
                got = compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
            if got != want:
                stale.append(f"{entry.label} (n={n}): .mo has {got!r}, .po has {want!r}")
                break
    assert not stale, f"{mo} is stale; run scripts/i18n.\n" + "\n".join(stale)


# What makemessages collects: gettext-family calls in Python, {% translate %} and
# {% blocktranslate %} in templates (Django's own templatize turns those into gettext calls).
_CALLS = {
    "_": ("msgid",),
    "gettext": ("msgid",),
    "gettext_lazy": ("msgid",),
    "gettext_noop": ("msgid",),
    "ngettext": ("msgid", "plural"),
    "ngettext_lazy": ("msgid", "plural"),
    "pgettext": ("context", "msgid"),
    "pgettext_lazy": ("context", "msgid"),
    "npgettext": ("context", "msgid", "plural"),
    "npgettext_lazy": ("context", "msgid", "plural"),
}


def _message(name: str, args: list) -> tuple[str | None, str, str | None] | None:
    roles = _CALLS[name]
    if len(args) < len(roles) or not all(isinstance(arg, str) for arg in args[: len(roles)]):
        return None
    values = dict(zip(roles, args, strict=False))
    return (values.get("context"), values["msgid"], values.get("plural"))


def _python_messages(source: str):
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in _CALLS:
            continue
        args = [arg.value if isinstance(arg, ast.Constant) else None for arg in node.args]
        message = _message(name, args)
        if message and message[1]:
            yield message


_TEMPLATE_CALL = re.compile(
    r"\b(n?p?gettext)\(((?:u'(?:[^'\\]|\\.)*'\s*,\s*)*u'(?:[^'\\]|\\.)*')", re.DOTALL
)


def _template_messages(source: str):
    for match in _TEMPLATE_CALL.finditer(templatize(source)):
        args = list(ast.literal_eval(f"({match[2]},)"))
        message = _message(match[1], args)
        if message and message[1]:
            yield message


def source_messages() -> dict[tuple[str | None, str, str | None], Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE)
        if path.suffix not in (".py", ".html", ".txt") or not path.is_file():
            continue
        if relative.parts[0] in ("locale", "static") or any(
            part.startswith(".") for part in relative.parts
        ):
            continue
        source = path.read_text(encoding="utf-8")
        extract = _python_messages if path.suffix == ".py" else _template_messages
        for message in extract(source):
            found.setdefault(message, relative)
    return found


def test_it_has_every_message_of_the_code_in_the_catalogue(turkish):
    catalogue = {entry.key for entry in messages(turkish)}
    missing = [
        f"{path}: {msgid!r}" + (f" (context {context!r})" if context is not None else "")
        for (context, msgid, plural), path in source_messages().items()
        if (context, msgid, plural) not in catalogue
    ]
    assert not missing, f"Not in the Turkish catalogue. {HOW_TO_FIX}\n" + "\n".join(missing)


def test_it_finds_the_messages_of_python_code_and_templates():
    found = source_messages()
    assert (None, "Sign in", None) in found  # {% translate %}
    assert (None, "%(counter)s entry", "%(counter)s entries") in found  # blocktranslate count
    assert (None, "Equality unit admin", None) in found  # gettext_lazy in models.py


def test_it_loads_the_turkish_catalogue_through_django():
    with translation.override("tr"):
        assert translation.gettext("Sign in") == "Giriş yap"
        assert translation.gettext("Audit log") == "İşlem kaydı"
        assert translation.gettext("Equality unit admin") == "Eşitlik birimi yöneticisi"
        entries = translation.ngettext("%(counter)s entry", "%(counter)s entries", 3)
        assert entries % {"counter": 3} == "3 kayıt"
    with translation.override("en"):
        assert translation.gettext("Sign in") == "Sign in"


@pytest.mark.django_db
def test_it_shows_the_sign_in_page_in_turkish_by_default(client):
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="tr">' in page
    assert "Giriş yap" in page
    assert "Parolanızı mı unuttunuz?" in page


@pytest.mark.django_db
def test_it_shows_the_sign_in_page_in_english_when_chosen(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in page
    assert "Forgot your password?" in page
