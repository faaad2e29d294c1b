"""GOV.UK-style form rendering: labels, hints, error messages and an error summary, without any
per-form template code."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from putright.web.dates import LABELS, DateWidget

register = template.Library()

WIDGET_CLASSES = {
    "textarea": "pr-textarea",
    "select": "pr-select",
    "date": "pr-input pr-input--date",
    "number": "pr-input pr-input--short",
    "file": "pr-file-upload",
    "checkbox": "pr-checkboxes__input",
    "radio": "pr-radios__input",
}


def _kind(bound_field) -> str:
    widget = bound_field.field.widget
    if isinstance(widget, DateWidget):
        return "date-parts"
    kind = getattr(widget, "input_type", None)
    if kind is None:
        kind = "textarea" if widget.__class__.__name__ == "Textarea" else "select"
    return kind


def anchor(bound_field) -> str:
    # A group's first box: the first radio, or a date's Day.
    grouped = _kind(bound_field) in ("radio", "date-parts")
    return f"{bound_field.auto_id}_0" if grouped else bound_field.auto_id


@register.simple_tag
def field(bound_field):
    """One question: label (legend for radios), hint, error message, input."""
    kind = _kind(bound_field)
    hint_id, error_id = f"{bound_field.auto_id}-hint", f"{bound_field.auto_id}-error"
    described = []
    hint = ""
    if bound_field.help_text and bound_field.help_text.strip():
        described.append(hint_id)
        hint = format_html('<div id="{}" class="pr-hint">{}</div>', hint_id, bound_field.help_text)
    errors = ""
    if bound_field.errors:
        described.append(error_id)
        errors = format_html(
            '<p id="{}" class="pr-error-message"><span class="pr-visually-hidden">Error:</span> '
            "{}</p>",
            error_id,
            " ".join(bound_field.errors),
        )
    group_class = "pr-form-group" + (" pr-form-group--error" if bound_field.errors else "")
    optional = not bound_field.field.required and kind != "checkbox"
    required = (
        " (optional)" if optional and getattr(bound_field.form, "show_optional", True) else ""
    )
    if kind == "radio":
        bound_field.field.widget.attrs["class"] = WIDGET_CLASSES["radio"]
        items = format_html_join(
            "",
            '<div class="pr-radios__item">{}<label class="pr-radios__label" for="{}">{}</label>'
            "</div>",
            (
                (
                    radio.tag(),
                    radio.id_for_label,
                    radio.choice_label,
                )
                for radio in bound_field
            ),
        )
        described_attr = (
            format_html(' aria-describedby="{}"', " ".join(described)) if described else ""
        )
        return format_html(
            '<div class="{}"><fieldset class="pr-fieldset"{}><legend class="pr-fieldset__legend">'
            '{}</legend>{}{}<div class="pr-radios">{}</div></fieldset></div>',
            group_class,
            described_attr,
            bound_field.label,
            hint,
            errors,
            items,
        )
    if kind == "date-parts":
        return _date_parts(bound_field, group_class, described, hint, errors, required)
    attrs = {"class": WIDGET_CLASSES.get(kind, "pr-input")}
    if bound_field.errors:
        attrs["class"] += " pr-input--error"
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    widget = bound_field.as_widget(attrs=attrs)
    if kind == "checkbox":
        return format_html(
            '<div class="{}">{}{}<div class="pr-checkboxes__item">{}<label class="pr-label '
            'pr-checkboxes__label" for="{}">{}</label></div></div>',
            group_class,
            hint,
            errors,
            widget,
            bound_field.id_for_label,
            bound_field.label,
        )
    return format_html(
        '<div class="{}"><label class="pr-label" for="{}">{}{}</label>{}{}{}</div>',
        group_class,
        bound_field.id_for_label,
        bound_field.label,
        required,
        hint,
        errors,
        widget,
    )


def _date_parts(bound_field, group_class, described, hint, errors, required):
    """The GOV.UK date input: a fieldset whose legend is the question, then Day, Month and Year,
    each with its own label. The hint and the error describe the fieldset, as GOV.UK does."""
    widget = bound_field.field.widget
    box_class = "pr-input pr-date-input__input" + (" pr-input--error" if errors else "")
    boxes = format_html_join(
        "",
        '<div class="pr-date-input__item"><label class="pr-label pr-date-input__label" for="{}">'
        '{}</label><input class="{} pr-date-input__input--{}" id="{}" name="{}" type="text" '
        'inputmode="numeric" autocomplete="off" maxlength="{}" value="{}"{}></div>',
        (
            (
                f"{bound_field.auto_id}_{i}",
                label,
                box_class,
                4 if i == 2 else 2,
                f"{bound_field.auto_id}_{i}",
                f"{bound_field.html_name}_{i}",
                4 if i == 2 else 2,
                value,
                mark_safe(' aria-invalid="true"') if errors else "",
            )
            for i, (label, value) in enumerate(
                zip(LABELS, widget.parts(bound_field.value()), strict=True)
            )
        ),
    )
    described_attr = format_html(' aria-describedby="{}"', " ".join(described)) if described else ""
    return format_html(
        '<div class="{}"><fieldset class="pr-fieldset" role="group" id="{}"{}>'
        '<legend class="pr-fieldset__legend">{}{}</legend>{}{}<div class="pr-date-input">{}</div>'
        "</fieldset></div>",
        group_class,
        bound_field.auto_id,
        described_attr,
        bound_field.label,
        required,
        hint,
        errors,
        boxes,
    )


@register.inclusion_tag("web/includes/error_summary.html")
def error_summary(form=None, rule=None, message=None):
    """The error summary at the top of a page: each field error links to its field; a broken
    Code rule names its provision."""
    items = []
    if form is not None and form.is_bound:
        for error in form.non_field_errors():
            items.append(("", error))
        for bound_field in form:
            for error in bound_field.errors:
                items.append((anchor(bound_field), error))
    return {"items": items, "rule": rule, "message": message}
