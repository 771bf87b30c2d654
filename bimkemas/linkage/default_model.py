"""Rebuild the default model shipped with the package, trained on synthetic identities.

    .venv/bin/python -m bimkemas.linkage.default_model

Deterministic (fixed seeds): the same code gives the same file, hence the same version.
"""

from bimkemas.linkage.matcher import DEFAULT_MODEL_PATH, _write_model, prepare, train
from bimkemas.linkage.synthetic import generate

CLIENTS, RECORDS, SEED = 20_000, 200_000, 2026


def build() -> None:
    data = generate(CLIENTS, RECORDS, seed=SEED)
    settings, meta = train(prepare(data.clients), prepare(data.records), progress=print)
    meta["trained_on"]["data"] = f"synthetic.generate({CLIENTS}, {RECORDS}, seed={SEED})"
    _write_model(DEFAULT_MODEL_PATH, settings, meta)
    print(f"wrote {DEFAULT_MODEL_PATH}")


if __name__ == "__main__":
    build()
