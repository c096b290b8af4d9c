#!/usr/bin/env bash
# Configures a RUNNING Payara domain for the IPA EAR, the same way for the dev server (./ipa start)
# and for the integration-test domain:
#   - resource jdbc/ipa on the database named by $IPA_DB (default h2):
#       h2          pool ipa-pool on an embedded H2 file database <data-dir>/db/ipa (the H2 driver
#                   ships with Payara; AUTO_SERVER lets an H2 console open it while the server runs)
#       postgresql  pool ipa-postgresql-pool; IPA_DB_POSTGRESQL_HOST (127.0.0.1), _PORT (5432),
#                   _DATABASE (ipa), _USER (ipa), _PASSWORD (none) as in Liberty's server.xml
#       sqlserver   pool ipa-sqlserver-pool; IPA_DB_SQLSERVER_HOST (127.0.0.1), _PORT (1433),
#                   _DATABASE (ipa), _USER (ipa), _PASSWORD (none), _ENCRYPT (true),
#                   _TRUSTSERVERCERTIFICATE (false)
#     A server database's driver jar is added to the domain's lib/ (from $IPA_DB_DRIVER_DIR, default
#     ipa-ear/target/jdbc, where the build copies it from Maven Central) and its password is kept
#     as the password alias ipa-<db>-password; EclipseLink's target database is set by a JVM
#     option. The pool validates connections. The schema is the DBA's (sql/<db>/create.sql).
#   - file realm "ipa" (keyfile <data-dir>/realm/keyfile) with the demo users and their groups;
#     demo users made by an earlier version of this script get the groups added since (see below)
#   - JVM options -Duser.timezone=UTC and -Dipa.handlers.dir=<repository>/handlers (take effect
#     at the next domain restart)
#   - a transaction timeout and the pool's reclaim of leaked connections
#   - -Dipa.webservice.caBundle=<data-dir>/ca-bundle.crt when that file exists (CallWebService)
#   - the server parameter ConnectIPAEnabled=true (the client's "Start a process"), unless set already
#   - mail session mail/ipa (SendEmail) on the SMTP server $IPA_SMTP_HOST:$IPA_SMTP_PORT (default
#     127.0.0.1:25), sender $IPA_MAIL_FROM (default ipa@localhost)
# Every step checks first, so running it again changes nothing.
#
# usage: configure-domain.sh <payara-home> <admin-port> <data-dir>
set -euo pipefail

