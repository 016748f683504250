#!/usr/bin/env bash
# Checks the container setup against CI:
#   1. docker-compose.yml is valid (Debian's docker-compose validates offline, no engine needed);
#   2. every build and start command of the Dockerfile and docker-compose.yml is one CI runs,
#      so the image builds and starts the apps exactly the way CI does.
#
# Rule 2, command by command:
#   - `npm ci`, `npm run <script>`: .ci/run (or a .ci/ script it calls) must run the same command,
#     not commented out, and the script must exist in package.json;
#   - `npm ci --omit=dev` (runtime stage) counts as the `npm ci` that .ci/run runs: same lockfile,
#     without devDependencies;
#   - a start command may also be the body of a package.json script (`node dist/...`, run without
#     npm so that SIGTERM reaches node); it then counts as `npm run <that script>`;
#   - any other npm/npx/node/yarn/pnpm/tsc command in a RUN, CMD, ENTRYPOINT or `command:` fails;
#     other programs (rm in a RUN, redis-server for the redis service) are not the apps' and pass.
# Also, the Dockerfile's `build` stage must run `npm ci` and `npm run build`, its `runtime` stage
# `npm ci --omit=dev`, and the containers must start every process listed in REQUIRED_STARTS.
#
# Limits of the parser: `command:`/`entrypoint:` values (string, flow or block list) are read
# from docker-compose.yml as text; commands are split on `&&` and `;` only.
#
# Environment (for the self-test in test/architecture/containers.test.ts):
#   CONTAINERS_DOCKERFILE, CONTAINERS_COMPOSE, CONTAINERS_CI_RUN, CONTAINERS_PACKAGE_JSON
#     the files to check (default: the repository's own);
#   CONTAINERS_SKIP_COMPOSE_CONFIG=1  skips step 1 (no docker-compose install).
set -euo pipefail
cd "$(dirname "$0")/.."

DOCKERFILE=${CONTAINERS_DOCKERFILE:-Dockerfile}
COMPOSE=${CONTAINERS_COMPOSE:-docker-compose.yml}
CI_RUN=${CONTAINERS_CI_RUN:-.ci/run}
PACKAGE_JSON=${CONTAINERS_PACKAGE_JSON:-package.json}

# The processes the demo must start (each as `npm run X` or as the body of script X).
REQUIRED_STARTS=(
  'npm run db:migrate'
  'npm run db:seed'
  'npm run start:fake-partners'
  'npm run start:api'
  'npm run start:worker'
)

problems=()
problem() { problems+=("$1"); }

# --- 1. docker-compose.yml is valid ----------------------------------------------------------
if [ "${CONTAINERS_SKIP_COMPOSE_CONFIG:-}" != 1 ]; then
  if ! command -v docker-compose >/dev/null; then
    echo "installing Debian's docker-compose (offline validation of $COMPOSE)"
    sudo=''
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
  fi
  # JWT_SECRET has no default in the file (compose refuses to start without it); any value validates.
  if ! JWT_SECRET=${JWT_SECRET:-set-at-deploy-time} docker-compose -f "$COMPOSE" config -q; then
    echo "check-containers: FAIL: docker-compose -f $COMPOSE config rejects the file (above)" >&2
    exit 1
  fi
  echo "$COMPOSE: valid"
fi

# --- 2. the containers' commands are CI's ----------------------------------------------------
for file in "$DOCKERFILE" "$COMPOSE" "$CI_RUN" "$PACKAGE_JSON"; do
  [ -f "$file" ] || { echo "check-containers: FAIL: $file not found" >&2; exit 1; }
done

# package.json scripts, as "name<TAB>command" lines.
# shellcheck disable=SC2016 # JavaScript, not shell expansions
scripts=$(node -e '
  const { scripts = {} } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const [name, command] of Object.entries(scripts)) console.log(`${name}\t${command}`);
' "$PACKAGE_JSON")
has_script() { cut -f1 <<<"$scripts" | grep -qxF -- "$1"; }
# The name of the script whose command is exactly $1, if any.
script_named_by_body() { awk -F'\t' -v body="$1" '$2 == body { print $1; exit }' <<<"$scripts"; }

