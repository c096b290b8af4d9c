#!/usr/bin/env bash
# Creates and configures the Payara domain the integration tests run in (Arquillian starts and
# stops it). It has its own ports (create-domain --portbase) and its own data grid, so the tests
# also pass while a dev server (./ipa start, ports 8080/4848) runs. Called by Maven in
# pre-integration-test; a configured domain is kept until "mvn clean".
#
# Its mail session mail/ipa sends to 127.0.0.1:<smtp-port> (default 29025), where SendEmailIT
# starts an SMTP server of its own.
#
# usage: prepare-test-domain.sh <payara-home> <domain> <portbase> <admin-port> <data-dir> [<smtp-port>]
set -euo pipefail

if [[ $# -ne 5 && $# -ne 6 ]]; then
    echo "usage: $0 <payara-home> <domain> <portbase> <admin-port> <data-dir> [<smtp-port>]" >&2
    exit 2
fi
payara_home=$1
domain=$2
portbase=$3
admin_port=$4
data_dir=$5
smtp_port=${6:-29025}
domain_dir=$payara_home/glassfish/domains/$domain
marker=$domain_dir/config/.ipa-configured
configure_domain=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../main/domain" && pwd)/configure-domain.sh

if [[ $admin_port -ne $((portbase + 48)) ]]; then
    echo "prepare-test-domain: admin port $admin_port does not match portbase $portbase (expected $((portbase + 48)))" >&2
    exit 1
fi

asadmin() {
    "$payara_home/bin/asadmin" --interactive=false "$@"
}

# A test run that was killed may have left the domain running; Arquillian refuses to reuse it.
domains=$(asadmin list-domains)
if grep -q "^$domain running" <<<"$domains"; then
    echo "prepare-test-domain: stopping $domain left running by an earlier run"
    asadmin stop-domain "$domain"
fi

# The marker holds the portbase and SMTP port the domain was created with and the checksum of the
# configure-domain.sh that configured it: a domain made for other ports or by an older script is
# made again (test data is not worth keeping).
stamp="$portbase $smtp_port $(cksum <"$configure_domain")"
if [[ -f $marker && $(<"$marker") == "$stamp" ]]; then
    echo "prepare-test-domain: $domain is already configured"
    exit 0
fi

if [[ -d $domain_dir ]]; then
    # Half-configured by an interrupted run, made for other ports or by an older script: start over.
    asadmin delete-domain "$domain"
fi
rm -rf "$data_dir"

asadmin create-domain --nopassword --portbase "$portbase" "$domain"
asadmin start-domain "$domain"
trap 'asadmin stop-domain "$domain" || true' EXIT

# Its own data grid: by default every domain's DAS uses Hazelcast port 4900 and cluster name
# "development" and could join the dev server's grid.
asadmin --port "$admin_port" set-hazelcast-configuration \
    --clustername "$domain" --dasport $((portbase + 900)) --startport $((portbase + 910))

IPA_SMTP_HOST=127.0.0.1 IPA_SMTP_PORT=$smtp_port IPA_MAIL_FROM=ipa@ipa-test.example \
    bash "$configure_domain" "$payara_home" "$admin_port" "$data_dir"

echo "$stamp" >"$marker"
echo "prepare-test-domain: $domain created and configured (admin port $admin_port)"
