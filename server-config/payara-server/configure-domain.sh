#!/usr/bin/env bash
# Prepares a running Payara Server Full domain (6.2025.9) for the OQS EAR (ear/target/oqs.ear, context root /oqs).
# Run it on the domain's host, against its admin port; it ends by restarting the domain. Running it again is safe:
# it updates what exists and creates what is missing.
#
# What it does:
#   - installs the JDBC driver into the domain's lib (add-library --type common), for hsqldb with the pool class
#   - connection pool oqs-pool and resource jdbc/oqs; the database password becomes the password alias
#     oqs-db-password and the pool refers to it as ${ALIAS=oqs-db-password} (never in clear in domain.xml)
#   - http-listener-1 on OQS_HTTP_ADDRESS:OQS_HTTP_PORT, the admin listener on OQS_ADMIN_ADDRESS; off (and bound
#     to those addresses should they be enabled again): http-listener-2 (HTTPS), the IIOP listeners, the JMX
#     connector; off: the JMS broker, Hazelcast (clustering, not needed by a single instance) and phone-home
#   - installs the malformed path guard into Payara's modules and turns on comet support on the HTTP listeners,
#     which sets it up: a path Payara cannot decode (%ZZ, %00, ...) is answered 400 MALFORMED_PATH with the error
#     body, not by Payara with 200 or 400 and no body (README, "Errors")
#   - default principal-to-role mapping on (token groups are role names)
#   - MicroProfile Config at domain level: mp.jwt.verify.issuer, mp.jwt.verify.publickey.location, oqs.data.dir
#   - MicroProfile Health on, unauthenticated, at /health (/health/ready, /health/live); Payara serves it once an
#     application is deployed
#   - the HTTP listeners' request threads (http-thread-pool): at most 200, as Payara Micro has; Payara Server's own
#     default is 5, so that five slow requests (sync batches, bulk uploads, lookups waiting for their turn) left
#     none for the health check or the next lookup (issue 14)
#   - MicroProfile Metrics on, unauthenticated, at /metrics (Prometheus text; counts only, no personal data: README,
#     "Metrics"); the gateway in front must not route /metrics or /health to callers of the API
#
# Settings (environment variables):
#   ASADMIN                      asadmin to use (default: asadmin on the PATH, e.g. /opt/payara6/bin/asadmin);
#                                AS_JAVA selects its Java as usual
#   OQS_ADMIN_ADDRESS            address the admin listener (and the disabled JMX connector) is bound to, and
#                                that asadmin connects to (default 127.0.0.1)
#   OQS_ADMIN_PORT               admin port of the domain (default 4848)
#   OQS_ADMIN_USER               admin user (default admin)
#   OQS_ADMIN_PASSWORD_FILE      asadmin password file holding AS_ADMIN_PASSWORD=... (default: none; asadmin then
#                                uses `asadmin login` credentials or an empty password)
#   OQS_DB_KIND                  oracle | hsqldb (default oracle; hsqldb, the embedded default's engine, is for
#                                tests and demonstrations)
#   OQS_DB_DRIVER_JAR            path to ojdbc11.jar or hsqldb.jar (required); several jars separated by ':'
#                                (e.g. ojdbc11.jar:orai18n.jar)
#   OQS_DB_URL                   JDBC URL (required for oracle, e.g. jdbc:oracle:thin:@//db.example:1521/OQS;
#                                hsqldb default jdbc:hsqldb:file:$OQS_DATA_DIR/db/oqs with the embedded default's
#                                settings; an HSQLDB URL must contain sql.syntax_ora=true, hsqldb.tx=mvcc and
#                                hsqldb.write_delay=false: docs/adr/0001-embedded-database-engine.md)
#   OQS_DB_USER                  database user (default oqs)
#   OQS_DB_PASSWORD              database password (required)
#   OQS_HTTP_ADDRESS             address http-listener-1 is bound to (default 127.0.0.1)
#   OQS_HTTP_PORT                port of http-listener-1 (default 8080)
#   OQS_JWT_ISSUER               issuer (iss) of the bearer tokens, mp.jwt.verify.issuer (required)
#   OQS_JWT_PUBLIC_KEY_LOCATION  their verification key, mp.jwt.verify.publickey.location (required),
#                                e.g. file:/etc/oqs/jwt-public.pem or an https: URL of a PEM or JWKS
#   OQS_HTTP_GUARD_JAR           the malformed path guard (default: server-config/target/server-config-*-http-guard.jar
#                                next to this script's folder, built by mvn install)
#   OQS_EMBEDDED_POOL_JAR        hsqldb only: the pool class that repairs a crash's torn files before HSQLDB opens them
#                                (default: server-config/target/server-config-*-embedded-pool.jar, as the guard)
#   OQS_PAYARA_MODULES_DIR       Payara's modules folder, where the guard goes (default: glassfish/modules of the
#                                installation ASADMIN belongs to)
#   OQS_DATA_DIR                 the application's data directory, oqs.data.dir (default /var/lib/oqs; must be
#                                writable by the server's user)
#
# Example:
#   ASADMIN=/opt/payara6/bin/asadmin OQS_DB_DRIVER_JAR=/opt/drivers/ojdbc11.jar \
#   OQS_DB_URL=jdbc:oracle:thin:@//db.example:1521/OQS OQS_DB_PASSWORD=... \
#   OQS_JWT_ISSUER=https://gateway.example/ OQS_JWT_PUBLIC_KEY_LOCATION=file:/etc/oqs/jwt-public.pem \
#   server-config/payara-server/configure-domain.sh
set -euo pipefail