# What CI runs: .ci/run and the .ci/ scripts it calls (say a helper that starts the apps), without
# comment lines.
ci_files=("$CI_RUN")
while IFS= read -r helper; do
  if [ -f "$helper" ] && [ "$helper" != .ci/check-containers.sh ]; then ci_files+=("$helper"); fi
done < <(grep -v '^[[:space:]]*#' "$CI_RUN" | grep -oE '(^|[[:space:]])\.ci/[A-Za-z0-9._-]+' | sed -E 's/^[[:space:]]+//' | sort -u)
ci_commands=$(cat "${ci_files[@]}" | grep -v '^[[:space:]]*#' || true)
# True if .ci/run runs exactly $1: whole words, and no further option such as `--omit=dev`.
ci_runs() {
  local escaped
  # shellcheck disable=SC2001 # a character class, not one substitution
  escaped=$(sed 's/[][\.*^$+?(){}|]/\\&/g' <<<"$1")
  grep -qE "(^|[[:space:];&|(])${escaped}([[:space:]]*$|[[:space:]]*[;&|)<>]|[[:space:]]+[^-[:space:]])" \
    <<<"$ci_commands"
}

# Flattens an exec-form list (["a", "b"] or ['a', 'b']) or a shell string to one command line,
# dropping an `sh -c` wrapper.
flatten() {
  sed -E "s/^[[:space:]]*\[//; s/,?[[:space:]]*\][[:space:]]*$//; s/[\"']//g; s/,([[:space:]]|$)/ /g;
          s/^[[:space:]]*((\/bin\/)?(ba)?sh -c[[:space:]]+)?//; s/[[:space:]]+$//" <<<"$1"
}

# Prints the segments of a command line, one per line, split on && and ;.
segments() { sed -E 's/[[:space:]]*(&&|;)[[:space:]]*/\n/g' <<<"$1" | sed -E 's/^[[:space:]]*(exec[[:space:]]+)?//; /^$/d'; }

# Checks one npm command ($1) used at $2 against package.json and .ci/run.
check_npm() {
  local cmd=$1 where=$2 ci=$1
  case "$cmd" in
    'npm ci --omit=dev') ci='npm ci' ;;
    'npm ci') ;;
    'npm run '*)
      local name=${cmd#npm run }
      if [[ "$name" =~ [[:space:]] ]] || ! has_script "$name"; then
        problem "$where runs '$cmd': no such script in $PACKAGE_JSON"
        return
      fi
      ;;
    *)
      problem "$where runs '$cmd', which is not a command CI runs (only npm ci, npm ci --omit=dev and npm run <script> from $CI_RUN)"
      return
      ;;
  esac
  if ! ci_runs "$ci"; then
    problem "$where runs '$cmd', but $CI_RUN does not run '$ci'"
  fi
}

is_tool_command() { [[ "$1" =~ ^(npm|npx|node|yarn|pnpm|tsc|corepack)([[:space:]]|$) ]]; }

started=()   # start commands seen, as `npm run X`
stage_runs=() # build commands seen, as "stage<TAB>command"

# A start command (CMD, ENTRYPOINT, compose command:) at $2.
check_start() {
  local line seg name
  line=$(flatten "$1")
  while IFS= read -r seg; do
    name=$(script_named_by_body "$seg")
    if [ -n "$name" ]; then
      started+=("npm run $name")
      if ! ci_runs "npm run $name"; then
        problem "$2 runs '$seg' (package.json script $name), but $CI_RUN does not run 'npm run $name'"
      fi
    elif [[ "$seg" == npm\ * ]]; then
      started+=("$seg")
      check_npm "$seg" "$2"
    elif is_tool_command "$seg"; then
      problem "$2 runs '$seg', which is neither a command CI runs nor the command of a package.json script CI runs"
    fi
  done < <(segments "$line")
}

