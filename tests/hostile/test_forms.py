"""Every form of esitlik given hostile text in every text field (issue #9): script tags,
attribute breakers, ``javascript:`` links, right-to-left overrides, NUL bytes, 10,000
characters, lone surrogates. A form either validates or names the fields it refuses; it never
raises. A NUL byte never reaches cleaned data (Django's ProhibitNullCharactersValidator refuses
it on every CharField)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import esitlik
from esitlik.participation.forms_inputs import Choices
from esitlik.plans.lifecycle import TRANSITIONS
from tests.hostile.strategies import HOSTILE, hostile_text


def _form_modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages(esitlik.__path__, "esitlik.")
        if info.name.rsplit(".", 1)[-1].startswith("forms") and "migrations" not in info.name
    )


def _form_classes() -> list[type[forms.BaseForm]]:
    found = []
    for name in _form_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == name
                # An abstract ModelForm (no model) is a base for others, never shown.
                and not (issubclass(value, forms.ModelForm) and value._meta.model is None)
            ):
                found.append(value)
    return found


FORMS = _form_classes()


def test_every_forms_module_is_walked():
    # A new forms module is picked up by name; this list says what the walk covers today.
    modules = {form.__module__.split(".")[1] for form in FORMS}
    assert {
        "core",
        "plans",
        "participation",
        "training",
        "datasets",
        "portal",
        "reports",
    } <= modules
    assert len(FORMS) >= 70


def _arguments(world, form_class) -> dict | None:
    """Keyword arguments for a form's constructor, from the world; None when the form needs
    something this walk cannot give."""
    from tests.plans.helpers import make_plan

    known = {
        "municipality": lambda: world.home,
        "years": lambda: [2024, 2025],
        "directorates": lambda: None,
        "language": lambda: "tr",
        "may_add_neighbourhoods": lambda: True,
        "tags": lambda: [],
        "topics": lambda: [],
        "categories": lambda: [],
        "figures": lambda: {},
        "kind": lambda: "service_counts",
        "headers": lambda: ["Hizmet", "Kadın"],
        "proposed": lambda: {},
        "identifiers": lambda: [],
        "plan": lambda: make_plan(world),
        "indicator": lambda: _indicator(world),
        "move": lambda: next(m for m in TRANSITIONS if m.needs_decision),
        "choices": lambda: Choices(world.home),
    }
    arguments = {}
    for parameter in inspect.signature(form_class.__init__).parameters.values():
        if parameter.kind is not parameter.KEYWORD_ONLY or parameter.default is not parameter.empty:
            continue
        if parameter.name not in known:
            return None
        arguments[parameter.name] = known[parameter.name]()
    return arguments


def _indicator(world):
    from esitlik.plans import indicators, structure
    from tests.plans.helpers import make_plan

    plan = make_plan(world)
    aim = structure.aim_create(plan=plan, title={"tr": "Amaç"}, by=None)
    objective = structure.objective_create(aim=aim, title={"tr": "Hedef"}, by=None)
    return indicators.indicator_create(
        parent=objective,
        title={"tr": "Gösterge"},
        kind="outcome",
        measure="count",
        responsible_directorate=world.social,
        by=None,
    )


def _make(world, form_class, data):
    arguments = _arguments(world, form_class)
    assert arguments is not None, (
        f"{form_class.__name__} needs a constructor argument this walk does not know: add it "
        "to _arguments"
    )
    return form_class(data=data, **arguments)


def _text_fields(form) -> dict[str, forms.Field]:
    return {
        name: field
        for name, field in form.fields.items()
        if isinstance(field, forms.CharField | forms.MultiValueField)
        and not isinstance(field, forms.ModelChoiceField)
    }


def _fill(form, text: str) -> dict:
    data = {}
    for name, field in _text_fields(form).items():
        key = form.add_prefix(name)
        widget = field.widget
        if isinstance(widget, forms.MultiWidget):
            for suffix in widget.widgets_names:
                data[key + suffix] = text
        else:
            data[key] = text
    return data


def _no_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" not in value
    if isinstance(value, dict):
        return all(_no_nul(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(_no_nul(v) for v in value)
    return True


def as_posted(text: str) -> str:
    """What a form receives when a browser posts ``text``: Django decodes the body as UTF-8
    and replaces what cannot be decoded, so a lone surrogate arrives as U+FFFD."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _check(world, form_class, text: str) -> None:
    text = as_posted(text)
    probe = _make(world, form_class, None)
    data = _fill(probe, text)
    form = _make(world, form_class, data)
    with translation.override("en"):
        valid = form.is_valid()  # must not raise
        str(form)  # nor rendering it with its errors
    if valid:
        assert _no_nul(form.cleaned_data), f"{form_class.__name__} kept a NUL byte"
    else:
        assert form.errors and all(str(e) for e in form.errors.values())


@pytest.mark.parametrize("form_class", FORMS, ids=lambda f: f"{f.__module__}.{f.__name__}")
@pytest.mark.django_db
def test_every_form_takes_every_hostile_string_without_crashing(world, form_class):
    for text in HOSTILE:
        _check(world, form_class, text)


@pytest.mark.django_db
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(form_class=st.sampled_from(FORMS), text=hostile_text)
def test_forms_take_random_hostile_text(world, form_class, text):
    _check(world, form_class, text)


@pytest.mark.django_db
def test_a_nul_byte_is_refused_with_a_message_by_every_form_with_text(world):
    checked = []
    for form_class in FORMS:
        probe = _make(world, form_class, None)
        if not _text_fields(probe):
            continue  # nothing typed: choices, dates and numbers only
        form = _make(world, form_class, _fill(probe, "a\x00b"))
        with translation.override("en"):
            assert not form.is_valid(), form_class.__name__
            messages = " ".join(str(e) for e in form.errors.values())
        assert messages, form_class.__name__
        checked.append(form_class)
    assert len(checked) >= 40
