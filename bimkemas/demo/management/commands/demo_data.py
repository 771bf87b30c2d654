"""`bimkemas demo-data [--seed N] [--scale N] [--reset]`: load the demo offices.

Without --scale: Bapas Kelas I Palembang exactly as DOMAIN.md §8, plus the two offices its
officers are seconded to (Musi Rawas Utara, OKU). With --scale N: N offices in total, the
three above included, for national-size benchmarks (--scale 94 → 350,000 clients).
Running it again is harmless: existing demo data is left alone unless --reset is given.
"""

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bimkemas.accounts.models import Office
from bimkemas.clients.caseload import office_overview
from bimkemas.core.dates import today
from bimkemas.demo.loader import BASE_OFFICES, demo_exists, load_demo, reset_demo
from bimkemas.demo.offices import NATIONAL


class Command(BaseCommand):
    help = "Load demo data: Bapas Kelas I Palembang (DOMAIN.md §8) and optionally more offices."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--scale",
            type=int,
            default=None,
            help=f"Offices in total, {BASE_OFFICES} to {BASE_OFFICES + len(NATIONAL.splitlines())}"
            " (94 gives 350,000 clients).",
        )
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo offices first and reload."
        )

    def handle(self, *args, seed: int, scale: int | None, reset: bool, **options) -> None:
        if scale is not None and not BASE_OFFICES <= scale <= BASE_OFFICES + len(
            NATIONAL.splitlines()
        ):
            raise CommandError(f"--scale must lie between {BASE_OFFICES} and 99.")
        if demo_exists():
            if not reset:
                self.stdout.write("Demo data already exists; nothing changed (use --reset).")
                return
            reset_demo(self.stdout.write)
        started = time.perf_counter()
        loaded = load_demo(seed=seed, scale=scale, log=self.stdout.write)
        elapsed = time.perf_counter() - started
        self._summary(loaded, elapsed)

    def _summary(self, loaded, elapsed: float) -> None:
        write = self.stdout.write
        write("")
        write(f"{'office':<40} {'officers':>8} {'clients':>8}")
        for row in loaded[:12]:
            write(f"{row.name:<40} {row.officers:>8} {row.clients:>8}")
        if len(loaded) > 12:
            write(f"{'… ' + str(len(loaded) - 12) + ' more offices':<40}")
        total_officers = sum(r.officers for r in loaded)
        total_clients = sum(r.clients for r in loaded)
        label = f"total: {len(loaded)} offices"
        write(f"{label:<40} {total_officers:>8} {total_clients:>8}")
        write(self.style.SUCCESS(f"Loaded in {elapsed:.1f} s."))
        self._palembang()

    def _palembang(self) -> None:
        overview = office_overview(Office.objects.get(code="plg"), day=today())
        write = self.stdout.write
        write("")
        write(f"{overview.office.name} on {overview.day}:")
        write(
            f"  clients {overview.clients} = {overview.adults} adult + {overview.juveniles}"
            f" juvenile; by programme {overview.by_programme}"
        )
        stages = {k: overview.by_stage[k] for k in ("awal", "lanjutan", "akhir")}
        write(f"  stages {stages}; unassigned {overview.unassigned}")
        write(f"  officers {overview.officers}: {overview.officers_by_rank}")
        write(
            f"  seconded {overview.seconded} {overview.seconded_to}, rotating "
            f"{overview.rotating}, on leave {overview.on_leave}, active "
            f"{overview.active_officers}; 1 : {overview.clients_per_active_officer}"
        )