# Dockerfile: instructions with continuation lines joined, comments dropped.
stage=''
while IFS= read -r instruction; do
  keyword=$(awk '{ print toupper($1) }' <<<"$instruction")
  args=$(sed -E 's/^[[:space:]]*[A-Za-z]+[[:space:]]+//' <<<"$instruction")
  case "$keyword" in
    FROM)
      stage=$(sed -nE 's/.*[[:space:]][Aa][Ss][[:space:]]+([^[:space:]]+)[[:space:]]*$/\1/p' <<<"$args")
      ;;
    RUN)
      while IFS= read -r seg; do
        if is_tool_command "$seg"; then
          stage_runs+=("$stage"$'\t'"$seg")
          if [[ "$seg" == npm\ * ]]; then
            check_npm "$seg" "$DOCKERFILE (stage ${stage:-?}, RUN)"
          else
            problem "$DOCKERFILE (stage ${stage:-?}, RUN) runs '$seg', which is not a command CI runs (use npm ci / npm run <script>)"
          fi
        fi
      done < <(segments "$(flatten "$args")")
      ;;
    CMD | ENTRYPOINT)
      check_start "$args" "$DOCKERFILE ($keyword)"
      ;;
  esac
done < <(sed -E '/^[[:space:]]*#/d' "$DOCKERFILE" | awk '
  { line = $0 }
  /\\[[:space:]]*$/ { sub(/\\[[:space:]]*$/, "", line); buf = buf line " "; next }
  { print buf line; buf = "" }
  END { if (buf != "") print buf }' | grep -v '^[[:space:]]*$')

for required in 'build'$'\t''npm ci' 'build'$'\t''npm run build' 'runtime'$'\t''npm ci --omit=dev'; do
  if ! printf '%s\n' "${stage_runs[@]}" | grep -qxF -- "$required"; then
    problem "$DOCKERFILE: stage '${required%%$'\t'*}' must RUN '${required#*$'\t'}', as CI does"
  fi
done

# docker-compose.yml: every command:/entrypoint: value, as a string, flow list or block list.
while IFS=$'\t' read -r service value; do
  check_start "$value" "$COMPOSE (service $service)"
done < <(sed -E 's/[[:space:]]+#.*$//' "$COMPOSE" | awk '
  function indent(s) { match(s, /^ */); return RLENGTH }
  function flush() { if (mode != "") print service "\t" buf; buf = ""; mode = "" }
  function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
  mode == "flow" { buf = buf " " trim($0); if ($0 ~ /\][ \t]*$/) flush(); next }
  # `command:` with its value on the next lines: a flow list (`[`) or a block list (`- `).
  mode == "pending" && trim($0) ~ /^\[/ {
    buf = trim($0); mode = "flow"
    if ($0 ~ /\][ \t]*$/) flush()
    next
  }
  mode == "pending" { mode = "block" }
  mode == "block" {
    if ($0 ~ /^[ \t]*- / && indent($0) >= key_indent) { item = $0; sub(/^[ \t]*- /, "", item); buf = buf ", " trim(item); next }
    flush()
  }
  # A service: a key indented once under services:.
  /^services:/ { in_services = 1; next }
  /^[^ \t#]/ { in_services = 0 }
  in_services && /^  [A-Za-z0-9._-]+:[ \t]*$/ { service = trim($0); sub(/:$/, "", service) }
  /^[ \t]+(command|entrypoint):/ {
    key_indent = indent($0); value = $0; sub(/^[ \t]*(command|entrypoint):[ \t]*/, "", value); value = trim(value)
    if (value == "") { mode = "pending"; buf = "["; next }
    buf = value; mode = "scalar"
    if (value ~ /^\[/ && value !~ /\][ \t]*$/) { mode = "flow"; next }
    flush()
  }
  END { flush() }' | sed -E 's/^([^\t]*)\t\[, /\1\t[/')

for required in "${REQUIRED_STARTS[@]}"; do
  if ! printf '%s\n' "${started[@]}" | grep -qxF -- "$required"; then
    problem "no container runs '$required' (or its package.json command); the demo needs it"
  fi
done

if [ ${#problems[@]} -gt 0 ]; then
  echo "check-containers: FAIL: the containers' commands differ from what CI runs:" >&2
  printf '  - %s\n' "${problems[@]}" >&2
  exit 1
fi
echo "check-containers: OK: $DOCKERFILE and $COMPOSE build and start the apps with the commands $CI_RUN runs"
