#!/usr/bin/env bash
# Refresh the vendored front-end files (served locally: Bapas networks are slow or offline).
# htmx comes with django-htmx; Bootstrap is copied from its npm package.
set -euo pipefail
version=${1:-5.3.9}
dest="$(dirname "$0")/../bimkemas/core/static/vendor/bootstrap"
work=$(mktemp -d)
(cd "$work" && npm pack "bootstrap@$version" --silent >/dev/null && tar xzf bootstrap-*.tgz)
cp "$work"/package/dist/css/bootstrap.min.css{,.map} "$work"/package/dist/js/bootstrap.bundle.min.js{,.map} \
   "$work"/package/LICENSE "$dest/"
echo "Bootstrap $version copied to $dest"
