#!/usr/bin/env bash
# bin/oqs bench: the performance harness of issue 14. One command; it
#   1. starts the service on the embedded default (bin/oqs run: Payara Micro, HSQLDB) with a fresh data directory
#      in a temporary directory, on a free port of 127.0.0.1, and waits for /health/ready (the time to ready is the
#      median of three fresh starts: two on throwaway data directories first), and times a start of the same
#      Payara Micro with an empty application (the runtime's part of a start on this machine);
#   2. onboards and activates insurers (admin API) and loads the persons through the sync API (batches of 10,000
#      records, one stream per insurer): records/s;
#   3. measures with wrk, in the same run, the ceiling (authenticated GET /oqs/api/v1/callers/me, no database) and
#      single lookups of random loaded persons by 64 clinics, at each number of connections: requests/s, p50, p99;
#   4. runs the lookups in an open model (constant arrival rate, latency from the due time, 64 connections as wrk2
#      keeps) at half the highest lookup rate measured, after 10 s at that rate not counted (the generator opens its
#      connections): p99, and each second's slowest answer in open-stalls.txt;
#   5. submits one bulk check and waits until every entry is answered: seconds, entries/s;
#   6. reads the server's heap (jcmd GC.heap_info after a full GC) and RSS after the load and after the bulk check;
#   7. stops Payara Micro and runs the same lookups against the EAR on a new Payara Server Full domain
#      (server-config/payara-server/configure-domain.sh) over the same database: one figure;
#   8. writes docs/performance.md and docs/performance-lookups.svg, stops the servers it started and removes its
#      temporary directory.
# With --db-url both servers use an external database instead (Oracle, where issue 14's goals are to be proved: ADR
# 0002; an HSQLDB server to try the harness without one): its schema must be empty, the start is timed once.
# Not part of bin/oqs test: timings on a shared machine are figures, never assertions.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

usage() {
    cat <<'EOF'
usage: bin/oqs bench [options]
  --persons N         persons loaded through the sync API (default 1000000)
  --streams K         sync streams, one insurer each, in parallel (default 1)
  --batch N           records per sync batch (default 10000)
  --load-minutes M    start no sync batch after M minutes: the run goes on with the persons loaded so far and
                      the report says so (default: no limit)
  --bulk N            entries of the bulk check (default 100000; 0: none)
  --duration S        seconds of each wrk run and of the open-model run (default 30)
  --warmup S          seconds of unmeasured load on each endpoint before it is measured (default 20: a fresh
                      server's first seconds measure the JIT compiler, not the service)
  --settle-max S      after that, lookups are warmed in 10 s rounds until the JIT compiler spends under 0.5 s
                      in a round, for at most S seconds (default 300; 0: one round)
  --connections "C…"  wrk connection counts (default "8 64")
  --no-ear            skip the EAR on Payara Server
  --no-build          use the artifacts already built (target/ of each module)
  --doc FILE          where the report goes (default docs/performance.md; the chart beside it)
  --keep              keep the temporary directory (data, logs, wrk output) for inspection
  --db-url URL        an external database instead of the embedded default: Oracle (jdbc:oracle:...) or an HSQLDB
                      server (jdbc:hsqldb:hsql://...), user and password from OQS_DB_USER and OQS_DB_PASSWORD (not
                      on the command line). Its schema must be empty; the run leaves its persons in it. The start is
                      timed once, on that empty schema (the throwaway starts would share the database)
The service's heap is OQS_JAVA_OPTS (default -Xms256m -Xmx1g, as bin/oqs run).
EOF
}

persons=1000000
streams=1
batch=10000
load_minutes=0
bulk=100000
duration=30
warmup=20
settle_max=300
connections="8 64"
ear=1
build=1
keep=0
doc="docs/performance.md"
db_url=""
command_line="bin/oqs bench${*:+ $*}"
while [ $# -gt 0 ]; do
    case "$1" in
        --persons) persons="${2:?--persons needs a number}"; shift 2 ;;
        --streams) streams="${2:?--streams needs a number}"; shift 2 ;;
        --batch) batch="${2:?--batch needs a number}"; shift 2 ;;
        --load-minutes) load_minutes="${2:?--load-minutes needs a number}"; shift 2 ;;
        --bulk) bulk="${2:?--bulk needs a number}"; shift 2 ;;
        --duration) duration="${2:?--duration needs seconds}"; shift 2 ;;
        --warmup) warmup="${2:?--warmup needs seconds}"; shift 2 ;;
        --settle-max) settle_max="${2:?--settle-max needs seconds}"; shift 2 ;;
        --connections) connections="${2:?--connections needs numbers}"; shift 2 ;;
        --no-ear) ear=0; shift ;;
        --no-build) build=0; shift ;;
        --doc) doc="${2:?--doc needs a file}"; shift 2 ;;
        --keep) keep=1; shift ;;
        --db-url) db_url="${2:?--db-url needs a JDBC URL}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