ASADMIN="${ASADMIN:-asadmin}"
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OQS_ADMIN_ADDRESS="${OQS_ADMIN_ADDRESS:-127.0.0.1}"
OQS_ADMIN_PORT="${OQS_ADMIN_PORT:-4848}"
OQS_ADMIN_USER="${OQS_ADMIN_USER:-admin}"
OQS_ADMIN_PASSWORD_FILE="${OQS_ADMIN_PASSWORD_FILE:-}"
OQS_DB_KIND="${OQS_DB_KIND:-oracle}"
OQS_DB_DRIVER_JAR="${OQS_DB_DRIVER_JAR:-}"
OQS_DATA_DIR="${OQS_DATA_DIR:-/var/lib/oqs}"
OQS_DB_USER="${OQS_DB_USER:-oqs}"
OQS_DB_PASSWORD="${OQS_DB_PASSWORD:-}"
OQS_HTTP_ADDRESS="${OQS_HTTP_ADDRESS:-127.0.0.1}"
OQS_HTTP_PORT="${OQS_HTTP_PORT:-8080}"
OQS_JWT_ISSUER="${OQS_JWT_ISSUER:-}"
OQS_JWT_PUBLIC_KEY_LOCATION="${OQS_JWT_PUBLIC_KEY_LOCATION:-}"

POOL=oqs-pool
RESOURCE=jdbc/oqs
PASSWORD_ALIAS=oqs-db-password
SERVER_CONFIG=configs.config.server-config
LISTENERS=$SERVER_CONFIG.network-config.network-listeners.network-listener

die() {
    echo "configure-domain: $*" >&2
    exit 1
}

step() {
    echo
    echo "==> $*"
}

# --- settings -------------------------------------------------------------------------------------------------

case "$OQS_DB_KIND" in
    oracle)
        datasource_class=oracle.jdbc.pool.OracleDataSource
        [ -n "${OQS_DB_URL:-}" ] || die "OQS_DB_URL is required for OQS_DB_KIND=oracle"
        [[ "$OQS_DB_URL" == jdbc:oracle:* ]] || die "OQS_DB_URL must be an Oracle URL (jdbc:oracle:...)"
        ;;
    hsqldb)
        # HSQLDB's data source, which first repairs the files a crash can leave torn (jp.oqs.pool; ADR 0001)
        datasource_class=jp.oqs.pool.EmbeddedDataSource
        # the embedded default's settings (bin/oqs): Oracle syntax, disk tables, MVCC, every commit written
        # before it is acknowledged, a bounded redo log (restart time after a crash)
        OQS_DB_URL="${OQS_DB_URL:-jdbc:hsqldb:file:$OQS_DATA_DIR/db/oqs;sql.syntax_ora=true;sql.nulls_first=false;hsqldb.default_table_type=cached;hsqldb.tx=mvcc;hsqldb.write_delay=false;hsqldb.log_size=32;hsqldb.nio_max_size=16384}"
        [[ "$OQS_DB_URL" == jdbc:hsqldb:* ]] || die "OQS_DB_URL must be an HSQLDB URL (jdbc:hsqldb:...)"
        for setting in sql.syntax_ora=true hsqldb.tx=mvcc hsqldb.write_delay=false; do
            [[ "$OQS_DB_URL" == *";$setting"* ]] || die "OQS_DB_URL must contain ;$setting"
        done
        ;;
    *)
        die "OQS_DB_KIND must be oracle or hsqldb, not '$OQS_DB_KIND'"
        ;;
