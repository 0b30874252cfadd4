#!/usr/bin/env bash
# Regenerates the compiled EF model of every provider (src/DongNai.EthnicPortal.Migrations.*/CompiledModel),
# which the app loads at start-up instead of building the model from the configurations. Run it after
# every model change, with the migrations (README, "Adding a migration"), and after merging branches that
# change the model; CompiledModelTests fails while one is stale. No database server is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null
# A stale model may no longer compile (a removed entity): delete all three first. The app finds them by
# their assembly attribute, so the project builds without them.
rm -rf src/DongNai.EthnicPortal.Migrations.{Sqlite,SqlServer,PostgreSql}/CompiledModel
dotnet build src/DongNai.EthnicPortal.Web --nologo -v quiet

optimize() { # provider project, then the app's arguments for that provider
  local provider=$1; shift
  echo "== $provider"
  dotnet ef dbcontext optimize --no-build --project "src/DongNai.EthnicPortal.Migrations.$provider" --startup-project src/DongNai.EthnicPortal.Web \
    --output-dir CompiledModel --namespace "DongNai.EthnicPortal.Migrations.$provider.CompiledModel" -- "--Database:Provider=$provider" "$@" >/dev/null
}
optimize Sqlite
optimize SqlServer "--ConnectionStrings:Portal=Server=localhost;Database=Portal;User Id=sa;Password=unused;TrustServerCertificate=True"
optimize PostgreSql "--ConnectionStrings:Portal=Host=localhost;Database=portal;Username=portal;Password=unused"
echo "Regenerated; commit the three CompiledModel folders."
