"""Public tracking codes: unguessable, unambiguous when read aloud or copied by hand.

Ten characters from 31 letters and digits without 0/O, 1/I/L: 31^10 ≈ 8·10^14 codes, drawn
by `secrets`. Shown as XXXXX-XXXXX; typed in any case, with or without the dash or spaces.
"""

import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 10


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(text: str) -> str | None:
    """The stored form of a typed code, or None when it cannot be one."""
    code = "".join(ch for ch in (text or "").upper() if ch not in " -\t")[: LENGTH + 1]
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def display(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"