for n in "$persons" "$streams" "$batch" "$duration" "$warmup"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench: '$n' is not a positive number" >&2; exit 2; }
done
[[ "$load_minutes" =~ ^[0-9]+$ ]] || { echo "bench: --load-minutes '$load_minutes' is not a number" >&2; exit 2; }
[[ "$bulk" =~ ^[0-9]+$ ]] || { echo "bench: --bulk '$bulk' is not a number" >&2; exit 2; }
[[ "$settle_max" =~ ^[0-9]+$ ]] || { echo "bench: --settle-max '$settle_max' is not a number" >&2; exit 2; }
for c in $connections; do
    [[ "$c" =~ ^[1-9][0-9]*$ ]] && [ "$c" -ge 2 ] \
        || { echo "bench: connections '$c': each must be a number of at least 2 (wrk runs 2 threads)" >&2; exit 2; }
done
# the database: the embedded default (bin/oqs run's own, under the run's data directory) or an external one, with
# the data source and driver jar both servers are given for it (bin/oqs run, configure-domain.sh)
db_kind=embedded
db_class=""
db_driver="hsqldb.jar"
case "$db_url" in
    "") ;;
    jdbc:oracle:*) db_kind=oracle db_class=oracle.jdbc.pool.OracleDataSource db_driver=ojdbc11.jar ;;
    jdbc:hsqldb:hsql://*|jdbc:hsqldb:hsqls://*) db_kind=hsqldb db_class=jp.oqs.pool.EmbeddedDataSource ;;
    *) echo "bench: --db-url must be Oracle's (jdbc:oracle:...) or an HSQLDB server's (jdbc:hsqldb:hsql://...)" >&2
       exit 2 ;;
esac
if [ -n "$db_url" ] && { [ -z "${OQS_DB_USER:-}" ] || [ -z "${OQS_DB_PASSWORD:-}" ]; }; then
    echo "bench: --db-url needs OQS_DB_USER and OQS_DB_PASSWORD in the environment" >&2
    exit 2
fi

say() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

command -v wrk > /dev/null || die "wrk is not installed (the load tool): apt-get install wrk"
for tool in curl java jcmd jstat unzip; do
    command -v "$tool" > /dev/null || die "$tool is not installed"
done

java_opts="${OQS_JAVA_OPTS:--Xms256m -Xmx1g}"
payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -1)"
tools_cp="$root/server-config/target/server-config-1.0.0-SNAPSHOT.jar:$root/ejb-module/target/ejb-module-1.0.0-SNAPSHOT.jar"
tools_cp+=":$root/web-module/target/drivers/$db_driver"
lua="$root/server-config/bench/lookups.lua"
work="$(mktemp -d "${TMPDIR:-/tmp}/oqs-bench.XXXXXX")"
results="$work/results.properties"
data="$work/data"
micro_pid=""
domain_dir="$work/domains"
domain=oqs-bench
asadmin=""
admin_port=""