if [[ $# -ne 3 ]]; then
    echo "usage: $0 <payara-home> <admin-port> <data-dir>" >&2
    exit 2
fi
payara_home=$1
admin_port=$2
ipa_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
data_dir=$(mkdir -p "$3" && cd "$3" && pwd)

if [[ $data_dir == *[:\;=\ ]* ]]; then
    # These would need escaping in asadmin property values and the JDBC URL.
    echo "configure-domain: the data directory path must not contain ':', ';', '=' or spaces: $data_dir" >&2
    exit 1
fi

asadmin() {
    "$payara_home/bin/asadmin" --interactive=false --port "$admin_port" "$@"
}

# Does the output of "asadmin <list command...>" have a line equal to $1? (no pipe into grep -q:
# with pipefail an early exit of grep could fail the pipeline)
listed() {
    local wanted=$1 output
    shift
    output=$(asadmin "$@")
    grep -qxF -- "$wanted" <<<"$output"
}

# user|password|groups (groups separated by ':' as create-file-user wants them; empty = none)
demo_users=(
    "admin|admin|ipa-designer:ipa-launch:ipa-view:ipa-manage:ipa-admin"
    "alice|alice|ipa-launch:ipa-view"
    "bob|bob|ipa-launch"
    "victor|victor|ipa-view"
    "nobody|nobody|"
)

mkdir -p "$data_dir/db" "$data_dir/realm"

db=${IPA_DB:-h2}
case $db in
    h2) ;;
    postgresql)
        db_properties=(
            "serverName=${IPA_DB_POSTGRESQL_HOST:-127.0.0.1}"
            "portNumber=${IPA_DB_POSTGRESQL_PORT:-5432}"
            "databaseName=${IPA_DB_POSTGRESQL_DATABASE:-ipa}"
            "user=${IPA_DB_POSTGRESQL_USER:-ipa}"
            # A statement waits at most 5 s for a lock (then the request answers 503 and a job tries
            # again), never until the transaction times out: a session holding a lock cannot hang the server.
            # A transaction left open and idle for 60 s (its thread cut off by a redeploy) is ended by
            # the database, which frees its rows (see the pool's leak settings below).
            "options=-c lock_timeout=5s -c idle_in_transaction_session_timeout=60s"
        )
        db_password_var=IPA_DB_POSTGRESQL_PASSWORD
        driver_glob=postgresql-*.jar
        ;;
    sqlserver)
        # mssql-jdbc encrypts by default and checks the server's certificate: a server with a
        # self-signed certificate needs TRUSTSERVERCERTIFICATE=true (or its CA in the JVM's trust store).
        db_properties=(
            "serverName=${IPA_DB_SQLSERVER_HOST:-127.0.0.1}"
            "portNumber=${IPA_DB_SQLSERVER_PORT:-1433}"
            "databaseName=${IPA_DB_SQLSERVER_DATABASE:-ipa}"
            "user=${IPA_DB_SQLSERVER_USER:-ipa}"
            "encrypt=${IPA_DB_SQLSERVER_ENCRYPT:-true}"
            "trustServerCertificate=${IPA_DB_SQLSERVER_TRUSTSERVERCERTIFICATE:-false}"
            "lockTimeout=5000" # as PostgreSQL's lock_timeout: a lock is waited for 5 s at most
        )
        db_password_var=IPA_DB_SQLSERVER_PASSWORD
        driver_glob=mssql-jdbc-*.jar
        ;;
    *)
        echo "configure-domain: IPA_DB must be h2, postgresql or sqlserver, not '$db'" >&2
        exit 1
        ;;
esac

# The driver jar into the domain's lib/ (asadmin add-library --type common); loaded at the next restart.
add_driver() {
    local driver_dir=${IPA_DB_DRIVER_DIR:-$ipa_root/ipa-ear/target/jdbc} jars jar libraries library
    jars=("$driver_dir"/$driver_glob)
    if [[ ! -f ${jars[-1]} ]]; then
        echo "configure-domain: no $driver_glob in $driver_dir; build first (mvn package) or set IPA_DB_DRIVER_DIR" >&2
        exit 1
    fi
    jar=$(basename "${jars[-1]}")
    libraries=$(asadmin list-libraries --type common)
    while IFS= read -r library; do
        # Another version of the same driver (an older build): one driver on the class path only.
        if [[ $library == $driver_glob && $library != "$jar" ]]; then
            asadmin remove-library --type common "$library"
        fi
    done <<<"$libraries"
    if ! grep -qxF -- "$jar" <<<"$libraries"; then
        asadmin add-library --type common "${jars[-1]}"
    fi
}

# The database password as a password alias, so that domain.xml does not hold it in clear text.
# Not given (the variable unset): an existing pool keeps the password it has.
set_password() {
    local pool=$1 alias=ipa-$db-password file
    if [[ -z ${!db_password_var+set} && $new_pool == false ]]; then
        return
    fi
    if [[ -z ${!db_password_var:-} ]]; then
        # No password: a database that does not check it (PostgreSQL's trust authentication). Payara
        # refuses a pool with a user and no password, and cannot hold an empty one: "()" stands in,
        # sent as it is (measured: an H2 database with an empty password rejects it).
        asadmin set "resources.jdbc-connection-pool.$pool.property.password=()" >/dev/null
        return
    fi
    file=$(mktemp)
    printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "${!db_password_var}" >"$file"
    local command=create-password-alias
    if listed "$alias" list-password-aliases; then
        command=update-password-alias
    fi
    asadmin --passwordfile "$file" "$command" "$alias" || { rm -f "$file"; exit 1; }
    rm -f "$file"
    asadmin set "resources.jdbc-connection-pool.$pool.property.password=\${ALIAS=$alias}" >/dev/null
}

