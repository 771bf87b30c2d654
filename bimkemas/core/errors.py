from django.core.exceptions import ValidationError


class ApplicationError(Exception):
    """A rule was broken by the caller's input. Messages are safe to show to the user.

    `errors` maps field names (or "__all__") to messages; `message` is the first of them.
    """

    def __init__(
        self, message: str = "", *, field: str | None = None, errors: dict | None = None
    ) -> None:
        self.errors: dict[str, list[str]] = {
            k: [str(m) for m in v] for k, v in (errors or {}).items()
        }
        if message:
            self.errors.setdefault(field or "__all__", []).insert(0, str(message))
        self.message = message or next(iter(self.errors.values()))[0]
        self.field = field
        super().__init__(self.message)

    @classmethod
    def from_validation_error(cls, error: ValidationError, prefix: str = "") -> "ApplicationError":
        if hasattr(error, "error_dict"):
            errors = {f"{prefix}{k}": v for k, v in error.message_dict.items()}
        else:
            errors = {"__all__": error.messages}
        return cls(errors=errors)