# the servers this run started, by their process ids only (other servers on the machine are left alone)
stop_pid() {
    local pid="$1" i
    [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null || return 0
    kill "$pid" 2> /dev/null || true
    for i in $(seq 1 60); do
        kill -0 "$pid" 2> /dev/null || return 0
        sleep 1
    done
    say "process $pid did not stop within 60 s: killing it"
    kill -9 "$pid" 2> /dev/null || true
}
domain_pid() { cat "$domain_dir/$domain/config/pid" 2> /dev/null || true; }
stop_domain() {
    [ -n "$asadmin" ] && [ -d "$domain_dir/$domain" ] || return 0
    local pid
    pid="$(domain_pid)"
    "$asadmin" --interactive=false stop-domain --domaindir "$domain_dir" "$domain" > "$work/stop-domain.log" 2>&1 || true
    stop_pid "$pid"
}
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_pid "$micro_pid"
    stop_domain
    if [ "$keep" = 1 ] || [ "$status" != 0 ]; then
        say "work directory kept: $work (server logs: micro.log, domains/$domain/logs/server.log)"
    else
        rm -rf "$work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fig() { printf '%s=%s\n' "$1" "$2" >> "$results"; }
get() { sed -n "s/^$1=//p" "$results" | tail -1; }
bench() { java -cp "$tools_cp" jp.oqs.devtools.bench.Bench "$@"; }

if [ "$build" = 1 ]; then
    say "building (mvn package, no tests)"
    mvn -B -q -DskipTests -DskipITs package
fi
for file in server-config/target/server-config-1.0.0-SNAPSHOT.jar ejb-module/target/ejb-module-1.0.0-SNAPSHOT.jar \
        web-module/target/web-module-1.0.0-SNAPSHOT-micro.war web-module/target/payara-micro.jar \
        "web-module/target/drivers/$db_driver"; do
    [ -f "$file" ] || die "$file is missing: build first (mvn -B -DskipTests -DskipITs package, or drop --no-build)"
done

# --- the machine -----------------------------------------------------------------------------------------------
fig date "$(date -u +%Y-%m-%d)"
fig started "$(date -u +'%Y-%m-%d %H:%M UTC')"
fig command "$command_line"
fig connections "$connections"
fig duration "$duration"
fig warmup "$warmup"
fig payara_version "$payara_version"
fig cores "$(nproc)"
fig memory_gib "$(awk '/^MemTotal:/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)"
fig cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
fig jdk "$(java -version 2>&1 | head -2 | tail -1)"
fig java_opts "$java_opts"
fig load_start "$(cut -d' ' -f1-3 /proc/loadavg)"
fig db_kind "$db_kind"
if [ -n "$db_url" ]; then
    # an assignment, so that a refusal (a schema with tables, no connection) ends the run here
    database="$(bench schema --url "$db_url")" || die "the database at --db-url cannot be used (above)"
    fig database "$database"
    say "external database: $(get database)"
fi

# --- Payara Micro, fresh data directory ------------------------------------------------------------------------
wait_ready() { # URL PID TIMEOUT: seconds until /health/ready answers UP
    local url="$1" pid="$2" timeout="$3" start now
    start=$(date +%s%N)
    while :; do
        kill -0 "$pid" 2> /dev/null || die "the server (pid $pid) ended before it was ready; see its log"
        if curl -fsS --max-time 5 "$url" 2> /dev/null | grep -q '"status" *: *"UP"'; then
            now=$(date +%s%N)
            awk -v ns=$((now - start)) 'BEGIN {printf "%.1f", ns / 1e9}'
            return 0
        fi
        now=$(date +%s%N)
        [ $(((now - start) / 1000000000)) -lt "$timeout" ] || die "not ready within $timeout s at $url"
        sleep 0.2
    done
}
rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# the live heap: used after a full collection (jcmd GC.run), with what is committed; and the RSS
memory() { # LABEL PID
    local label="$1" pid="$2" info
    jcmd "$pid" GC.run > /dev/null
    info="$(jcmd "$pid" GC.heap_info)"
    fig "$label.heap_used_mib" "$(sed -n 's/.* total \([0-9]*\)K, used \([0-9]*\)K.*/\2/p' <<< "$info" | head -1 \
        | awk '{printf "%.0f", $1 / 1024}')"
    fig "$label.heap_committed_mib" "$(sed -n 's/.* total \([0-9]*\)K, used \([0-9]*\)K.*/\1/p' <<< "$info" | head -1 \
        | awk '{printf "%.0f", $1 / 1024}')"
    fig "$label.rss_mib" "$(rss_mib "$pid")"
    fig "$label.rss_peak_mib" "$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")"
    say "memory $label: live heap $(get "$label.heap_used_mib") MiB of $(get "$label.heap_committed_mib") MiB" \
        "committed, RSS $(get "$label.rss_mib") MiB (peak $(get "$label.rss_peak_mib") MiB)"
}