# --- jdbc/ipa: the engine's data source, on the database chosen by IPA_DB -----------------------
# Each database has its own pool (ipa-pool = H2, ipa-postgresql-pool, ipa-sqlserver-pool) and
# jdbc/ipa points at the chosen one: switching leaves the other pools, and the H2 file, as they were.
case $db in
    h2)
        pool=ipa-pool
        if ! listed ipa-pool list-jdbc-connection-pools; then
            # In asadmin property lists ':' separates properties and '=' name from value: escape them in the URL.
            # WRITE_DELAY=0: H2 hands every commit to the OS at once; by default it keeps the last 500 ms of
            # commits in memory, and a killed server would lose flows it had acknowledged.
            asadmin create-jdbc-connection-pool \
                --datasourceclassname org.h2.jdbcx.JdbcDataSource \
                --restype javax.sql.DataSource \
                --property "URL=jdbc\\:h2\\:file\\:$data_dir/db/ipa;AUTO_SERVER\\=TRUE;WRITE_DELAY\\=0:user=ipa:password=ipa" \
                ipa-pool
        fi
        validation=H2ConnectionValidation
        target_database=
        ;;
    postgresql | sqlserver)
        pool=ipa-$db-pool
        add_driver
        if [[ $db == postgresql ]]; then
            datasource=org.postgresql.ds.PGSimpleDataSource
            validation=PostgresConnectionValidation
            target_database=PostgreSQL
        else
            datasource=com.microsoft.sqlserver.jdbc.SQLServerDataSource
            validation=MSSQLConnectionValidation
            target_database=SQLServer
        fi
        new_pool=false
        if ! listed "$pool" list-jdbc-connection-pools; then
            asadmin create-jdbc-connection-pool --datasourceclassname "$datasource" \
                --restype javax.sql.DataSource "$pool"
            new_pool=true
        fi
        # Set one by one, so that a value may hold ':' or '=' and a changed setting reaches an existing pool.
        for entry in "${db_properties[@]}"; do
            asadmin set "resources.jdbc-connection-pool.$pool.property.$entry" >/dev/null
        done
        set_password "$pool"
        ;;
esac

# A connection is checked (Payara's check for that database, at most every 10 s) before the pool
# hands it out; after a failed check every pooled connection is dropped (the database restarted).
# (Payara checks each attribute as it is set: the method before the switch.)
asadmin set "resources.jdbc-connection-pool.$pool.connection-validation-method=custom-validation" \
    "resources.jdbc-connection-pool.$pool.validation-classname=org.glassfish.api.jdbc.validation.$validation" \
    "resources.jdbc-connection-pool.$pool.validate-atmost-once-period-in-seconds=2" \
    "resources.jdbc-connection-pool.$pool.fail-all-connections=true" \
    "resources.jdbc-connection-pool.$pool.is-connection-validation-required=true" >/dev/null

if ! listed jdbc/ipa list-jdbc-resources; then
    asadmin create-jdbc-resource --connectionpoolid "$pool" jdbc/ipa
else
    asadmin set "resources.jdbc-resource.jdbc/ipa.pool-name=$pool" >/dev/null
fi

# EclipseLink's platform for the database (it reads eclipselink.* system properties that the
# persistence unit does not set itself). H2 is left to EclipseLink's detection, as before.
existing_options=$(asadmin list-jvm-options)
while IFS= read -r option; do
    if [[ $option == -Declipselink.target-database=* && $option != "-Declipselink.target-database=$target_database" ]]; then
        asadmin delete-jvm-options "$option"
    fi
