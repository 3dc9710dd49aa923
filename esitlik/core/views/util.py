from django.contrib import messages
from django.core.exceptions import ValidationError


def apply_validation_error(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for item in errors:
                form.add_error(target, item)
    else:
        form.add_error(None, error)


def save_form(request, form, write, done_message) -> bool:
    """For a valid POST, run ``write(cleaned_data)`` and flash ``done_message``; a service's
    ValidationError is shown on the form instead. True when the write happened."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        write(form.cleaned_data)
    except ValidationError as error:
        apply_validation_error(form, error)
        return False
    messages.success(request, done_message)
    return True


def page_context(membership, **extra) -> dict:
    """What every page inside a municipality's space needs: the membership (for the layout's
    navigation) and its municipality, plus the page's own values."""
    return {"membership": membership, "municipality": membership.municipality, **extra}
