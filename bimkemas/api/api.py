"""The NinjaAPI: documents at /api/docs and /api/openapi.json, operations under /api/v1/."""

from ninja import NinjaAPI

from bimkemas.api.auth import API_AUTH
from bimkemas.api.errors import register_handlers
from bimkemas.api.routers import (
    assessments,
    auth,
    cases,
    client_app,
    clients,
    documents,
    generated_documents,
    guidance,
    intake,
    linkage,
    litmas,
    officers,
    overview,
    reporting,
    reporting_duty,
    reporting_statistics,
    revocation,
    termination,
    tpp,
    violations,
    visits,
    work_items,
)
from bimkemas.api.routers import reference as reference_router

api = NinjaAPI(
    title="bimkemas API",
    version="1",
    description="Case management for Indonesia's Bapas. Errors: "
    '{"detail": str, "errors": {field: [messages]}}.',
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    auth=API_AUTH,
)
register_handlers(api)

for module in (
    auth,
    clients,
    intake,
    cases,
    documents,
    officers,
    overview,
    reference_router,
    work_items,
    reporting_statistics,
    client_app,
    reporting,
    reporting_duty,
    generated_documents,
    assessments,
    visits,
    guidance,
    tpp,
    termination,
    litmas,
    violations,
    revocation,
    linkage,
):
    api.add_router("/v1/", module.router)