done <<<"$existing_options"
if [[ -n $target_database ]] && ! grep -qxF -- "-Declipselink.target-database=$target_database" <<<"$existing_options"; then
    asadmin create-jvm-options "-Declipselink.target-database=$target_database"
fi

if [[ $db == h2 ]]; then
    # Fails now rather than at the first request if the driver or the URL is wrong (creates the file).
    asadmin ping-connection-pool ipa-pool
fi
# A server database's driver is loaded at the next restart: the caller pings that pool after it.

if ! listed ipa list-auth-realms; then
    asadmin create-auth-realm \
        --classname com.sun.enterprise.security.auth.realm.file.FileRealm \
        --property "file=$data_dir/realm/keyfile:jaas-context=fileRealm" \
        ipa
fi

existing_users=$(asadmin list-file-users --authrealmname ipa)
password_file=$(mktemp)
trap 'rm -f "$password_file"' EXIT
for entry in "${demo_users[@]}"; do
    IFS='|' read -r user password groups <<<"$entry"
    if grep -qxF -- "$user" <<<"$existing_users"; then
        continue
    fi
    printf 'AS_ADMIN_USERPASSWORD=%s\n' "$password" >"$password_file"
    group_option=()
    if [[ -n $groups ]]; then
        group_option=(--groups "$groups")
    fi
    asadmin --passwordfile "$password_file" create-file-user --authrealmname ipa "${group_option[@]}" "$user"
done

# Groups added to demo users after their realm existed (user|group): an existing domain gets them
# too, with the user's password and other groups as they are now.
added_groups=(
    "admin|ipa-admin"
)
for entry in "${added_groups[@]}"; do
    IFS='|' read -r user group <<<"$entry"
    if ! grep -qxF -- "$user" <<<"$existing_users"; then
        continue # created above with every group
    fi
    # A failed listing stops the script (set -e): updating from an empty list would drop groups.
    listing=$(asadmin list-file-groups --authrealmname ipa --name "$user")
    # Around the names asadmin prints "list-file-groups Successful" and "Command ... executed
    # successfully."; group names have no spaces.
    groups=$(grep -v -e ' ' -e '^$' <<<"$listing" || true)
    if grep -qxF -- "$group" <<<"$groups"; then
        continue
    fi
    # Without --userpassword the user keeps their password.
    asadmin update-file-user --authrealmname ipa --groups "$(paste -sd: <<<"$groups${groups:+$'\n'}$group")" "$user"
done

if ! listed -Duser.timezone=UTC list-jvm-options; then
    asadmin create-jvm-options -Duser.timezone=UTC
fi

# A transaction cut off mid-way (an application stopped under it) must not hold its rows for good:
# the transaction manager rolls back whatever runs longer than 120 s (Payara's default: never).
# PostgreSQL ends a session idle in its transaction for 60 s itself (the pool's options above); on H2
# and SQL Server, which cannot, the pool takes back a connection held longer than 180 s, which ends
# its database session. That leak tracing is left off where the database does the work: the pool
# records the caller's stack at every checkout for it, about a seventh of the server's CPU a launch.
asadmin set configs.config.server-config.transaction-service.timeout-in-seconds=120
if [[ $db == postgresql ]]; then
    asadmin set resources.jdbc-connection-pool.$pool.connection-leak-timeout-in-seconds=0 \
        resources.jdbc-connection-pool.$pool.connection-leak-reclaim=false
else
    asadmin set resources.jdbc-connection-pool.$pool.connection-leak-timeout-in-seconds=180 \
        resources.jdbc-connection-pool.$pool.connection-leak-reclaim=true
fi

# Requests reach the application, where launches are admitted (ipa.admission.*: so many at once,
# the others wait their turn, and the wait tells the load): Payara's HTTP pool of 5 threads would
# queue them unseen in front of it instead.
asadmin set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64