esac
[ -n "$OQS_DB_DRIVER_JAR" ] || die "OQS_DB_DRIVER_JAR is required (path to ojdbc11.jar or hsqldb.jar)"
IFS=':' read -r -a driver_jars <<< "$OQS_DB_DRIVER_JAR"
if [ "$OQS_DB_KIND" = hsqldb ]; then
    OQS_EMBEDDED_POOL_JAR="${OQS_EMBEDDED_POOL_JAR:-$(ls "$script_dir"/../target/server-config-*-embedded-pool.jar \
        2>/dev/null | head -n 1)}"
    [ -f "$OQS_EMBEDDED_POOL_JAR" ] \
        || die "the embedded pool jar was not found (OQS_EMBEDDED_POOL_JAR; build it with mvn install)"
    driver_jars+=("$OQS_EMBEDDED_POOL_JAR")
fi
for jar in "${driver_jars[@]}"; do
    [ -f "$jar" ] || die "driver jar $jar not found"
done
[ -n "$OQS_DB_PASSWORD" ] || die "OQS_DB_PASSWORD is required"
[[ "$OQS_DB_PASSWORD" != *$'\n'* ]] || die "OQS_DB_PASSWORD must be a single line"
[ -n "$OQS_JWT_ISSUER" ] || die "OQS_JWT_ISSUER is required"
[ -n "$OQS_JWT_PUBLIC_KEY_LOCATION" ] || die "OQS_JWT_PUBLIC_KEY_LOCATION is required (e.g. file:/etc/oqs/jwt.pem)"
[[ "$OQS_HTTP_PORT" =~ ^[0-9]+$ ]] || die "OQS_HTTP_PORT must be a port number"
[[ "$OQS_ADMIN_PORT" =~ ^[0-9]+$ ]] || die "OQS_ADMIN_PORT must be a port number"
if [ -n "$OQS_ADMIN_PASSWORD_FILE" ] && [ ! -r "$OQS_ADMIN_PASSWORD_FILE" ]; then
    die "OQS_ADMIN_PASSWORD_FILE $OQS_ADMIN_PASSWORD_FILE is not readable"
fi

OQS_HTTP_GUARD_JAR="${OQS_HTTP_GUARD_JAR:-$(ls "$script_dir"/../target/server-config-*-http-guard.jar 2>/dev/null \
    | head -n 1)}"
[ -f "$OQS_HTTP_GUARD_JAR" ] || die "the malformed path guard jar was not found (OQS_HTTP_GUARD_JAR; build it with mvn install)"
if [ -z "${OQS_PAYARA_MODULES_DIR:-}" ]; then
    asadmin_bin="$(readlink -f "$(command -v "$ASADMIN")")" || die "ASADMIN $ASADMIN not found"
    for candidate in "$(dirname "$asadmin_bin")/../glassfish/modules" "$(dirname "$asadmin_bin")/../modules"; do
        if [ -d "$candidate" ]; then
            OQS_PAYARA_MODULES_DIR="$(cd "$candidate" && pwd)"
            break
        fi
    done
fi
[ -d "${OQS_PAYARA_MODULES_DIR:-}" ] || die "Payara's modules folder was not found (OQS_PAYARA_MODULES_DIR)"

# asadmin connects to the admin listener's address (to a loopback address if it listens on all of them)
case "$OQS_ADMIN_ADDRESS" in
    0.0.0.0) admin_host=127.0.0.1 ;;
    ::|'[::]') admin_host=::1 ;;
    *) admin_host="$OQS_ADMIN_ADDRESS" ;;
esac

tmp_dir="$(mktemp -d)"
trap 'rm -rf "$tmp_dir"' EXIT

