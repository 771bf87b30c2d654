"""Model instances turned into the plain data of the output schemas."""

import datetime as dt
from typing import Any

from bimkemas.accounts.models import Absence, User
from bimkemas.audit.models import AuditEvent
from bimkemas.clients.models import CaseDocument, Client, ClientPhone, SupervisionCase
from bimkemas.clients.stages import StageSpan


def person(user: User | None) -> dict | None:
    if user is None:
        return None
    return {"id": user.public_id, "name": str(user)}


def office_ref(office) -> dict | None:
    return {"code": office.code, "name": office.name} if office is not None else None


def work_area(area) -> dict:
    return {"id": area.pk, "kind": area.kind, "name": str(area)}


def spans(timeline: list[StageSpan]) -> list[dict]:
    return [
        {"stage": s.stage, "first_day": s.first_day, "last_day": s.last_day, "days": s.days}
        for s in timeline
    ]


def document(doc: CaseDocument, case: SupervisionCase) -> dict:
    return {
        "id": doc.public_id,
        "case": case.public_id,
        "kind": doc.kind,
        "original_name": doc.original_name,
        "content_type": doc.content_type,
        "size": doc.size,
        "uploaded_at": doc.created_at,
    }


def open_case(case: SupervisionCase | None, day: dt.date) -> dict | None:
    if case is None:
        return None
    return {
        "id": case.public_id,
        "register_number": case.register_number,
        "programme": case.programme.code,
        "stage": case.stage_on(day),
        "officer": str(case.officer) if case.officer else None,
        "guidance_end": case.guidance_end,
    }


def client_summary(client: Client, day: dt.date) -> dict:
    cases = getattr(client, "open_cases", [])
    return {
        "id": client.public_id,
        "full_name": client.full_name,
        "category": client.category,
        "work_area": str(client.work_area),
        "open_case": open_case(cases[0] if cases else None, day),
    }


def case_summary(case: SupervisionCase, day: dt.date) -> dict:
    return {
        "id": case.public_id,
        "register_number": case.register_number,
        "programme": case.programme.code,
        "status": case.status,
        "stage": case.stage_on(day),
        "guidance_start": case.guidance_start,
        "guidance_end": case.guidance_end,
        "officer": person(case.officer),
        "timeline": spans(case.timeline()),
    }


def client_detail(client: Client, day: dt.date) -> dict[str, Any]:
    cases = list(
        client.cases.select_related("programme", "officer", "office").order_by(
            "-received_on", "-pk"
        )
    )
    documents = [
        document(doc, case) for case in cases for doc in case.documents.order_by("kind", "pk")
    ]
    fields = ("full_name", "aliases", "nik", "birth_place", "birth_date", "sex", "religion")
    address = (
        "category",
        "street",
        "rt",
        "rw",
        "kelurahan",
        "kecamatan",
        "address_line",
        "home_latitude",
        "home_longitude",
    )
    return {
        "id": client.public_id,
        "office": office_ref(client.office),
        **{name: getattr(client, name) for name in fields + address},
        "work_area": work_area(client.work_area),
        "photo": client.photo.public_id if client.photo else None,
        "phones": [phone_out(phone) for phone in client.phones.all()],
        "guarantors": list(client.guarantors.values("name", "relation", "phone", "address")),
        "contacts": list(client.local_contacts.values("kind", "name", "phone")),
        "cases": [case_summary(case, day) for case in cases],
        "documents": documents,
    }


def case_detail(case: SupervisionCase, day: dt.date) -> dict[str, Any]:
    plain = (
        "register_number",
        "status",
        "sk_number",
        "sk_date",
        "sk_issuer",
        "offence_law",
        "offence_article",
        "crime_category",
        "guidance_start",
        "guidance_end",
        "aftercare_until",
        "general_conditions",
        "special_conditions",
        "received_on",
        "closed_on",
        "closing_note",
    )
    assignments = case.assignments.select_related("officer", "assigned_by")
    return {
        "id": case.public_id,
        **{name: getattr(case, name) for name in plain},
        "client": {"id": case.client.public_id, "name": case.client.full_name},
        "office": office_ref(case.office),
        "programme": {"value": case.programme.code, "label": case.programme.name},
        "stage": case.stage_on(day),
        "timeline": spans(case.timeline()),
        "origin_facility": str(case.origin_facility),
        "sentence": case.sentence_display,
        "officer": person(case.officer),
        "assignments": [
            {
                "officer": person(a.officer),
                "assigned_by": str(a.assigned_by),
                "started_at": a.started_at,
                "ended_at": a.ended_at,
                "reason": a.reason,
            }
            for a in assignments
        ],
        "documents": [document(doc, case) for doc in case.documents.order_by("kind", "pk")],
    }


def officer(
    user: User, absence: Absence | None, *, available: bool | None = None
) -> dict[str, Any]:
    """`absence`: why away today, or a secondment to the asking office (then `available`)."""
    return {
        "id": user.public_id,
        "username": user.username,
        "name": str(user),
        "role": user.role,
        "rank": user.rank,
        "title": user.title,
        "case_count": getattr(user, "case_count", 0),
        "weighted_load": float(getattr(user, "weighted_load", 0)),
        "available": absence is None if available is None else available,
        "absence": absence.kind if absence else None,
        "seconded_to": absence.seconded_to.name if absence and absence.seconded_to else None,
        "absent_until": absence.ends_on if absence else None,
        "work_areas": [str(area) for area in user.work_areas.all()],
    }


def phone_out(phone: ClientPhone) -> dict:
    return {
        "id": phone.public_id,
        "number": phone.number,
        "label": phone.label,
        "verified_reachable": phone.verified_reachable,
        "verified_on": phone.verified_on,
    }


def audit_event(event: AuditEvent) -> dict:
    return {
        "occurred_at": event.occurred_at,
        "actor": str(event.actor) if event.actor else None,
        "actor_id": event.actor.public_id if event.actor else None,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "summary": event.summary,
        "changes": event.changes,
        "channel": event.channel,
    }
