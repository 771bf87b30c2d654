"""Stored files that follow their transaction: a rollback undoes rows, not files on disk, so
a write that fails removes the files it stored and leaves nothing behind."""

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

from django.db import transaction
from django.db.models.fields.files import FieldFile

_stored: ContextVar[list[FieldFile] | None] = ContextVar("stored_files", default=None)

P = ParamSpec("P")
R = TypeVar("R")


def store_file(field_file: FieldFile, name: str, content) -> None:
    """Write an upload to storage, to be removed again if the enclosing write fails."""
    field_file.save(name, content, save=False)
    stored = _stored.get()
    if stored is not None:
        stored.append(field_file)


@contextmanager
def files_removed_on_failure() -> Iterator[None]:
    if _stored.get() is not None:  # an outer write already watches
        yield
        return
    token = _stored.set([])
    try:
        yield
    except BaseException:
        for field_file in _stored.get() or []:
            field_file.delete(save=False)
        raise
    finally:
        _stored.reset(token)


def atomic_with_files(function: Callable[P, R]) -> Callable[P, R]:
    """`transaction.atomic` for services that store files: on failure the files go too."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with files_removed_on_failure(), transaction.atomic():
            return function(*args, **kwargs)

    return wrapper
