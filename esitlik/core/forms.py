"""Forms for core pages. They forgive stray spaces and say in the user's language what to fix."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from esitlik.core.audit import ACTION_LABELS
from esitlik.core.i18n_text import BilingualField
from esitlik.core.models import Directorate, Municipality, Neighbourhood, Role
from esitlik.core.neighbourhoods import neighbourhood_choices
from esitlik.core.numbers import parse_amount
from esitlik.core.selectors import directorate_choices

User = get_user_model()


class DirectorateChoiceField(forms.TypedChoiceField):
    """A directorate of one municipality, offered as an indented tree."""

    def __init__(self, *, municipality: Municipality, required: bool = False, **kwargs):
        self.municipality = municipality
        choices = [("", _("— none —"))] + directorate_choices(municipality)
        super().__init__(choices=choices, required=required, coerce=self._to_directorate, **kwargs)

    def _to_directorate(self, value):
        return Directorate.objects.get(pk=value, municipality=self.municipality)


class NeighbourhoodChoiceField(forms.TypedChoiceField):
    """A neighbourhood of one municipality, Turkish-sorted. ``include`` keeps the one a record
    already names selectable after it went out of use."""

    def __init__(
        self, *, municipality: Municipality, include=None, required: bool = False, **kwargs
    ):
        self.municipality = municipality
        choices = [("", _("— none —"))] + [
            (row.pk, str(row)) for row in neighbourhood_choices(municipality, include=include)
        ]
        kwargs.setdefault("empty_value", None)
        super().__init__(
            choices=choices, required=required, coerce=self._to_neighbourhood, **kwargs
        )

    def _to_neighbourhood(self, value):
        return Neighbourhood.objects.get(pk=value, municipality=self.municipality)


class DirectorateForm(forms.Form):
    name = BilingualField(label=_("Name"))
    level = forms.ChoiceField(label=_("Level"), choices=Directorate.Level.choices)
    code = forms.CharField(label=_("Code"), max_length=30, required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"] = DirectorateChoiceField(
            municipality=municipality,
            label=_("Part of"),
            help_text=_("Leave empty for a top-level department or directorate."),
            empty_value=None,
        )
        self.order_fields(["name", "level", "parent", "code", "description", "is_active"])


class DirectorateDescriptionForm(forms.Form):
    """What a focal point may change about their own directorate."""

    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class NeighbourhoodLinesForm(forms.Form):
    """Many neighbourhoods at once, e.g. a column copied from Excel."""

    names = forms.CharField(
        label=_("Neighbourhood names"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "One name per line; paste a column copied from Excel. Names already on the list "
            "are skipped, so pasting the same list twice does no harm."
        ),
    )
    district = forms.CharField(
        label=_("District"),
        max_length=120,
        required=False,
        help_text=_("Only for a metropolitan municipality: the district (ilçe) all these lie in."),
    )


class NeighbourhoodForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    district = forms.CharField(
        label=_("District"),
        max_length=120,
        required=False,
        help_text=_("For a metropolitan municipality: the district (ilçe) it lies in."),
    )
    is_active = forms.BooleanField(
        label=_("In use"),
        required=False,
        help_text=_(
            "A neighbourhood taken out of use is no longer offered in forms; records that "
            "name it keep it."
        ),
    )


class MunicipalityForm(forms.ModelForm):
    class Meta:
        model = Municipality
        fields = ["name", "province", "kind", "population"]


class RoleFieldsMixin(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def add_directorate_field(self, municipality: Municipality) -> None:
        self.fields["directorate"] = DirectorateChoiceField(
            municipality=municipality,
            label=_("Directorate"),
            help_text=_("Required for focal points."),
            empty_value=None,
        )

    def clean(self):
        data = super().clean()
        if data.get("role") == Role.FOCAL_POINT and not data.get("directorate"):
            self.add_error("directorate", _("A focal point needs a directorate."))
        return data


class InviteForm(RoleFieldsMixin):
    email = forms.EmailField(label=_("E-mail"))

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_directorate_field(municipality)
        self.order_fields(["email", "role", "directorate"])


class MemberRoleForm(RoleFieldsMixin):
    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_directorate_field(municipality)


class AcceptInvitationForm(forms.Form):
    """A new account for the person who follows an invitation link."""

    username = forms.CharField(label=_("User name"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits; not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This user name is taken; choose another."))
        return username

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            candidate = User(
                username=data.get("username", ""),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = forms.CharField(label=_("User"), required=False, max_length=150)
    date_from = forms.DateField(
        label=_("From date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All actions"))] + [
            (code, label) for code, label in ACTION_LABELS.items()
        ]


class AmountField(forms.DecimalField):
    """A money amount typed as people type it: "12.500,50", "1.250.000", "12500.50"."""

    # A number input would refuse "12.500,50" in the browser before the server could read it.
    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def prepare_value(self, value):
        """A stored amount shown the way it is typed back: 1800000.00 → "1.800.000" in
        Turkish, 12.50 → "12,5"; what the user typed (a string) is shown unchanged."""
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            value = Decimal(value).normalize()
            places = max(-value.as_tuple().exponent, 0)
            return number_format(value, decimal_pos=places, force_grouping=True)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            amount = parse_amount(str(value), get_language() or "tr")
        except ValueError:
            raise forms.ValidationError(
                _("Enter an amount such as 12.500,50."), code="invalid"
            ) from None
        return amount
