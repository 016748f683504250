#!/usr/bin/env bash
# The containers build and start the apps with package.json scripts, the commands CI runs:
#   1. docker-compose.yml is valid (Debian's docker-compose validates offline; no engine needed);
#   2. every npm command in the Dockerfile and docker-compose.yml is `npm ci [--omit=dev]` or
#      `npm run <a package.json script>`, and every `node ... dist/...` start command is the body of
#      a script (run without npm so that SIGTERM reaches node);
#   3. the image builds with `npm ci` and `npm run build`, and the containers start the demo.
# CONTAINERS_DOCKERFILE / CONTAINERS_COMPOSE point it at other files (its test does);
# CONTAINERS_SKIP_COMPOSE_CONFIG=1 skips step 1.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCKERFILE=${CONTAINERS_DOCKERFILE:-Dockerfile}
COMPOSE=${CONTAINERS_COMPOSE:-docker-compose.yml}

if [ "${CONTAINERS_SKIP_COMPOSE_CONFIG:-}" != 1 ]; then
  if ! command -v docker-compose >/dev/null; then # CI runs as root
    apt-get update -qq && apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
  fi
  # JWT_SECRET has no default in the file (compose refuses to start without it); any value validates.
  JWT_SECRET=${JWT_SECRET:-set-at-deploy-time} docker-compose -f "$COMPOSE" config -q
fi

# Both files without comments and with exec-form lists (["node", "x.js"]) flattened to `node x.js`.
text=$(cat "$DOCKERFILE" "$COMPOSE" | sed -E '/^[[:space:]]*#/d; s/[[:space:]]#.*$//; s/[]["'\'',]//g')
# package.json scripts as `name<TAB>command` lines.
scripts=$(node -p 'Object.entries(require("./package.json").scripts).map((e) => e.join("\t")).join("\n")')
problems=()
started=()

while read -r cmd; do
  case "$cmd" in
    'npm ci' | 'npm ci --omit=dev') ;;
    'npm run '*) if cut -f1 <<<"$scripts" | grep -qxF -- "${cmd#npm run }"; then started+=("${cmd#npm run }"); else problems+=("'$cmd': no such package.json script"); fi ;;
    *) problems+=("'$cmd': use npm ci or npm run <script>") ;;
  esac
done < <(grep -oE '(npm|npx|yarn|pnpm) [^&;]*[^&;[:space:]]' <<<"$text")

while read -r cmd; do
  name=$(awk -F'\t' -v body="$cmd" '$2 == body { print $1 }' <<<"$scripts")
  if [ -n "$name" ]; then started+=("$name"); else problems+=("'$cmd': not the command of a package.json script"); fi
done < <(grep -oE 'node( -[^[:space:]]+)* dist/[^[:space:]&;]+' <<<"$text")

grep -qxE 'RUN npm ci' <<<"$text" || problems+=("$DOCKERFILE does not RUN 'npm ci'")
grep -qxE 'RUN npm run build' <<<"$text" || problems+=("$DOCKERFILE does not RUN 'npm run build'")
for script in db:migrate db:seed start:fake-partners start:api start:worker; do
  printf '%s\n' "${started[@]}" | grep -qxF "$script" || problems+=("no container runs '$script'; the demo needs it")
done

if [ ${#problems[@]} -gt 0 ]; then
  printf 'check-containers: FAIL: %s\n' "${problems[@]}" >&2
  exit 1
fi
echo "check-containers: OK: $DOCKERFILE and $COMPOSE build and start the apps with package.json scripts"
