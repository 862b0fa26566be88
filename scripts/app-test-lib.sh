# Shared by the scripts that run the packaged app against PostgreSQL (crash-test.sh, import-crash-test.sh,
# cluster-test.sh). Source it after setting DB (the database) and ADMIN_PASSWORD; it finds the jar and makes WORK,
# a folder for the logs.

JAR=$(ls target/lead-journey-*.jar | grep -v original | head -n 1)
WORK=$(mktemp -d)
export PGPASSWORD=postgres
psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# launch_app LOG PORT [ARG...]: starts the jar on $DB with the postgres profile, logging to $WORK/LOG.log, and
# prints its pid. Call it as PID=$(launch_app ...), then wait_up.
launch_app() {
    local log=$1 port=$2
    shift 2
    POSTGRES_DB=$DB POSTGRES_USER=postgres POSTGRES_PASSWORD=postgres LEADJOURNEY_ADMIN_PASSWORD=$ADMIN_PASSWORD \
        java -Xmx${APP_HEAP:-512m} -jar "$JAR" --spring.profiles.active=postgres --server.port="$port" "$@" \
        >>"$WORK/$log.log" 2>&1 &
    echo $!
}

# wait_up PORT PID LOG: waits up to 120 s for the app's liveness probe; fails if the app dies or does not come up.
wait_up() {
    local port=$1 pid=$2 log=$3
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$port/actuator/health/liveness" >/dev/null 2>&1 && return 0
        kill -0 "$pid" 2>/dev/null || { echo "the app ($log) died while starting; see $WORK/$log.log"; exit 1; }
        sleep 1
    done
    echo "the app ($log) did not start in 120 s; see $WORK/$log.log"
    exit 1
}

# check NAME QUERY EXPECTED: runs QUERY on $DB and counts a problem when it does not answer EXPECTED.
problems=0
check() {
    local got
    got=$(psql -d "$DB" -c "$2")
    if [ "$got" = "$3" ]; then echo "   ok    $1: $got"; else echo "   WRONG $1: $got (expected $3)"; problems=$((problems + 1)); fi
}

# finish NAME PID...: stops the apps, then fails when a check found a problem (keeping $WORK's logs), or drops
# the database and the logs and says NAME passed.
finish() {
    local name=$1
    shift
    for pid in "$@"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ "$problems" -gt 0 ]; then
        echo "== $problems problem(s); the logs are in $WORK"
        exit 1
    fi
    psql -c "drop database if exists $DB" || true
    rm -rf "$WORK"
    echo "== $name passed"
}
