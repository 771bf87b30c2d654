import os

from django.core.asgi import get_asgi_application

from config.startup import refuse_insecure_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()
refuse_insecure_settings()  # after setup: it reads the settings
