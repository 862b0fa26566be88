#!/usr/bin/env bash
# A whole lead list through a crash, on PostgreSQL: start the app, upload a generated CSV of 100,000 rows (broken
# rows and repeated e-mails among them) to POST /api/imports, watch its progress, kill the JVM with SIGKILL while
# the worker is in the middle of it, start the app again, and let the import finish on its own. Then check:
#   - the import is DONE, and the accepted, duplicate and rejected counts are exactly those the file holds;
#   - no row is left without a verdict, and every accepted row names its lead;
#   - every accepted e-mail is exactly one lead with exactly one journey and one "captured" line: nothing the
#     killed chunk had written survived, and nothing was done twice after the restart.
# The job executor is off in both runs, so the figures are the import's own: the journeys wait at their first
# step, "Score lead", which the intake crash test (crash-test.sh) works off after a kill.
# Needs the built jar (./mvnw verify or package) and PostgreSQL on 127.0.0.1:5432 with user postgres/postgres.
# Usage: scripts/import-crash-test.sh [rows]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-100000}
DB=leadjourney_import_crash
PORT=${IMPORT_TEST_PORT:-18191}
ADMIN_PASSWORD=import-test-admin
API="http://127.0.0.1:$PORT/api/imports"
APP_HEAP=1g
. scripts/app-test-lib.sh
field() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p" | tr -d '"'; }

psql -c "drop database if exists $DB" -c "create database $DB"

start_app() {
    APP=$(launch_app app $PORT --camunda.bpm.job-execution.enabled=false)
    wait_up $PORT $APP app
}

progress() { curl -fs -u "admin:$ADMIN_PASSWORD" "$API/$ID"; }

report() {  # one line of what GET /api/imports/{id} says
    local answer=$1
    printf '   %s: %s of %s rows done (%s accepted, %s duplicates, %s rejected), %s rows/s, ETA %s s\n' \
        "$(echo "$answer" | field status)" "$(echo "$answer" | field rowsDone)" "$(echo "$answer" | field totalRows)" \
        "$(echo "$answer" | field accepted)" "$(echo "$answer" | field duplicates)" \
        "$(echo "$answer" | field rejected)" "$(echo "$answer" | field rowsPerSecond)" \
        "$(echo "$answer" | field etaSeconds)"
}

echo "== generating a list of $ROWS rows"
# Every 50th row is broken (four kinds, each a rejection naming the field); every 97th that is not repeats the
# e-mail of the row before it (a duplicate in the file). Quoted fields hold the delimiter and quotes.
awk -v rows="$ROWS" -v out="$WORK/expected.txt" 'BEGIN {
    printf "E-mail Address;First Name;Last Name;Company Name;Employees;Job Title;Country;Requested Contact\r\n"
    broken = 0; repeated = 0
    for (i = 1; i <= rows; i++) {
        email = "crash-import-" i "@list.example"; employees = 5 + (i * 37) % 5000; optin = (i % 10 == 0) ? "yes" : "no"
        if (i % 50 == 0) {
            broken++; kind = int(i / 50) % 4
            if (kind == 0) email = "not-an-email-" i
            else if (kind == 1) employees = "many"
            else if (kind == 2) optin = "perhaps"
            else email = ""
        } else if (i % 97 == 0 && (i - 1) % 50 != 0) {
            repeated++; email = "crash-import-" (i - 1) "@list.example"
        }
        printf "%s;Ada;Row %d;\"Lists; \"\"Co\"\" %d\";%s;%s;Germany;%s\r\n", email, i, i % 300, employees, \
            (i % 3 == 0) ? "CTO" : "Head of IT", optin
    }
    print rows - broken - repeated, repeated, broken > out
}' >"$WORK/list.csv"
read -r EXPECT_ACCEPTED EXPECT_DUPLICATES EXPECT_REJECTED <"$WORK/expected.txt"
echo "   $(du -h "$WORK/list.csv" | cut -f1): $EXPECT_ACCEPTED new e-mails, $EXPECT_DUPLICATES repeated, $EXPECT_REJECTED broken"