# asadmin with a given password file (may be empty), then the subcommand and its arguments
asadmin_pw() {
    local password_file="$1"
    shift
    local options=(--interactive=false --host "$admin_host" --port "$OQS_ADMIN_PORT" --user "$OQS_ADMIN_USER")
    if [ -n "$password_file" ]; then
        options+=(--passwordfile "$password_file")
    fi
    "$ASADMIN" "${options[@]}" "$@"
}

asadmin() {
    asadmin_pw "$OQS_ADMIN_PASSWORD_FILE" "$@"
}

# a value for an asadmin password file (a properties file): backslashes and a leading blank need escaping
property_value() {
    local value="${1//\\/\\\\}"
    if [[ "$value" == [[:space:]]* ]]; then
        value="\\$value"
    fi
    printf '%s' "$value"
}

contains_line() {
    grep -qxF -- "$1" <<< "$2"
}

# --- the domain -------------------------------------------------------------------------------------------------

step "domain at $admin_host:$OQS_ADMIN_PORT"
locations="$(asadmin --terse=true __locations)" \
    || die "no Payara domain answers at $admin_host:$OQS_ADMIN_PORT (ASADMIN=$ASADMIN); start it first"
instance_root="${locations%%$'\n'*}"
[ -n "$instance_root" ] || die "cannot determine the domain directory"
echo "domain directory $instance_root"
asadmin version

step "JDBC driver into the domain's lib: ${driver_jars[*]}"
asadmin add-library --type common "${driver_jars[@]}"

step "database password as password alias $PASSWORD_ALIAS"
alias_password_file="$tmp_dir/alias-password"
(
    umask 077
    if [ -n "$OQS_ADMIN_PASSWORD_FILE" ]; then
        cat "$OQS_ADMIN_PASSWORD_FILE"
        echo
    fi
    printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$(property_value "$OQS_DB_PASSWORD")"
) > "$alias_password_file"
aliases="$(asadmin --terse=true list-password-aliases)"
if contains_line "$PASSWORD_ALIAS" "$aliases"; then
    asadmin_pw "$alias_password_file" update-password-alias "$PASSWORD_ALIAS"
else
    asadmin_pw "$alias_password_file" create-password-alias "$PASSWORD_ALIAS"
fi
rm -f "$alias_password_file"

step "connection pool $POOL ($OQS_DB_KIND) and resource $RESOURCE"
pools="$(asadmin --terse=true list-jdbc-connection-pools)"
if ! contains_line "$POOL" "$pools"; then
    asadmin create-jdbc-connection-pool \
        --datasourceclassname="$datasource_class" --restype=javax.sql.DataSource \
        --steadypoolsize=4 --maxpoolsize=32 \
        --isconnectvalidatereq=true --validationmethod=custom-validation \
        --validationclassname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation \
        --failconnection=true \
        "$POOL"
fi
# properties are set one by one: create-jdbc-connection-pool --property would split the URL at its colons; each
# connection keeps its 256 most recently used prepared statements (HSQLDB compiles a statement at every prepare,
# Oracle parses it: issue 14, docs/performance.md); no SQL trace listener: Payara's default one (it does nothing)
# puts a reflective proxy in front of every JDBC call (about 15 % of a lookup's server CPU on the embedded
# default, measured), and only the word null removes it
asadmin set \
    "resources.jdbc-connection-pool.$POOL.datasource-classname=$datasource_class" \
    "resources.jdbc-connection-pool.$POOL.statement-cache-size=256" \
    "resources.jdbc-connection-pool.$POOL.sql-trace-listeners=null" \
    "resources.jdbc-connection-pool.$POOL.property.URL=$OQS_DB_URL" \
    "resources.jdbc-connection-pool.$POOL.property.user=$OQS_DB_USER" \
    "resources.jdbc-connection-pool.$POOL.property.password=\${ALIAS=$PASSWORD_ALIAS}"
resources="$(asadmin --terse=true list-jdbc-resources)"
if contains_line "$RESOURCE" "$resources"; then
    asadmin set "resources.jdbc-resource.$RESOURCE.pool-name=$POOL"
else
    asadmin create-jdbc-resource --connectionpoolid="$POOL" "$RESOURCE"
fi

