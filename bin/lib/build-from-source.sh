# Sourced by the launchers in bin/: builds the checkout (mvn install, tests skipped) when it has
# never been built or a source changed since the last build, so `git pull` then a launcher just
# works. One build at a time when several launchers start together; the others use its result.
# Sets $root (the checkout) and $dist (cli's assembled distribution, whose stamp marks a build).
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
dist=$root/cli/target/imgbuild
stamp=$dist/.built
stale() {
  [ ! -f "$stamp" ] && return 0
  [ -n "$(find "$root" \( -name target -o -name .git -o -name node_modules \) -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' -o -path '*/src/dist/*' \) \
        -newer "$stamp" -print -quit 2>/dev/null)" ]
}
build() {
  echo "$(basename "$0"): building from source (first run, or sources changed)..." >&2
  log=$(mktemp)
  if ! (cd "$root" && mvn -q -B -ntp -DskipTests install) >"$log" 2>&1; then
    sed 's/\x1b\[[0-9;]*m//g' "$log" >&2
    rm -f "$log"
    echo "$(basename "$0"): the build from source failed (output above)" >&2
    exit 2
  fi
  rm -f "$log"
}
if stale; then
  exec 9>"${TMPDIR:-/tmp}/imgbuild-build-$(echo "$root" | sha1sum | cut -c1-12).lock"
  flock 9
  if stale; then build; fi
  flock -u 9
fi
