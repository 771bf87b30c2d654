"""Admin of letterheads and office templates. Templates are added through
`document_template_upload` (the form shows why a file is refused); generated documents are
read-only here: only `document_generate` writes them."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, changes_between, snapshot
from bimkemas.core.admin import ReadOnlyAdmin
from bimkemas.core.errors import ApplicationError
from bimkemas.documents.models import DocumentTemplate, GeneratedDocument, OfficeLetterhead
from bimkemas.documents.services import (
    LETTERHEAD_FIELDS,
    document_template_activate,
    document_template_check,
    document_template_deactivate,
    document_template_upload,
)


@admin.register(OfficeLetterhead)
class OfficeLetterheadAdmin(SimpleHistoryAdmin):
    list_display = ["office", "office_line", "city"]
    list_select_related = ["office"]

    def save_model(self, request, obj, form, change) -> None:
        before = (
            snapshot(OfficeLetterhead.objects.get(pk=obj.pk), LETTERHEAD_FIELDS) if change else {}
        )
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit_record(
                actor=request.user,
                action=AuditAction.UPDATE if change else AuditAction.CREATE,
                obj=obj,
                summary=f"Letterhead of {obj.office} (admin)",
                changes=changes_between(before, snapshot(obj, LETTERHEAD_FIELDS)),
            )


class TemplateUploadForm(forms.ModelForm):
    """A refusal of the upload (not a DOCX, too large, a template error) shows on the file
    field; the accepted file is saved by `document_template_upload` in `save_model`."""

    class Meta:
        model = DocumentTemplate
        fields = ["office", "kind", "file", "note"]

    def clean(self) -> dict:
        data = super().clean() or {}
        # The new template replaces the active one: the one-active constraint is the
        # service's business, not a reason to refuse the form.
        self._validate_unique = False
        if self.errors:
            return data
        try:
            document_template_check(office=data["office"], kind=data["kind"], file=data["file"])
        except ApplicationError as error:
            for field, problems in error.errors.items():
                for problem in problems:
                    self.add_error(field if field in self.fields else None, problem)
        return data


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(SimpleHistoryAdmin):
    list_display = ["office", "kind", "original_name", "is_active", "uploaded_by", "uploaded_at"]
    list_filter = ["kind", "is_active", "office"]
    list_select_related = ["office", "uploaded_by"]
    actions = ["activate", "deactivate"]
    readonly_fields = [
        "office",
        "kind",
        "file",
        "original_name",
        "sha256",
        "uploaded_by",
        "uploaded_at",
        "is_active",
        "note",
    ]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = TemplateUploadForm
        return super().get_form(request, obj, change=change, **kwargs)

    def save_model(self, request, obj, form, change) -> None:
        if change:
            return  # nothing is editable; activation goes through the actions
        data = form.cleaned_data
        saved = document_template_upload(
            actor=request.user,
            office=data["office"],
            kind=data["kind"],
            file=data["file"],
            note=data.get("note", ""),
        )
        obj.pk, obj.file, obj.uploaded_by = saved.pk, saved.file, saved.uploaded_by
        obj.uploaded_at = saved.uploaded_at

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # documents name the template they were made with

    @admin.action(description=_("Use the selected template for its office and kind"))
    def activate(self, request, queryset) -> None:
        for template in queryset:
            document_template_activate(actor=request.user, template=template)
        messages.success(request, _("Activated."))

    @admin.action(description=_("Stop using the selected templates (back to the default)"))
    def deactivate(self, request, queryset) -> None:
        for template in queryset.filter(is_active=True):
            document_template_deactivate(actor=request.user, template=template)
        messages.success(request, _("Deactivated."))


@admin.register(GeneratedDocument)
class GeneratedDocumentAdmin(ReadOnlyAdmin):
    list_display = ["kind", "number", "fmt", "version", "office", "created_by", "created_at"]
    list_filter = ["kind", "fmt", "office"]
    list_select_related = ["office", "created_by"]
    search_fields = ["number", "title"]
    date_hierarchy = "created_at"
