#!/usr/bin/env bash
# Writes docs/performance.md (to stdout) from the results file of bin/oqs bench: RESULTS_FILE CHART_FILE_NAME.
# Every figure comes from the results file; a step that did not run is shown as "not measured".
set -euo pipefail

results="$1"
chart="$2"

v() { # KEY [DEFAULT]
    local value
    value="$(sed -n "s/^$1=//p" "$results" | tail -1)"
    printf '%s' "${value:-${2-not measured}}"
}
thousands() { # VALUE: an integer with thousands separators; anything else as it is ("not measured" if empty)
    if [[ "$1" =~ ^[0-9]+$ ]]; then
        LC_ALL=C printf "%'d" "$1" 2> /dev/null | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'
    else
        printf '%s' "${1:-not measured}"
    fi
}
num() { thousands "$(v "$1" "")"; } # KEY: the figure with thousands separators
pct() { # A B: A as a percentage of B
    awk -v a="$(v "$1" 0)" -v b="$(v "$2" 0)" 'BEGIN { if (a > 0 && b > 0) printf "%.0f %%", 100 * a / b; else printf "?" }'
}

ear_figure() {
    if [ -n "$(v ear.c8.rps "")" ]; then
        printf '%s req/s at 8 connections (%s of the Micro figure at 8), p50 %s ms, p99 %s ms' "$(num ear.c8.rps)" \
            "$(pct ear.c8.rps lookup.c8.rps)" "$(v ear.c8.p50_ms)" "$(v ear.c8.p99_ms)"
    else
        printf 'not measured in this run'
    fi
}
runtime_part() { # the same Payara Micro with an empty application, and what the application adds to the start
    if [ -n "$(v micro.empty_ready_s "")" ]; then
        awk -v all="$(v micro.ready_s 0)" -v empty="$(v micro.empty_ready_s)" 'BEGIN {
            printf "Payara Micro with an empty application %.1f s, so the application %.1f s", empty, all - empty }'
    else
        printf 'Payara Micro with an empty application not measured'
    fi
}
embedded() { [ "$(v db_kind embedded)" = embedded ]; } # a results file of a run before --db-url: embedded
database_line() {
    if embedded; then
        printf "the embedded default (HSQLDB in Oracle syntax mode, files in the run's data directory; ADR 0001)"
    else
        printf "external (\`--db-url\`): %s" "$(v database)"
    fi
}
starts_note() { # bin/oqs bench times one start on an external database, three on the embedded default
    if ! embedded; then
        printf "one start, on the external database's empty schema: %s s" "$(v micro.ready_each_s)"
    else
        printf 'median of three fresh starts: %s s' "$(v micro.ready_each_s)"
    fi
}
connections="$(v connections "8 64")"
first="${connections%% *}"
last="${connections##* }"
best=0
for c in $connections; do
    r="$(v "lookup.c$c.rps" 0)"
    [ "$r" -le "$best" ] || best="$r"
done
persons="$(num sync.records)"
if [ "$(v sync.cut_by_minutes 0)" != 0 ]; then
    cut_note=" The load was cut by its time budget (\`--load-minutes $(v sync.cut_by_minutes)\`): $persons of the
$(num sync.requested) persons asked for were loaded in the time this run had; every figure below is for $persons persons."
else
    cut_note=""
fi

cat <<EOF
# Performance

