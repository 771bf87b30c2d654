#!/usr/bin/env bash
# Refresh the vendored Chart.js (served locally like Bootstrap: Bapas networks are slow or
# offline, and the CSP allows only our own scripts). Used by the reporting statistics page.
set -euo pipefail
version=${1:-4.5.1}
dest="$(dirname "$0")/../bimkemas/reporting/static/reporting/vendor"
work=$(mktemp -d)
(cd "$work" && npm pack "chart.js@$version" --silent >/dev/null && tar xzf chart.js-*.tgz)
mkdir -p "$dest"
cp "$work"/package/dist/chart.umd.min.js "$dest/"
cp "$work"/package/LICENSE.md "$dest/chart.js-LICENSE.md"
rm -rf "$work"
echo "Chart.js $version copied to $dest"
