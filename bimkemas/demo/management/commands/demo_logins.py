"""`bimkemas demo-logins`: the demo accounts to try, printed before `make demo` serves."""

import os

from django.core.management.base import BaseCommand

from bimkemas.accounts.models import User
from bimkemas.demo.constants import DEMO_PASSWORD
from bimkemas.demo.loader import demo_exists
from bimkemas.litmas.demo import DEMO_TRACKING_CODE
from bimkemas.litmas.models import LitmasRequest
from bimkemas.reporting.demo import DEMO_CLIENT_PIN
from bimkemas.reporting.models import ClientAccess

ANY_ADDRESS = {"", "0.0.0.0", "::"}  # noqa: S104 (recognised, not bound)
LOGINS = (
    ("kepala", "Office overview (§8 figures); a revocation awaits the head's temporary revocation"),
    ("kasi", "Intake, assign cases, access log; revocation statistics, matcher precision"),
    ("registrar", "Intake; import prison admissions and court decisions (/records/import/)"),
    ("pk", "Caseload of about 58; prison records that may be clients; violations to answer"),
    ("apk", "An assistant officer's caseload"),
    ("kasi.oku", "Another Bapas: Palembang's clients are invisible here"),
    ("pk.oku", "Officer of another Bapas"),
    ("nasional", "National overview: numbers only, no personal data"),
    ("admin", "Configuration at /admin/: offices, stage fractions, programme weights, staff"),
)


class Command(BaseCommand):
    help = "Print the demo logins and the address to open."

    def handle(self, *args, **options) -> None:
        if not demo_exists():
            self.stdout.write("No demo data yet: run `bimkemas demo-data` first.")
            return
        users = {
            u.username: u
            for u in User.objects.filter(username__in=[n for n, _ in LOGINS]).select_related(
                "office"
            )
        }
        rows = [
            (
                username,
                users[username].title or "Administrator",
                users[username].office.name if users[username].office else "-",
                hint,
            )
            for username, hint in LOGINS
            if username in users
        ]
        header = ("username", "role", "office", "try")
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
        for row in [header, *rows]:
            cells = [cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)]
            self.stdout.write(" ".join([*cells, row[3]]))
        self._client_app()
        self._litmas_tracking()
        self.stdout.write(f"Open {served_url()}")

    def _client_app(self) -> None:
        access = (
            ClientAccess.objects.filter(activated_at__isnull=False, locked_at__isnull=True)
            .select_related("client")
            .order_by("pk")
            .first()
        )
        case = access.client.cases.open().first() if access else None
        if access is None or case is None:
            return
        self.stdout.write(
            f"Client self check-in app: {served_url()}lapor/ — register number "
            f"{case.register_number}, birth date {access.client.birth_date:%d/%m/%Y}, "
            f"PIN {DEMO_CLIENT_PIN}"
        )

    def _litmas_tracking(self) -> None:
        if LitmasRequest.objects.filter(tracking_code=DEMO_TRACKING_CODE).exists():
            code = f"{DEMO_TRACKING_CODE[:5]}-{DEMO_TRACKING_CODE[5:]}"
            self.stdout.write(
                f"Litmas tracking (public): {served_url()}litmas/lacak/ — code {code}"
            )


def served_url() -> str:
    """Where `make serve` listens: it passes HOST and PORT (`PORT=8101 make demo`)."""
    host = os.environ.get("HOST", "127.0.0.1")
    if host in ANY_ADDRESS:
        host = "127.0.0.1"
    return f"http://{host}:{os.environ.get('PORT', '8000')}/"
