"""Admin: instrument versions (a draft's JSON edited with its problems shown; publish; a new
version from a published one), the offices' reassessment settings, and assessments read-only.
Every instrument change goes through the services (validated, audited)."""

import json

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from bimkemas.assessments.definitions import validate_definition
from bimkemas.assessments.models import (
    Assessment,
    AssessmentSettings,
    Instrument,
    ReassessmentTrigger,
)
from bimkemas.assessments.services import (
    instrument_create,
    instrument_new_version,
    instrument_publish,
    instrument_update,
)
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, changes_between, snapshot
from bimkemas.core.admin import ReadOnlyAdmin
from bimkemas.core.errors import ApplicationError

SETTINGS_FIELDS = ("initial_days", "interval_months", "trigger_days")


class IndentedJSONField(forms.JSONField):
    """The definition shown indented, one item option per line, so it can be edited by hand."""

    def prepare_value(self, value):
        if isinstance(value, forms.fields.InvalidJSONInput):
            return value
        return json.dumps(value, ensure_ascii=False, indent=2)


class InstrumentForm(forms.ModelForm):
    definition = IndentedJSONField(
        label=_("definition"),
        widget=forms.Textarea(attrs={"rows": 30, "cols": 100, "style": "font-family: monospace"}),
        help_text=_(
            "Items (code, text, help, options with label and score), bands (label, min, max) "
            "and, for needs instruments, domains (code, label, items, thresholds sedang/tinggi, "
            "suggestion). Checked when saved."
        ),
    )

    class Meta:
        model = Instrument
        fields = ["code", "name", "kind", "note", "definition"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("code", "kind"):
            if self.instance.pk and name in self.fields:
                self.fields[name].disabled = True

    def clean(self):
        data = super().clean() or {}
        definition, kind = data.get("definition"), data.get("kind") or self.instance.kind
        code = data.get("code")
        if not self.instance.pk and code and Instrument.objects.filter(code=code).exists():
            self.add_error("code", _("This code is already in use: make a new version instead."))
        if definition is not None and "definition" in self.fields:
            for message in validate_definition(definition, kind):
                self.add_error("definition", message)
        return data


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    form = InstrumentForm
    list_display = ["name", "code", "kind", "version", "status", "published_at", "note"]
    list_filter = ["kind", "status"]
    search_fields = ["code", "name"]
    actions = ["publish", "new_version"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_editable:
            return ["code", "name", "kind", "note", "definition_shown", "status", "published_at"]
        return ["status", "published_at"]

    def get_fields(self, request, obj=None):
        if obj is not None and not obj.is_editable:
            return ["code", "name", "kind", "status", "published_at", "note", "definition_shown"]
        return ["code", "name", "kind", "note", "definition", "status", "published_at"]

    @admin.display(description=_("definition"))
    def definition_shown(self, obj):
        return format_html(
            "<pre style='white-space: pre-wrap'>{}</pre>",
            json.dumps(obj.definition, ensure_ascii=False, indent=2),
        )

    def has_delete_permission(self, request, obj=None):
        return obj is None or (obj.is_editable and not obj.assessments.exists())

    def save_model(self, request, obj, form, change) -> None:
        data = form.cleaned_data
        if change and not obj.is_editable:
            messages.error(request, _("A published version cannot be changed: make a new version."))
            return
        try:
            if change:
                saved = instrument_update(
                    actor=request.user,
                    instrument=obj,
                    name=data["name"],
                    definition=data["definition"],
                    note=data.get("note", ""),
                )
            else:
                saved = instrument_create(
                    actor=request.user,
                    code=data["code"],
                    name=data["name"],
                    kind=data["kind"],
                    definition=data["definition"],
                    note=data.get("note", ""),
                )
        except ApplicationError as error:  # the form checked the definition already
            messages.error(request, error.message)
            return
        obj.pk, obj.public_id = saved.pk, saved.public_id

    @admin.action(description=_("Publish the selected draft versions"))
    def publish(self, request, queryset):
        for instrument in queryset:
            try:
                instrument_publish(actor=request.user, instrument=instrument)
            except ApplicationError as error:
                self.message_user(request, f"{instrument}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("%s published.") % instrument, messages.SUCCESS)

    @admin.action(description=_("Make a new draft version of the selected instruments"))
    def new_version(self, request, queryset):
        for instrument in queryset:
            try:
                copy = instrument_new_version(actor=request.user, instrument=instrument)
            except ApplicationError as error:
                self.message_user(request, f"{instrument}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("%s drafted.") % copy, messages.SUCCESS)


@admin.register(AssessmentSettings)
class AssessmentSettingsAdmin(admin.ModelAdmin):
    """An office's reassessment rules; each save is audited (old → new)."""

    list_display = ["office", "initial_days", "interval_months", "trigger_days"]
    list_select_related = ["office"]

    def save_model(self, request, obj, form, change) -> None:
        before = (
            snapshot(AssessmentSettings.objects.get(pk=obj.pk), SETTINGS_FIELDS) if change else {}
        )
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit_record(
                actor=request.user,
                action=AuditAction.UPDATE if change else AuditAction.CREATE,
                obj=obj,
                summary=f"Assessment settings {obj} (admin)",
                changes=changes_between(before, snapshot(obj, SETTINGS_FIELDS)),
            )


@admin.register(Assessment)
class AssessmentAdmin(ReadOnlyAdmin):
    list_display = ["case", "instrument", "assessed_on", "status", "score", "band", "assessor"]
    list_filter = ["kind", "status", "case__office"]
    list_select_related = ["case__programme", "instrument", "assessor"]
    search_fields = ["case__register_number"]
    date_hierarchy = "assessed_on"


@admin.register(ReassessmentTrigger)
class ReassessmentTriggerAdmin(ReadOnlyAdmin):
    list_display = ["case", "reason", "created_at", "created_by", "resolved_by_assessment"]
    list_filter = ["reason", "case__office"]
    list_select_related = ["case__programme", "created_by"]
    search_fields = ["case__register_number"]