port="$(bench ports 1)"
base="http://127.0.0.1:$port"
say "work directory $work; Payara Micro on $base ($java_opts)"
mkdir -p "$data"
seconds_since() { awk -v ns=$(($(date +%s%N) - $1)) 'BEGIN {printf "%.1f", ns / 1e9}'; }
# Payara Micro on the run's data directory, in the background (its pid in micro_pid). A benchmark measures
# capacity: the per-clinic lookup limit (anti-harvesting, 1,200/min) is lifted for this server only; everything
# else is the embedded default of bin/oqs run, or its settings for the external database (empty settings are bin/oqs
# run's defaults: a database setting of the caller's environment is not taken for the embedded one)
start_micro() { # LOG [DATA_DIR [WAR]]
    OQS_DATA_DIR="${2:-$data}" OQS_HTTP_PORT="$port" OQS_HTTP_ADDRESS=127.0.0.1 OQS_JAVA_OPTS="$java_opts" \
        OQS_ELIGIBILITY_LIMIT_LOOKUPS_PER_MINUTE=100000000 OQS_WAR="${3:-}" \
        OQS_DB_URL="$db_url" OQS_DB_DATASOURCE_CLASS="$db_class" \
        OQS_DB_USER="${db_url:+$OQS_DB_USER}" OQS_DB_PASSWORD="${db_url:+$OQS_DB_PASSWORD}" \
        "$root/bin/oqs" run --no-build > "$1" 2>&1 &
    micro_pid=$!
}
# Payara Micro's launcher and class-data archive, which bin/oqs run prepares once (README): made here
# first, so that the start below is timed as every start after the first one
prepare_start=$(date +%s%N)
"$root/bin/oqs" prepare --no-build > "$work/prepare.log" 2>&1 || die "bin/oqs prepare failed; see $work/prepare.log"
fig micro.prepare_s "$(seconds_since "$prepare_start")"
say "Payara Micro's launcher and class-data archive ready ($(get micro.prepare_s) s; made now unless this build had them)"
# a fresh start on a throwaway data directory, stopped once ready; its seconds to ready in ready_s
throwaway_start() { # NAME [WAR]
    start_micro "$work/micro-$1.log" "$work/$1" "${2:-}"
    ready_s="$(wait_ready "$base/health/ready" "$micro_pid" 300)"
    stop_pid "$micro_pid"
    rm -rf "${work:?}/$1"
}
# a single start varies by seconds on a shared machine: two fresh starts on throwaway data directories, each
# stopped once ready, then the run's own; the figure is the median of the three. On an external database only the
# run's own: the throwaway starts would share it, and only the first of them would start on an empty schema
starts=()
if [ "$db_kind" = embedded ]; then
    for first in 1 2; do
        throwaway_start "start-$first"
        starts+=("$ready_s")
    done
fi
# the same Payara Micro, launcher and archive with an empty application: the runtime's part of a start on this
# machine today (a start's time varies between machines and days, as the ceiling does for the lookups)
mkdir -p "$work/empty-war/WEB-INF"
printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
    '<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>' > "$work/empty-war/WEB-INF/web.xml"