# The heap (IPA_HEAP, checked by ./ipa): Payara's default of 512 MB keeps the old generation full
# under load; measured at 1,000 launches/s, a concurrent G1 cycle every 7 s and 15% fewer launches
# than with 2 GB.
heap=${IPA_HEAP:-2g}
while IFS= read -r option; do
    if [[ $option == -Xmx* && $option != "-Xmx$heap" ]]; then
        asadmin delete-jvm-options -- "$option" >/dev/null
    fi
done < <(asadmin list-jvm-options)
if ! listed "-Xmx$heap" list-jvm-options; then
    asadmin create-jvm-options -- "-Xmx$heap" >/dev/null
fi

# Where RunHandler finds worker-process handlers (the connector's HandlersDirectory falls back to it).
if ! listed "-Dipa.handlers.dir=$ipa_root/handlers" list-jvm-options; then
    asadmin create-jvm-options "-Dipa.handlers.dir=$ipa_root/handlers"
fi

# CallWebService trusts, besides the JVM's roots, the CA certificates of <data-dir>/ca-bundle.crt
# (PEM) when the operator put that file there (read when the application starts).
if [[ -f $data_dir/ca-bundle.crt ]] && ! listed "-Dipa.webservice.caBundle=$data_dir/ca-bundle.crt" list-jvm-options; then
    asadmin create-jvm-options "-Dipa.webservice.caBundle=$data_dir/ca-bundle.crt"
fi

# The browser client shows "Start a process" where the server parameter ConnectIPAEnabled is on
# (the product's default is off): on for this domain, unless an administrator has set it already
# (asadmin set-config-property --source=domain --propertyName=ConnectIPAEnabled --propertyValue=false).
connect_ipa=$(asadmin get-config-property --source=domain --propertyName=ConnectIPAEnabled 2>/dev/null || true)
if ! grep -qxiE 'true|false' <<<"$(grep -v '^Command ' <<<"$connect_ipa")"; then
    asadmin set-config-property --source=domain --propertyName=ConnectIPAEnabled --propertyValue=true >/dev/null
fi

# The mail session SendEmail sends through. Made once; after that it is the administrator's (admin
# console: Resources > JavaMail Sessions > mail/ipa), except that an IPA_SMTP_HOST or IPA_SMTP_PORT
# given explicitly points it at that server again. Property mail-smtp-port becomes mail.smtp.port.
smtp_host=${IPA_SMTP_HOST:-127.0.0.1}
smtp_port=${IPA_SMTP_PORT:-25}
mail_from=${IPA_MAIL_FROM:-ipa@localhost}
if [[ ! $smtp_port =~ ^[0-9]+$ ]]; then
    echo "configure-domain: IPA_SMTP_PORT must be a port number: $smtp_port" >&2
    exit 1
fi
if ! listed mail/ipa list-javamail-resources; then
    asadmin create-javamail-resource --mailhost "$smtp_host" --mailuser ipa --fromaddress "$mail_from" \
        --property "mail-smtp-port=$smtp_port" mail/ipa
elif [[ -n ${IPA_SMTP_HOST:-}${IPA_SMTP_PORT:-} ]]; then
    asadmin set "resources.mail-resource.mail/ipa.host=$smtp_host" \
        "resources.mail-resource.mail/ipa.property.mail-smtp-port=$smtp_port"
fi

# The data grid (Hazelcast) on the loopback interface, named and listed by ./ipa (IPA_GRID_NAME,
# IPA_GRID_MEMBERS: the server's port 4900 and its instances' from 5900), so that the server, the
# instances of its deployment group and the Payara Micro nodes of one database form one grid (the
# application hears there at once of a member that died). Takes effect at the next restart. The
# test domain, which sets neither, keeps a grid of its own.
if [[ -n ${IPA_GRID_NAME:-} ]]; then
    asadmin set-hazelcast-configuration --dynamic=false --clustername "$IPA_GRID_NAME" --clustermode tcpip \
        --tcpipmembers "$IPA_GRID_MEMBERS" --interfaces 127.0.0.1 >/dev/null
fi
