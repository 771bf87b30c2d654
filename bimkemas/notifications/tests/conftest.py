import pytest


@pytest.fixture(autouse=True)
def _console_file(settings, tmp_path):
    """The console transport writes here instead of var/notifications.log."""
    settings.NOTIFICATION_CONSOLE_FILE = tmp_path / "notifications.log"
    return settings.NOTIFICATION_CONSOLE_FILE
