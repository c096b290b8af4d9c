#!/usr/bin/env bash
# Creates and configures the Payara domain the integration tests run in (Arquillian starts and
# stops it). It has its own ports (create-domain --portbase) and its own data grid, so the tests
# also pass while a dev server (./ipa start, ports 8080/4848) runs. Called by Maven in
# pre-integration-test; a configured domain is kept until "mvn clean".
#
# Its mail session mail/ipa sends to 127.0.0.1:<smtp-port> (default 29025), where SendEmailIT
# starts an SMTP server of its own.
#
# <db> is the database behind jdbc/ipa: h2 (default; an embedded file under <data-dir>, kept with
# the domain) or postgresql. On PostgreSQL the database $IPA_IT_POSTGRESQL_DATABASE (default
# ipa_it_<portbase>) on $IPA_IT_POSTGRESQL_HOST:$IPA_IT_POSTGRESQL_PORT (127.0.0.1:5432), user
# $IPA_IT_POSTGRESQL_USER (postgres, trust authentication), is dropped and created again from
# sql/postgresql/create.sql at every run, as a DBA would (the application never creates tables
# there); the domain also gets jdbc/ipa-it-postgresql on that database for the Database action tests.
#
# usage: prepare-test-domain.sh <payara-home> <domain> <portbase> <admin-port> <data-dir> [<smtp-port> [<db>]]
set -euo pipefail

if [[ $# -lt 5 || $# -gt 7 ]]; then
    echo "usage: $0 <payara-home> <domain> <portbase> <admin-port> <data-dir> [<smtp-port> [<db>]]" >&2
    exit 2
fi
payara_home=$1
domain=$2
portbase=$3
admin_port=$4
data_dir=$5
smtp_port=${6:-29025}
db=${7:-h2}
domain_dir=$payara_home/glassfish/domains/$domain
marker=$domain_dir/config/.ipa-configured
configure_domain=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../main/domain" && pwd)/configure-domain.sh
create_sql=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)/sql/postgresql/create.sql
pg_host=${IPA_IT_POSTGRESQL_HOST:-127.0.0.1}
pg_port=${IPA_IT_POSTGRESQL_PORT:-5432}
pg_user=${IPA_IT_POSTGRESQL_USER:-postgres}
pg_database=${IPA_IT_POSTGRESQL_DATABASE:-ipa_it_$portbase}

case $db in
    h2) database=h2 ;;
    postgresql)
        database="postgresql $pg_user@$pg_host:$pg_port/$pg_database"
        if ! command -v psql >/dev/null; then
            echo "prepare-test-domain: -Dipa.it.db=postgresql needs psql on the PATH (Debian: postgresql-client)" >&2
            exit 1
        fi
        ;;
    *)
        echo "prepare-test-domain: the IT database must be h2 or postgresql, not '$db'" >&2
        exit 1
        ;;
esac

if [[ $admin_port -ne $((portbase + 48)) ]]; then
    echo "prepare-test-domain: admin port $admin_port does not match portbase $portbase (expected $((portbase + 48)))" >&2
    exit 1
fi

asadmin() {
    "$payara_home/bin/asadmin" --interactive=false "$@"
}

# A test run that was killed may have left the domain running; Arquillian refuses to reuse it. The
# domain of the other database (same ports) may be the one left running: every domain of this
# Payara (target/payara6, test domains only) is stopped.
domains=$(asadmin list-domains)
while read -r name state; do
    if [[ $state == running ]]; then
        echo "prepare-test-domain: stopping $name left running by an earlier run"
        asadmin stop-domain "$name"
    fi
done <<<"$domains"

