# Sourced by run.sh, load.sh and faults.sh: one Release build, started the way production starts it.

APP_DIR="$PWD/bench/out/app"

# ReadyToRun: the assemblies are compiled ahead of time, which takes about a third off start-up.
publish_app() {
  local rid
  rid="linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
  echo "== publish Release ($rid, ReadyToRun)"
  dotnet publish src/DongNai.EthnicPortal.Web -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -o "$APP_DIR" --nologo -v quiet
}

publish_app_once() {
  [ -f "$APP_DIR/DongNai.EthnicPortal.Web.dll" ] || publish_app
}

# The content root must be the app folder: from anywhere else appsettings.json (logging sinks,
# defaults) is silently not read. An array, not a function, so that `"${APP[@]}" … &` leaves the
# app's own pid in $! for kill and kill -9.
APP=(dotnet "$APP_DIR/DongNai.EthnicPortal.Web.dll" --contentRoot "$APP_DIR")

# Replaces (or appends) one "## …" section of RESULTS.md, after the "## Notes" that run.sh keeps.
write_results_section() {
  local results=$1 heading=$2
  touch "$results"
  grep -q '^## Notes' "$results" || printf '\n## Notes\n' >> "$results"
  SECTION_TEXT=$3 python3 - "$results" "$heading" <<'PY'
import os, re, sys
path, heading = sys.argv[1:3]
text = open(path, encoding="utf-8").read()
section = os.environ["SECTION_TEXT"].rstrip() + "\n"
pattern = re.compile(r"^" + re.escape(heading) + r"\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w", encoding="utf-8").write(text)
PY
}
