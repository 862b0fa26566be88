#!/usr/bin/env bash
# Two nodes, one PostgreSQL: M leads wait at "Accept lead" with no rep to take them, their acceptance SLA timers
# come due while both nodes' job executors run, and one node is killed with SIGKILL while they are worked off.
# Each lead must be escalated exactly once: one sla_breach row, one slaBreach incident, one breach notification.
# Needs the built jar and PostgreSQL on 127.0.0.1:5432 with user postgres/postgres.
# Usage: scripts/cluster-test.sh [leads]   (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."

LEADS=${1:-100}
DB=leadjourney_cluster
PORT_A=${CLUSTER_TEST_PORT_A:-18281}
PORT_B=${CLUSTER_TEST_PORT_B:-18282}
ADMIN_PASSWORD=cluster-test-admin
. scripts/app-test-lib.sh

psql -c "drop database if exists $DB" -c "create database $DB"

# The model's SLA is two working days; the test makes the escalation timers due (below). The one rep lets them
# lapse, and rerouting past that rep finds nobody, so each escalation ends at the managers' Reassign task (no loop).
start_node() {  # name port
    launch_app "$1" "$2" --camunda.bpm.job-execution.lock-time-in-millis=10000
}

# The acceptance SLA runs out for two waiting leads every quarter second, while both nodes' job executors run.
lapse_slas() {
    while :; do
        psql -d $DB -c "update act_ru_job set duedate_ = localtimestamp where id_ in (select j.id_ from act_ru_job j
            join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = 'BoundaryEvent_AcceptEscalation'
            and j.duedate_ > localtimestamp order by j.id_ limit 2)" >/dev/null || true
        sleep 0.25
    done
}

echo "== starting node A, then node B, on one database ($DB)"
A=$(start_node a $PORT_A)
wait_up $PORT_A "$A" a
B=$(start_node b $PORT_B)
wait_up $PORT_B "$B" b

echo "== one rep for the 11-50 band: each lead is escalated once, then goes to the managers (no rep left)"
curl -fs -o /dev/null -u "admin:$ADMIN_PASSWORD" -X PUT -H 'Content-Type: application/json' \
    "http://127.0.0.1:$PORT_A/api/reps/cluster-rep" \
    -d '{"displayName":"Cluster Rep","email":"cluster-rep@cluster.example","groups":["reps-mid"],"password":"cluster-rep-pw"}'

echo "== posting $LEADS leads, half through each node"
for i in $(seq 1 "$LEADS"); do
    port=$([ $((i % 2)) -eq 0 ] && echo $PORT_A || echo $PORT_B)
    code=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
        "http://127.0.0.1:$port/api/leads" \
        -d "{\"email\":\"cluster-$i@cluster.example\",\"firstName\":\"Node\",\"company\":\"Cluster $i\",\"employees\":20,\"wantsContact\":true}")
    [ "$code" = 201 ] || { echo "lead $i: HTTP $code"; exit 1; }
done

lapse_slas &
LAPSE=$!
trap 'kill $LAPSE 2>/dev/null || true' EXIT

echo "== waiting until a third of the leads are escalated, then killing node B"
for _ in $(seq 1 240); do
    [ "$(psql -d $DB -c "select count(*) from sla_breach")" -ge $((LEADS / 3)) ] && break
    sleep 0.25
done
kill -9 "$B"
echo "   killed node B with $(psql -d $DB -c "select count(*) from sla_breach") of $LEADS breaches recorded"

echo "== waiting for node A to work off the rest"
# Until every escalation has run to its end (the Reassign task) and no job is left, due or locked. Jobs the
# killed node had locked come back after the lock time (10 s here), so this can take a while after the last
# breach row appears.
for _ in $(seq 1 180); do
    DONE=$(psql -d $DB -c "select count(distinct p.business_key_) from act_ru_task t join act_ru_execution p
        on p.id_ = t.proc_inst_id_ where t.task_def_key_ = 'UserTask_ReassignLead'")
    PENDING=$(psql -d $DB -c "select count(*) from act_ru_job where duedate_ is null or duedate_ <= now()
        or lock_owner_ is not null")
    [ "$DONE" -ge "$LEADS" ] && [ "$PENDING" -eq 0 ] && break
    sleep 1
done
sleep 3

echo "== checking"
check "leads escalated" "select count(distinct lead_id) from sla_breach where sla = 'ACCEPT_LEAD'" "$LEADS"
check "leads with more than one breach" "select count(*) from (select lead_id from sla_breach group by lead_id having count(*) > 1) d" 0
check "leads without exactly one slaBreach incident" "select count(*) from lead l where (select count(*) from act_ru_incident i join act_ru_execution e on e.id_ = i.execution_id_ join act_ru_execution p on p.id_ = e.proc_inst_id_ where i.incident_type_ = 'slaBreach' and p.business_key_ = cast(l.id as varchar)) <> 1" 0
check "leads without exactly one breach notification" "select count(*) from lead l where (select count(*) from notification n where n.lead_id = l.id and n.subject like 'SLA breach%') <> 1" 0
check "leads at the managers' Reassign task" "select count(distinct p.business_key_) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_ where t.task_def_key_ = 'UserTask_ReassignLead'" "$LEADS"
# Attempts, not commits: when both nodes try the same timer, the loser's transaction is rolled back.
attempts() { grep 'WARN' "$WORK/$1.log" | grep -c 'SlaService.*SLA breach: accept lead' || true; }
echo "   escalation attempts logged: node A $(attempts a), node B $(attempts b) (before it was killed)"

finish "cluster test" "$A"
