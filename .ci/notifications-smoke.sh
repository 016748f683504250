#!/usr/bin/env bash
# The extracted notifications service, started the way the compose `broker` profile starts it:
# its own role and schema in a scratch database, `npm run db:migrate:notifications`, then
# `npm run start:notifications` against RabbitMQ until it is connected. Assumes `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."

NAME="notifications_smoke_$$"
ADMIN_URL=${SMOKE_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
LOG=$(mktemp)
psql() { command psql "$@" -v ON_ERROR_STOP=1 -q; }
# Deletes what the service declared under its scratch namespace.
forget_topology() {
  node -e '
    const amqp = require("amqplib");
    const { Topology } = require("./dist/libs/platform/src/events/broker/topology");
    const [url, ns] = process.argv.slice(1);
    const t = new Topology(ns, { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60000 });
    (async () => {
      const c = await amqp.connect(url);
      const ch = await c.createChannel();
      for (const s of ["notify-patient-when-order-shipped", "notify-patient-when-order-cancelled"]) {
        const sub = `notifications.${s}`;
        for (const q of [t.queue(sub), t.deadLetterQueue(sub), ...t.retryDelays().map((d) => t.retryQueue(sub, d))])
          await ch.deleteQueue(q);
      }
      await ch.deleteExchange(t.exchange);
      await ch.deleteExchange(t.deadLetterExchange);
      await c.close();
    })();
  ' "$BROKER_URL" "$NAME"
}
cleanup() {
  # npm does not pass the signal on to node: end the whole process group it leads.
  [ -n "${PID:-}" ] && kill -- -"$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  forget_topology || true
  psql "$ADMIN_URL" -c "drop database if exists $NAME with (force)" -c "drop role if exists $NAME"
  rm -f "$LOG"
}
trap cleanup EXIT

psql "$ADMIN_URL" -c "create role $NAME login" -c "create database $NAME"
psql "${ADMIN_URL%/*}/$NAME" -c "create schema $NAME authorization $NAME"
export DATABASE_URL="postgres://$NAME@127.0.0.1:5432/$NAME?options=-c%20search_path%3D$NAME"
export EVENT_BUS_BACKEND=broker BROKER_URL=${BROKER_URL:-amqp://guest:guest@127.0.0.1:5672}
export BROKER_NAMESPACE="$NAME" JWT_SECRET="smoke-test-secret-that-signs-nothing-at-all"
PORT=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
export PORT
npm run db:migrate:notifications

setsid npm run start:notifications >"$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 60); do
  if grep -q 'Connected to the broker' "$LOG"; then
    echo "notifications service: migrated, started and connected"
    exit 0
  fi
  sleep 0.5
done
cat "$LOG" >&2
echo "notifications service did not connect to the broker" >&2
exit 1