jar cf "$work/empty.war" -C "$work/empty-war" .
throwaway_start start-empty "$work/empty.war"
fig micro.empty_ready_s "$ready_s"
say "Payara Micro with an empty application ready in $(get micro.empty_ready_s) s"
start_micro "$work/micro.log"
starts+=("$(wait_ready "$base/health/ready" "$micro_pid" 300)")
fig micro.ready_s "$(printf '%s\n' "${starts[@]}" | sort -n | sed -n "$(((${#starts[@]} + 1) / 2))p")"
fig micro.ready_each_s "$(printf '%s\n' "${starts[@]}" | paste -sd '/' | sed 's:/: / :g')"
fig micro.start_rss_mib "$(rss_mib "$micro_pid")"
say "Payara Micro (pid $micro_pid) ready in $(get micro.ready_s) s ($([ "${#starts[@]}" = 1 ] && echo "one start" \
    || echo "median of ${#starts[@]} fresh starts"): $(get micro.ready_each_s) s), RSS $(get micro.start_rss_mib) MiB"

# --- sync ------------------------------------------------------------------------------------------------------
say "loading $persons persons through the sync API, $streams stream(s), batches of $batch"
bench load --url "$base/" --data-dir "$data" --work "$work" --results "$results" --persons "$persons" \
    --streams "$streams" --batch "$batch" --minutes "$load_minutes"
memory after_load "$micro_pid"

# --- wrk: ceiling and lookups ----------------------------------------------------------------------------------
to_ms() { # wrk's 812.00us / 5.12ms / 1.02s / 2.00m
    awk '{v = $1; u = $1; sub(/[a-z]+$/, "", v); sub(/^[0-9.]+/, "", u);
          f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1;
          if (f < 0) { print "?" } else { printf "%.1f", v * f } }'
}
ceiling_token="$(head -1 "$work/clinic-tokens.txt")"
wrk_run() { # SERIES CONNECTIONS SECONDS URL: measures and records (a SERIES warmup-* is not recorded)
    local series="$1" c="$2" seconds="$3" url="$4" out rps non2xx errors invalid
    out="$work/wrk-$series-c$c-$(date +%s).txt"
    if [[ "$series" == *ceiling ]]; then
        wrk -t2 -c"$c" -d"${seconds}s" --timeout 10s --latency -H "Authorization: Bearer $ceiling_token" \
            "$url/oqs/api/v1/callers/me" > "$out"
    else
        wrk -t2 -c"$c" -d"${seconds}s" --timeout 10s --latency -s "$lua" "$url" -- "$work" > "$out"
    fi
    [[ "$series" != warmup-* ]] || return 0
    rps="$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")"
    non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")"
    errors="$(sed -n 's/.*Socket errors: //p' "$out")"
    invalid="$(sed -n 's/^Lookups not answered 200 with validity 1: //p' "$out")"
    [ -n "$rps" ] || die "wrk gave no figure; its output: $(cat "$out")"
    fig "$series.c$c.rps" "$rps"
    fig "$series.c$c.p50_ms" "$(awk '$1 == "50%" {print $2}' "$out" | to_ms)"
    fig "$series.c$c.p99_ms" "$(awk '$1 == "99%" {print $2}' "$out" | to_ms)"
    if [[ "$series" == *ceiling ]]; then
        fig "$series.c$c.failed" "${non2xx:-0}"
    else # the script counts every answer that is not 200 with validity 1, non-2xx included
        fig "$series.c$c.failed" "${invalid:-?}"
    fi
    [ -z "$errors" ] || fig "$series.c$c.socket_errors" "$errors"
    say "$series, $c connections: $rps req/s, p50 $(get "$series.c$c.p50_ms") ms, p99 $(get "$series.c$c.p99_ms") ms" \
        "(failed: $(get "$series.c$c.failed")${errors:+; socket errors: $errors})"
    if [ "$(get "$series.c$c.failed")" != 0 ]; then
        say "WARNING: $series at $c connections had failed answers (wrk output $out)"
    fi
}
# A fresh JVM runs the lookups' code interpreted or half compiled for minutes: the C2 compiler worked on them for
# 1.5-2 minutes of lookups on this machine, while the ceiling's short path was compiled within seconds. Measuring
# after a fixed 20 s compared a settled ceiling with lookups still being compiled. So the lookups are warmed until
# the JIT compiler has settled (jstat: under 0.5 s of compilation in a 10 s round), at most --settle-max seconds.
jit_compile_s() { jstat -compiler "$1" | awk 'NR == 2 {print $4}'; }
warm_until_settled() { # SERIES URL PID: warm-up rounds of lookups until the JIT compiler has settled
    local series="$1" url="$2" pid="$3" start before after spent=0 settled=yes
    start="$(jit_compile_s "$pid")"
    after="$start"
    while :; do
        before="$after"
        wrk_run warmup-lookup 8 10 "$url"
        spent=$((spent + 10))
        after="$(jit_compile_s "$pid")"
        if awk -v a="$after" -v b="$before" 'BEGIN {exit !(a - b < 0.5)}'; then
            break
        fi
        if [ "$spent" -ge "$settle_max" ]; then
            settled=no
            say "WARNING: the JIT compiler had not settled after $spent s (--settle-max $settle_max)"
            break
        fi
    done
    fig "$series.settled" "$settled"
    fig "$series.settled_s" "$spent"
    fig "$series.jit_compile_s" "$(awk -v a="$after" -v s="$start" 'BEGIN {printf "%.1f", a - s}')"
    say "$series: lookups warmed $((warmup + spent)) s in all; the JIT compiler spent" \
        "$(get "$series.jit_compile_s") s in the last $spent s, $(awk -v a="$after" -v b="$before" \
        'BEGIN {printf "%.1f", a - b}') s in the last 10 s"
}
say "warming up ($warmup s each, then the lookups until the JIT compiler has settled; not measured)"
wrk_run warmup-ceiling 8 "$warmup" "$base"
wrk_run warmup-lookup 8 "$warmup" "$base"
warm_until_settled warmup.micro "$base" "$micro_pid"
for c in $connections; do
    wrk_run ceiling "$c" "$duration" "$base"
    wrk_run lookup "$c" "$duration" "$base"
done

# --- open model ------------------------------------------------------------------------------------------------
best=0
for c in $connections; do
    r="$(get "lookup.c$c.rps")"
    [ "$r" -le "$best" ] || best="$r"
done
rate=$(( best / 2 > 0 ? best / 2 : 1 ))
say "open model: $rate lookups/s (half of $best) for $duration s"
bench open --url "$base/" --work "$work" --results "$results" --rate "$rate" --seconds "$duration" \
    --connections 64 --label open

# --- bulk check ------------------------------------------------------------------------------------------------
if [ "$bulk" -gt 0 ]; then
    say "bulk check of $bulk entries"
    bench bulk --url "$base/" --data-dir "$data" --work "$work" --results "$results" --entries "$bulk"
    memory after_bulk "$micro_pid"
fi
if grep -q 'OutOfMemoryError' "$work/micro.log"; then
    fig micro.out_of_memory yes
    say "WARNING: Payara Micro logged an OutOfMemoryError"
else
    fig micro.out_of_memory no
fi
# --- restarts with the data loaded: after a clean stop, and after kill -9 -----------------------------------------
say "stopping Payara Micro (pid $micro_pid)"
stopping=$(date +%s%N)
stop_pid "$micro_pid"
fig micro.stop_s "$(seconds_since "$stopping")"
start_micro "$work/micro-restart.log"
fig micro.restart_ready_s "$(wait_ready "$base/health/ready" "$micro_pid" 300)"
say "restarted after a clean stop ($(get micro.stop_s) s): ready in $(get micro.restart_ready_s) s"
kill -9 "$micro_pid"
wait "$micro_pid" 2> /dev/null || true
start_micro "$work/micro-recovery.log"
fig micro.recovery_ready_s "$(wait_ready "$base/health/ready" "$micro_pid" 300)"
say "restarted after kill -9: ready in $(get micro.recovery_ready_s) s"
stop_pid "$micro_pid"
micro_pid=""

# --- the EAR on Payara Server Full, over the same database -----------------------------------------------------
if [ "$ear" = 1 ]; then
    [ -f ear/target/oqs.ear ] || die "ear/target/oqs.ear is missing: build first"
    zip="$HOME/.m2/repository/fish/payara/distributions/payara/$payara_version/payara-$payara_version.zip"
    if [ ! -f "$zip" ]; then
        say "fetching Payara Server $payara_version (the ear module's deployment test uses the same artifact)"
        mvn -B -q dependency:get -Dartifact="fish.payara.distributions:payara:$payara_version:zip"
    fi
    unzip -q "$zip" -d "$work/payara"
    chmod +x "$work"/payara/payara6/bin/* "$work"/payara/payara6/glassfish/bin/*
    asadmin="$work/payara/payara6/bin/asadmin"
    mapfile -t ports < <(bench ports 12)
    admin_port="${ports[0]}"
    ear_port="${ports[1]}"
    say "Payara Server $payara_version: domain $domain, admin 127.0.0.1:$admin_port, HTTP 127.0.0.1:$ear_port"
    adm() { "$asadmin" --interactive=false --host 127.0.0.1 --port "$admin_port" "$@"; }
    # every port of the domain template is a free one (as EarDeploymentIT does)
    "$asadmin" --interactive=false create-domain --nopassword=true --savelogin=false \
        --adminport "$admin_port" --instanceport "$ear_port" \
        --hazelcastdasport "${ports[10]}" --hazelcaststartport "${ports[11]}" \
        --domainproperties "domain.jmxPort=${ports[2]}:http.ssl.port=${ports[3]}:jms.port=${ports[4]}:orb.listener.port=${ports[5]}:orb.ssl.port=${ports[6]}:orb.mutualauth.port=${ports[7]}:osgi.shell.telnet.port=${ports[8]}:java.debugger.port=${ports[9]}" \
        --domaindir "$domain_dir" "$domain" > "$work/create-domain.log" 2>&1 \
        || die "create-domain failed: $(tail -20 "$work/create-domain.log")"
    OQS_ELIGIBILITY_LIMIT_LOOKUPS_PER_MINUTE=100000000 \
        "$asadmin" --interactive=false start-domain --domaindir "$domain_dir" "$domain" > "$work/start-domain.log" 2>&1 \
        || die "start-domain failed: $(tail -20 "$work/start-domain.log")"
    # the same heap as Payara Micro's, so the two figures compare
    for option in $(adm list-jvm-options | awk '/^-Xm[sx]/ {print $1}'); do
        adm delete-jvm-options -- "$option" > /dev/null
    done
    for option in $java_opts; do
        adm create-jvm-options -- "$option" > /dev/null
    done
    # the database, the token key and the audit-chain key of the Payara Micro run: the same persons are looked up
    # (the embedded database by its files, whose URL configure-domain.sh makes from the data directory)
    if [ "$db_kind" = embedded ]; then
        ear_db_kind=hsqldb ear_db_user=oqs ear_db_password="$(cat "$data/db-password")"
    else
        ear_db_kind="$db_kind" ear_db_user="$OQS_DB_USER" ear_db_password="$OQS_DB_PASSWORD"
    fi
    ASADMIN="$asadmin" OQS_ADMIN_ADDRESS=127.0.0.1 OQS_ADMIN_PORT="$admin_port" OQS_DB_KIND="$ear_db_kind" \
        OQS_DB_URL="$db_url" OQS_DB_DRIVER_JAR="$root/web-module/target/drivers/$db_driver" \
        OQS_DB_USER="$ear_db_user" OQS_DB_PASSWORD="$ear_db_password" \
        OQS_HTTP_ADDRESS=127.0.0.1 OQS_HTTP_PORT="$ear_port" \
        OQS_JWT_ISSUER=urn:oqs:embedded-development \
        OQS_JWT_PUBLIC_KEY_LOCATION="file:$data/jwt/embedded-signing-public.pem" OQS_DATA_DIR="$data" \
        bash "$root/server-config/payara-server/configure-domain.sh" > "$work/configure-domain.log" 2>&1 \
        || die "configure-domain.sh failed: $(tail -20 "$work/configure-domain.log")"
    adm deploy --name oqs "$root/ear/target/oqs.ear" > "$work/deploy.log" 2>&1 \
        || die "deploy failed: $(tail -20 "$work/deploy.log")"
    ear_pid="$(domain_pid)"
    ear_ready="$(wait_ready "http://127.0.0.1:$ear_port/health/ready" "$ear_pid" 300)"
    say "EAR deployed and ready (domain pid $ear_pid)"
    wrk_run warmup-lookup 8 "$warmup" "http://127.0.0.1:$ear_port"
    warm_until_settled warmup.ear "http://127.0.0.1:$ear_port" "$ear_pid"
    wrk_run ear 8 "$duration" "http://127.0.0.1:$ear_port"
    fig ear.heap "$java_opts"
    say "stopping the domain"
    stop_domain
    asadmin=""
fi
fig load_end "$(cut -d' ' -f1-3 /proc/loadavg)"
fig finished "$(date -u +'%Y-%m-%d %H:%M UTC')"

# --- the report ------------------------------------------------------------------------------------------------
mkdir -p "$(dirname "$doc")"
svg="$(dirname "$doc")/performance-lookups.svg"
bench chart --results "$results" --out "$svg"
# the report replaces the harness's part; the sections written by hand (from the first "## Measured on" heading to
# the end: what each session measured and why a setting stayed) are carried over below it, not lost to a run
bash "$root/server-config/bench/report.sh" "$results" "$(basename "$svg")" > "$doc.new"
if [ -f "$doc" ] && grep -q '^## Measured on ' "$doc"; then
    { echo; sed -n '/^## Measured on /,$p' "$doc"; } >> "$doc.new"
fi
mv "$doc.new" "$doc"
say "wrote $doc and $svg"