echo "== starting the app on PostgreSQL ($DB), job executor off"
start_app
echo "== uploading"
UPLOAD_STARTED=$(date +%s.%N)
ANSWER=$(curl -fs -u "admin:$ADMIN_PASSWORD" -F "file=@$WORK/list.csv;type=text/csv" -F "source=purchased list" "$API")
ID=$(echo "$ANSWER" | field id)
awk -v id="$ID" -v from="$UPLOAD_STARTED" -v to="$(date +%s.%N)" 'BEGIN { printf "   import %s judged in %.1f s\n", id, to - from }'
report "$ANSWER"

KILL_AT=$(( (EXPECT_DUPLICATES + EXPECT_REJECTED) + EXPECT_ACCEPTED / 3 ))
echo "== the worker runs; SIGKILL once $KILL_AT rows are done"
WORK_STARTED=$(date +%s)
polls=0
while true; do
    ANSWER=$(progress)
    DONE=$(echo "$ANSWER" | field rowsDone)
    [ "$DONE" -ge "$KILL_AT" ] && break
    [ $(( $(date +%s) - WORK_STARTED )) -gt 1800 ] && { echo "no progress to $KILL_AT rows in 1800 s"; report "$ANSWER"; exit 1; }
    sleep 1
    polls=$((polls + 1)); [ $((polls % 15)) = 0 ] && report "$ANSWER"
done
kill -9 $APP
wait $APP 2>/dev/null || true
BEFORE_KILL=$(psql -d $DB -c "select accepted + duplicates + rejected from lead_import where id = $ID")
LEADS_AT_KILL=$(psql -d $DB -c "select count(*) from lead where email like 'crash-import-%'")
echo "   killed the JVM (pid $APP) with $BEFORE_KILL rows committed, $LEADS_AT_KILL leads stored"

echo "== restarting; the worker resumes the import"
start_app
while true; do
    ANSWER=$(progress)
    [ "$(echo "$ANSWER" | field status)" = DONE ] && break
    [ $(( $(date +%s) - WORK_STARTED )) -gt 3600 ] && { echo "the import did not finish in 3600 s"; report "$ANSWER"; exit 1; }
    sleep 1
    polls=$((polls + 1)); [ $((polls % 15)) = 0 ] && report "$ANSWER"
done
WORK_SECONDS=$(( $(date +%s) - WORK_STARTED ))
report "$ANSWER"
echo "   worked off in ${WORK_SECONDS} s from upload to DONE, a restart included: $(( EXPECT_ACCEPTED / WORK_SECONDS )) leads with journeys a second"

echo "== checking"
check "import status" "select status from lead_import where id = $ID" DONE
check "rows in the import" "select total_rows from lead_import where id = $ID" "$ROWS"
check "accepted" "select accepted from lead_import where id = $ID" "$EXPECT_ACCEPTED"
check "duplicates" "select duplicates from lead_import where id = $ID" "$EXPECT_DUPLICATES"
check "rejected" "select rejected from lead_import where id = $ID" "$EXPECT_REJECTED"
check "rows without a verdict" "select count(*) from lead_import_row where import_id = $ID and status = 'PENDING'" 0
check "row verdicts accepted" "select count(*) from lead_import_row where import_id = $ID and status = 'ACCEPTED'" "$EXPECT_ACCEPTED"
check "accepted rows without their lead" "select count(*) from lead_import_row r where r.import_id = $ID and r.status = 'ACCEPTED' and not exists (select 1 from lead l where l.id = r.lead_id)" 0
check "leads from the list" "select count(*) from lead where email like 'crash-import-%'" "$EXPECT_ACCEPTED"
check "e-mails stored twice" "select count(*) from (select email from lead group by email having count(*) > 1) d" 0
check "leads without exactly one journey" "select count(*) from lead l left join (select business_key_, count(*) as n from act_hi_procinst group by business_key_) p on p.business_key_ = cast(l.id as varchar) where coalesce(p.n, 0) <> 1" 0
check "journeys without a lead" "select count(*) from act_hi_procinst p where not exists (select 1 from lead l where cast(l.id as varchar) = p.business_key_)" 0
check "journeys waiting at Score lead" "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = 'ServiceTask_ScoreLead'" "$EXPECT_ACCEPTED"
check "leads without exactly one 'captured' line" "select count(*) from lead l left join (select lead_id, count(*) as n from stage_transition where from_stage is null group by lead_id) t on t.lead_id = l.id where coalesce(t.n, 0) <> 1" 0

finish "import crash test" $APP