step "listeners: HTTP on $OQS_HTTP_ADDRESS:$OQS_HTTP_PORT, administration on $OQS_ADMIN_ADDRESS, the rest off"
asadmin set \
    "$LISTENERS.http-listener-1.address=$OQS_HTTP_ADDRESS" \
    "$LISTENERS.http-listener-1.port=$OQS_HTTP_PORT" \
    "$LISTENERS.http-listener-1.enabled=true" \
    "$LISTENERS.http-listener-2.address=$OQS_HTTP_ADDRESS" \
    "$LISTENERS.http-listener-2.enabled=false" \
    "$LISTENERS.admin-listener.address=$OQS_ADMIN_ADDRESS" \
    "$SERVER_CONFIG.admin-service.jmx-connector.system.address=$OQS_ADMIN_ADDRESS" \
    "$SERVER_CONFIG.admin-service.jmx-connector.system.enabled=false"
iiop_listeners=()
for listener in orb-listener-1 SSL SSL_MUTUALAUTH; do
    iiop_listeners+=("$SERVER_CONFIG.iiop-service.iiop-listener.$listener.address=$OQS_HTTP_ADDRESS"
        "$SERVER_CONFIG.iiop-service.iiop-listener.$listener.enabled=false")
done
asadmin set "${iiop_listeners[@]}"

step "request threads: http-thread-pool up to 200 (Payara Server's default is 5), queue 4096"
# the same as Payara Micro's domain: a single lookup that waits for its turn holds a thread (at most
# oqs.eligibility.admission.max-waiting of them, 128), and the rest stay free for everything else
asadmin set "$SERVER_CONFIG.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=200" \
    "$SERVER_CONFIG.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=2" \
    "$SERVER_CONFIG.thread-pools.thread-pool.http-thread-pool.max-queue-size=4096"

step "malformed path guard: $OQS_PAYARA_MODULES_DIR/oqs-http-guard.jar, comet support on the HTTP listeners"
# Payara sets the guard up as the listeners' comet add-on (jp.oqs.httpguard.MalformedPathAddOn); it reads its
# modules when the domain starts, so the restart below puts it in place
install -m 0644 "$OQS_HTTP_GUARD_JAR" "$OQS_PAYARA_MODULES_DIR/oqs-http-guard.jar"
PROTOCOLS=$SERVER_CONFIG.network-config.protocols.protocol
asadmin set "$PROTOCOLS.http-listener-1.http.comet-support-enabled=true" \
    "$PROTOCOLS.http-listener-2.http.comet-support-enabled=true"

step "JMS broker, Hazelcast and phone-home off"
asadmin set "$SERVER_CONFIG.jms-service.type=DISABLED"
asadmin set-hazelcast-configuration --enabled=false --dynamic=false
asadmin disable-phone-home

step "security: default principal-to-role mapping"
asadmin set "$SERVER_CONFIG.security-service.activate-default-principal-to-role-mapping=true"

step "MicroProfile Config (domain level)"
set_config_property() {
    asadmin set-config-property --source=domain --propertyName="$1" --propertyValue="$2"
}
set_config_property mp.jwt.verify.issuer "$OQS_JWT_ISSUER"
set_config_property mp.jwt.verify.publickey.location "$OQS_JWT_PUBLIC_KEY_LOCATION"
set_config_property oqs.data.dir "$OQS_DATA_DIR"

step "MicroProfile Health at /health"
asadmin set-microprofile-healthcheck-configuration --enabled=true --endpoint=health --securityenabled=false

step "MicroProfile Metrics at /metrics"
asadmin set-metrics-configuration --enabled=true --endpoint=metrics --securityenabled=false --dynamic=true

step "restart"
# restart-domain is a local command: it needs the domain's directory and name, which __locations told us
[ -d "$instance_root" ] || die "the domain directory $instance_root is not on this host: restart the domain there"
asadmin restart-domain --domaindir "$(dirname "$instance_root")" "$(basename "$instance_root")"

step "check"
if ! asadmin ping-connection-pool "$POOL"; then
    echo "configure-domain: warning: $POOL cannot reach the database yet; the application retries at start" >&2
fi

echo
echo "Domain configured. Deploy with:"
echo "  $ASADMIN --host $admin_host --port $OQS_ADMIN_PORT deploy --name oqs ear/target/oqs.ear"
echo "then check http://$OQS_HTTP_ADDRESS:$OQS_HTTP_PORT/health/ready"