Measured by \`bin/oqs bench\` (README, "Benchmarks") on $(v started) (finished $(v finished)); this file and
[\`$chart\`]($chart) are written by the harness, and every figure down to the first section headed "Measured on"
comes from that run. Issue 14 holds the goals. The "Measured on" sections are written by hand, newest first: what
each session measured and why a setting stayed; the harness carries them over from the previous file.

Command: \`$(v command)\`$cut_note

Machine: $(v cores) cores ($(v cpu)), $(v memory_gib) GiB memory, $(v jdk). The load tools run on the same
machine as the server, and other work shared it: load average (1, 5, 15 min) $(v load_start) at the start,
$(v load_end) at the end. Figures from a shared two-core machine vary by tens of percent from run to run; compare
ratios measured in the same run (lookups against the ceiling) rather than absolute figures between runs.

Database: $(database_line).

## The issue's table, today

| figure | today | goal |
|---|---|---|
| authenticated GET \`/api/v1/callers/me\` (no database): the ceiling of this server here | $(num "ceiling.c$first.rps") req/s at $first connections, $(num "ceiling.c$last.rps") at $last | — |
| single lookups, random persons ($persons loaded) | $(num "lookup.c$first.rps") req/s at $first connections = $(pct "lookup.c$first.rps" "ceiling.c$first.rps") of the ceiling; at $last connections $(num "lookup.c$last.rps") req/s ($(pct "lookup.c$last.rps" "ceiling.c$last.rps") of the ceiling), p99 $(v "lookup.c$last.p99_ms") ms | ≥ 70 % of the ceiling in the same run; at 64 connections ≥ 90 % of the best figure |
| lookup p99 at half of the maximum rate (open model, constant arrival rate) | $(v open.p99_ms) ms at $(num open.rate) lookups/s (p50 $(v open.p50_ms) ms, p99.9 $(v open.p999_ms) ms; in the service by its own histogram: p99 $(v open.server_p99_ms -) ms) | ≤ 20 ms |
| sync, $(num sync.batch)-record batches | $(num sync.records_per_s) records/s, $(v sync.streams) stream(s) ($persons records in $(v sync.seconds) s) | ≥ 20,000 records/s on one node |
| bulk check, upload to all answered | $(num bulk.entries): $(v bulk.seconds) s ($(num bulk.entries_per_s) entries/s; upload accepted in $(v bulk.accepted_seconds) s) | 100,000 ≤ 30 s, linear in size |
| Payara Micro ready / RSS after start | $(v micro.ready_s) s ($(starts_note); $(runtime_part)) / $(v micro.start_rss_mib) MiB (with the class-data archive; \`bin/oqs prepare\` took $(v micro.prepare_s) s before it) | ≤ 10 s / ≤ 600 MiB |
| Payara Micro ready again with the data loaded: after a clean stop / after kill -9 | $(v micro.restart_ready_s) s / $(v micro.recovery_ready_s) s (the clean stop took $(v micro.stop_s) s) | — |
| single lookups on the EAR (Payara Server Full $(v payara_version), same database) | $(ear_figure) | — |

At $last connections the lookups reach $(awk -v a="$(v "lookup.c$last.rps" 0)" -v b="$best" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else printf "?" }') of their best figure ($(num "lookup.c$last.rps") of $(thousands "$best") req/s).

## Lookups and the ceiling by connections (wrk, closed model)

![throughput and p99 against connections]($chart)

| connections | ceiling req/s | ceiling p50 / p99 ms | lookups req/s | lookups p50 / p99 ms | lookups / ceiling | failed lookups |
|---|---|---|---|---|---|---|
EOF
for c in $connections; do
    printf '| %s | %s | %s / %s | %s | %s / %s | %s | %s |\n' "$c" "$(num "ceiling.c$c.rps")" "$(v "ceiling.c$c.p50_ms")" \
        "$(v "ceiling.c$c.p99_ms")" "$(num "lookup.c$c.rps")" "$(v "lookup.c$c.p50_ms")" "$(v "lookup.c$c.p99_ms")" \
        "$(pct "lookup.c$c.rps" "ceiling.c$c.rps")" "$(v "lookup.c$c.failed")"
done
cat <<EOF

wrk runs $(v duration "the given") s per figure with 2 threads (\`wrk -t2 -c<connections> --latency\`),
after a $(v warmup 5) s warm-up of each endpoint, and then of the lookups in 10 s rounds until the JIT compiler had
settled (under 0.5 s of compilation in a round) or for at most \`--settle-max\` s: $(v warmup.micro.settled_s) s more
(settled: $(v warmup.micro.settled)), in which the compiler spent $(v warmup.micro.jit_compile_s) s; a fresh server needs
that long to answer at the speed measured here. The lookups (\`server-config/bench/lookups.lua\`) POST \`/api/v1/eligibility/lookups\`
for a random person of a sample of 100,000 (or all, if fewer were loaded) drawn at random from those loaded, with
the token of one of 64 clinics picked at random (the audit trail's 16 chains are chosen by clinic, so a single
clinic would serialise every lookup on one chain); every answer that is not 200 with validity 1 is counted as
failed. The per-clinic lookup limit (\`oqs.eligibility.limit.lookups-per-minute\`, 1,200) is lifted for the
benchmark's servers: it protects against harvesting, it is not a capacity.

## Open model

$(num open.requests) lookups at a constant $(num open.rate) per second (half of the best wrk figure, $(thousands "$best") req/s)
for $(v duration "the given") s after $(v open.warmup_s 0) s of warm-up at the same rate in the same stream (not
counted: the client opens its connections then; its p99 was $(v open.warmup_p99_ms -) ms), sent at $(num open.sent_rate)/s over $(v open.connections 64) connections ($(v open.late_sends) sent more than 1 ms
after its due time: every connection busy, or the client's thread woken late): p50 $(v open.p50_ms) ms, p90 $(v open.p90_ms) ms, **p99 $(v open.p99_ms) ms**, p99.9 $(v open.p999_ms) ms,
max $(v open.max_ms) ms; $(v open.failures) failed. wrk is a closed model (a connection sends its next request only
after the answer) and so under-reports a stall ("coordinated omission"), and wrk2 is not packaged in Debian: the
generator is the harness's own (\`jp.oqs.devtools.bench.OpenModel\` in the server-config tools jar). Like wrk2 it
keeps a fixed number of keep-alive HTTP/1.1 connections, each on a blocking socket of its own thread; request k is
due at start + k/rate and goes out on the next free connection, and its latency is measured from that due time,
so a request that waited for a connection counts its wait; percentiles from all latencies after the warm-up, sorted. Each
second's slowest answer and how many took over 20 ms are in \`open-stalls.txt\` in the work directory.

The service's own view of the same requests, from its latency histograms (README, "Metrics") read as the measured
requests began and after the last answer, percentiles interpolated within buckets as Prometheus's
\`histogram_quantile\` does: $(num open.server_lookups) lookups, **in the service p50 $(v open.server_p50_ms -) ms, p99
$(v open.server_p99_ms -) ms** (\`oqs_lookup_duration_buckets_total\`: from the matched request to its answer); waiting
for durability before the first byte p50 $(v open.durable_p50_ms -) ms, p99 $(v open.durable_p99_ms -) ms
(\`oqs_answers_durable_wait_buckets_total\`). What the generator measured beyond their sum lay outside the
service's code: the connection, the container's queue before the request was matched, the client.

## Sync and bulk check

Persons loaded through \`POST /api/v1/sync/batches\`: $persons ACQUIRE records in batches of $(num sync.batch),
$(v sync.streams) stream(s) (one insurer each, onboarded and activated through the admin API), every batch checked
to be accepted whole: $(v sync.seconds) s, **$(num sync.records_per_s) records/s**.

Bulk check: $(num bulk.entries) entries of random loaded persons, uploaded in one \`POST
/api/v1/eligibility/bulk-lookups\` (accepted in $(v bulk.accepted_seconds) s), polled until every entry was answered
(all valid): $(v bulk.seconds) s, **$(num bulk.entries_per_s) entries/s**.

## Memory

The service ran with \`$(v java_opts)\` (the default of \`bin/oqs run\`, \`OQS_JAVA_OPTS\`). Live heap is what is
used right after a full collection (\`jcmd <pid> GC.run\`, then \`GC.heap_info\`); RSS from \`/proc/<pid>/status\`.

| when | live heap | heap committed | RSS | peak RSS |
|---|---|---|---|---|
| after start | | | $(v micro.start_rss_mib) MiB | |
| after loading $persons persons | $(v after_load.heap_used_mib) MiB | $(v after_load.heap_committed_mib) MiB | $(v after_load.rss_mib) MiB | $(v after_load.rss_peak_mib) MiB |
| after the $(num bulk.entries)-entry bulk check | $(v after_bulk.heap_used_mib) MiB | $(v after_bulk.heap_committed_mib) MiB | $(v after_bulk.rss_mib) MiB | $(v after_bulk.rss_peak_mib) MiB |

What the service $(embedded && printf 'on the embedded default ')needs for $persons persons and a $(num bulk.entries)-entry bulk check: a live heap of
$(awk -v a="$(v after_load.heap_used_mib 0)" -v b="$(v after_bulk.heap_used_mib 0)" 'BEGIN { printf "%d", (a > b ? a : b) }') MiB at
most at the points measured (after the load, after the bulk check); the run held in \`$(v java_opts)\`
(OutOfMemoryError in the server's log: $(v micro.out_of_memory)). $(if embedded; then
    printf '%s\n%s' "The persons are in the database files of the data" \
        "directory (HSQLDB disk tables, with a bounded row cache in the heap), not in the heap itself."
else
    printf 'The persons are in the external database, not in the heap.'
fi)

## The EAR on Payara Server

The same lookups (same sample, same 64 clinics, $(v duration "the given") s, 8 connections) against \`ear/target/oqs.ear\`
on a new Payara Server Full domain created on 127.0.0.1 with free ports and prepared by
\`server-config/payara-server/configure-domain.sh\` ($(if embedded; then
    printf '%s' "HSQLDB in Oracle syntax mode, as in \`EarDeploymentIT\`"; else printf 'the external database'; fi)), with the
same heap settings, over the very database the Payara Micro run loaded (the service was stopped first), warmed the
same way ($(v warmup.ear.settled_s) s of rounds; settled: $(v warmup.ear.settled)):
$(ear_figure)$([ -z "$(v ear.c8.failed "")" ] || printf '; %s failed' "$(v ear.c8.failed)").
EOF
