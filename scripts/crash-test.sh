#!/usr/bin/env bash
# Crash safety on PostgreSQL: start the app, post leads from 8 clients at once, kill the JVM with SIGKILL in the
# middle of it, start it again, and check that nothing the API acknowledged is lost or doubled:
#   - every lead acknowledged (2xx) exists exactly once, with exactly one journey;
#   - no journey without its lead;
#   - the async jobs the crash left behind are worked off after the restart (every lead is scored);
#   - no stage change is recorded twice.
# Needs the built jar (./mvnw verify or package) and PostgreSQL on 127.0.0.1:5432 with user postgres/postgres.
# Usage: scripts/crash-test.sh [leads]   (default 400)
set -euo pipefail
cd "$(dirname "$0")/.."

LEADS=${1:-400}
DB=leadjourney_crash
PORT=${CRASH_TEST_PORT:-18181}
ADMIN_PASSWORD=crash-test-admin
. scripts/app-test-lib.sh

psql -c "drop database if exists $DB" -c "create database $DB"

start_app() {
    APP=$(launch_app app $PORT --camunda.bpm.job-execution.lock-time-in-millis=10000)
    wait_up $PORT $APP app
}

post_lead() {
    local i=$1
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
        "http://127.0.0.1:$PORT/api/leads" \
        -d "{\"email\":\"crash-$i@crash.example\",\"firstName\":\"Crash\",\"lastName\":\"Test $i\",\"company\":\"Crash $i AG\",\"employees\":$((1 + i % 300)),\"wantsContact\":$([ $((i % 2)) -eq 0 ] && echo true || echo false)}" \
        --max-time 30 || true)
    echo "$i $code"
}
export -f post_lead
export PORT ADMIN_PASSWORD

echo "== starting the app on PostgreSQL ($DB)"
start_app
echo "== posting $LEADS leads from 8 clients; SIGKILL once about a third are acknowledged"
# The file exists before the posters start, so the count below is a number from the first look.
: >"$WORK/answers.txt"
seq 1 "$LEADS" | xargs -P 8 -I{} bash -c 'post_lead {}' >"$WORK/answers.txt" &
POSTERS=$!
while [ "$(grep -c ' 20[01]$' "$WORK/answers.txt" 2>/dev/null || true)" -lt $((LEADS / 3)) ]; do sleep 0.2; done
kill -9 $APP
echo "   killed the JVM (pid $APP) after $(grep -c ' 20[01]$' "$WORK/answers.txt") acknowledged leads"
wait $POSTERS || true

ACKED=$(grep -c ' 20[01]$' "$WORK/answers.txt" || true)
FAILED=$(grep -vc ' 20[01]$' "$WORK/answers.txt" || true)
grep ' 20[01]$' "$WORK/answers.txt" | awk '{print "crash-" $1 "@crash.example"}' | sort >"$WORK/acked.txt"

echo "== restarting"
start_app
echo "== waiting for the jobs the crash left to be worked off"
for _ in $(seq 1 120); do
    LEFT=$(psql -d $DB -c "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())")
    UNSCORED=$(psql -d $DB -c "select count(*) from lead where stage = 'LEAD'")
    [ "$LEFT" = 0 ] && [ "$UNSCORED" = 0 ] && break
    sleep 1
done

echo "== checking"
psql -d $DB -c "select email from lead where email like 'crash-%' order by 1" >"$WORK/stored.txt"
MISSING=$(comm -23 "$WORK/acked.txt" <(sort "$WORK/stored.txt") | wc -l)
echo "   posted $LEADS, acknowledged $ACKED, refused or cut off by the crash $FAILED, stored $(wc -l <"$WORK/stored.txt")"
[ "$MISSING" = 0 ] && echo "   ok    acknowledged leads missing: 0" || { echo "   WRONG acknowledged leads missing: $MISSING"; problems=$((problems + 1)); }
check "leads stored twice" "select count(*) from (select email from lead group by email having count(*) > 1) d" 0
check "leads without exactly one journey" "select count(*) from lead l where (select count(*) from act_hi_procinst p where p.business_key_ = cast(l.id as varchar)) <> 1" 0
check "journeys without a lead" "select count(*) from act_hi_procinst p where not exists (select 1 from lead l where cast(l.id as varchar) = p.business_key_)" 0
check "leads never scored (jobs left behind)" "select count(*) from lead where stage = 'LEAD'" 0
check "executable jobs left" "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now()) and type_ <> 'timer'" 0
check "failed jobs (incidents)" "select count(*) from act_ru_incident where incident_type_ = 'failedJob'" 0
check "stage changes recorded twice" "select count(*) from (select lead_id, from_stage, to_stage from stage_transition group by lead_id, from_stage, to_stage having count(*) > 1) d" 0

finish "crash test" $APP
