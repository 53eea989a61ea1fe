#!/usr/bin/env bash
# Re-render the page images of docs/documents from the demo data (see README.md in this folder).
# The test DocumentGalleryTests_Sqlite starts the app on a fresh SQLite file with the demo data (as the README's run
# command does), downloads every document type through the API, converts each with LibreOffice and renders it with
# `pdftoppm -png -r 50`. Needs: .NET SDK, soffice, pdftoppm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cd "$root"
dotnet build tests/Exemplars.Web.Tests -c Debug -v q
EXEMPLARS_RENDER_DOCUMENTS="$out" dotnet test tests/Exemplars.Web.Tests --no-build \
  --filter "FullyQualifiedName~DocumentGalleryTests_Sqlite"
rm -f "$here"/*.png
cp "$out"/*.png "$here"/
ls -1 "$here"/*.png