# A fresh PostgreSQL database for every run, whether or not the domain is kept: the domain is
# stopped, so nothing holds a connection to it (FORCE ends any other session still there).
if [[ $db == postgresql ]]; then
    pg() {
        PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" "$@"
    }
    if ! pg -d postgres -c "DROP DATABASE IF EXISTS \"$pg_database\" WITH (FORCE)" \
            -c "CREATE DATABASE \"$pg_database\""; then
        echo "prepare-test-domain: cannot make the database $pg_database as $pg_user on $pg_host:$pg_port" >&2
        exit 1
    fi
    pg -d "$pg_database" --single-transaction -f "$create_sql"
    echo "prepare-test-domain: database $pg_database made from sql/postgresql/create.sql"
fi

# The marker holds the portbase, SMTP port and database the domain was created with and the
# checksums of the scripts that configured it: a domain made for other ports, another database or
# by an older script is made again (test data is not worth keeping).
stamp="$portbase $smtp_port $database $(cksum <"$configure_domain") $(cksum <"${BASH_SOURCE[0]}")"
if [[ -f $marker && $(<"$marker") == "$stamp" ]]; then
    echo "prepare-test-domain: $domain is already configured"
    exit 0
fi

if [[ -d $domain_dir ]]; then
    # Half-configured by an interrupted run, made for other ports or by an older script: start over.
    asadmin delete-domain "$domain"
fi
rm -rf "$data_dir"

# --checkports=false: the test ports lie in the machine's range of ephemeral ports (32768-60999 on
# Linux), where client connections of other programs (a benchmark against PostgreSQL) leave sockets in
# TIME_WAIT that make create-domain's own check refuse a port the server binds all the same.
asadmin create-domain --nopassword --checkports=false --portbase "$portbase" "$domain"
asadmin start-domain "$domain"
trap 'asadmin stop-domain "$domain" || true' EXIT

# Its own data grid: by default every domain's DAS uses Hazelcast port 4900 and cluster name
# "development" and could join the dev server's grid.
asadmin --port "$admin_port" set-hazelcast-configuration \
    --clustername "$domain" --dasport $((portbase + 900)) --startport $((portbase + 910))

# Its own temporary directory: a DAS saves an uploaded archive under java.io.tmpdir by its file
# name, and two test domains deploying ipa.ear at the same time (another checkout's run on other
# ports) took each other's file ("File source doesn't exist", payara/Payara#5775).
mkdir -p "$domain_dir/tmp"
asadmin --port "$admin_port" create-jvm-options "-Djava.io.tmpdir=$domain_dir/tmp"

# MicroProfile Config values are read afresh at each use (Payara caches them a minute by default):
# WebSecurityIT switches ipa.web.requireHttps on and off again within one test.
asadmin --port "$admin_port" set-config-cache --duration=0

db_environment=(IPA_DB="$db")
if [[ $db == postgresql ]]; then
    # No password variable: trust authentication, configure-domain.sh's placeholder password.
    db_environment+=(IPA_DB_POSTGRESQL_HOST="$pg_host" IPA_DB_POSTGRESQL_PORT="$pg_port"
        IPA_DB_POSTGRESQL_DATABASE="$pg_database" IPA_DB_POSTGRESQL_USER="$pg_user")
fi
env "${db_environment[@]}" IPA_SMTP_HOST=127.0.0.1 IPA_SMTP_PORT="$smtp_port" IPA_MAIL_FROM=ipa@ipa-test.example \
    bash "$configure_domain" "$payara_home" "$admin_port" "$data_dir"

if [[ $db == postgresql ]]; then
    # What a flow's Database action works on in DatabaseActionIT (jdbc/__default, the H2 database
    # every domain has, on H2 runs): the same PostgreSQL database, through a pool of its own.
    asadmin --port "$admin_port" create-jdbc-connection-pool \
        --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
        --property "serverName=$pg_host:portNumber=$pg_port:databaseName=$pg_database:user=$pg_user:password=()" \
        ipa-it-postgresql-pool
    asadmin --port "$admin_port" create-jdbc-resource --connectionpoolid ipa-it-postgresql-pool jdbc/ipa-it-postgresql
fi

echo "$stamp" >"$marker"
echo "prepare-test-domain: $domain created and configured (admin port $admin_port)"
