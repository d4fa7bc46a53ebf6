#!/usr/bin/env bash
# Makes (or extends) the PKCS#12 keystore of the keys that sign application/jose responses
# (krr.signing.keystore). The signing key's certificate is issued by a small self-signed CA, so
# the keystore entry has a chain of two (leaf, CA) and responses carry it in the JWS header (x5c).
# For the sandbox and for operators trying the service; in production the certificate comes from
# your CA (import its reply into the entry the same way, see "keytool -importcert").
#
#   make-signing-keystore.sh [-a RSA|EC] [-n alias] [-o keystore.p12] [-d days]
#
#   -a  key type: RSA (3072 bits; for RS256 or PS256, the default RS256) or EC (P-256; for ES256)
#   -n  alias of the new key (default: signing-<today>, e.g. signing-2026-11-28)
#   -o  keystore file (default: krr-signing.p12); the CA is kept beside it in <file>-ca.p12
#   -d  validity of the signing certificate in days (default 730; the CA gets ten years)
#
# The password comes from KRR_SIGNING_KEYSTORE_PASSWORD (the variable the service reads too),
# else it is asked for. It protects the keystore, its keys and the CA keystore alike: the service
# reads the key with the keystore password.
#
# Rotation: run it again on the same file with a new alias. The new key is added and the old one
# stays, so the service keeps publishing it in /.well-known/jwks.json and yesterday's responses
# still verify. Then point krr.signing.key-alias at the new alias and restart. Retire an old key
# once no client can hold a response it signed (or let its certificate expire: expired previous
# keys are no longer published):
#   keytool -delete -alias <old alias> -keystore krr-signing.p12 -storepass:env KRR_SIGNING_KEYSTORE_PASSWORD
#
# Example:
#   export KRR_SIGNING_KEYSTORE_PASSWORD='a long secret'
#   server-config/make-signing-keystore.sh -a RSA -n signing-2026 -o /etc/krr/krr-signing.p12
#   server-config/make-signing-keystore.sh -a RSA -n signing-2027 -o /etc/krr/krr-signing.p12   # a year later
#   KRR_SIGNING_KEYSTORE=/etc/krr/krr-signing.p12 KRR_SIGNING_KEY_ALIAS=signing-2027 java -jar payara-micro.jar ...
set -euo pipefail

keyalg=RSA
alias="signing-$(date +%Y-%m-%d)"
keystore=krr-signing.p12
days=730

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit 2
}

while getopts "a:n:o:d:h" option; do
    case "$option" in
        a) keyalg=$(echo "$OPTARG" | tr '[:lower:]' '[:upper:]') ;;
        n) alias="$OPTARG" ;;
        o) keystore="$OPTARG" ;;
        d) days="$OPTARG" ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

case "$keyalg" in
    RSA) keyopts=(-keyalg RSA -keysize 3072 -sigalg SHA256withRSA); suits="RS256 or PS256" ;;
    EC) keyopts=(-keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA); suits="ES256" ;;
    *) echo "Key type must be RSA or EC, not '$keyalg'." >&2; exit 2 ;;
esac

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/keytool" ]; then
    keytool="$JAVA_HOME/bin/keytool"
elif command -v keytool > /dev/null; then
    keytool=$(command -v keytool)
else
    echo "No keytool: set JAVA_HOME to a JDK or put keytool on the PATH." >&2
    exit 1
fi

if [ -z "${KRR_SIGNING_KEYSTORE_PASSWORD:-}" ]; then
    read -r -s -p "Keystore password (at least 6 characters): " KRR_SIGNING_KEYSTORE_PASSWORD
    echo
fi
if [ ${#KRR_SIGNING_KEYSTORE_PASSWORD} -lt 6 ]; then
    echo "The keystore password must have at least 6 characters." >&2
    exit 2
fi
export KRR_SIGNING_KEYSTORE_PASSWORD

# keytool, quiet unless it fails (it reports errors on stdout, its progress on stderr)
kt() {
    local output
    if ! output=$("$keytool" "$@" 2>&1); then
        echo "keytool $1 failed: $output" >&2
        exit 1
    fi
}

# keytool whose report is wanted
kt_report() {
    "$keytool" "$@" 2>/dev/null
}
pass=(-storepass:env KRR_SIGNING_KEYSTORE_PASSWORD -keypass:env KRR_SIGNING_KEYSTORE_PASSWORD)
store=(-storetype PKCS12 -noprompt)

mkdir -p "$(dirname "$keystore")"
ca="${keystore%.p12}-ca.p12"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -f "$keystore" ] && "$keytool" -list -keystore "$keystore" "${store[@]}" -storepass:env KRR_SIGNING_KEYSTORE_PASSWORD \
        -alias "$alias" > /dev/null 2>&1; then
    echo "$keystore already has an entry '$alias': choose another alias (-n)." >&2
    exit 1
fi

# the CA: made once, reused for every later key so clients that pin it keep trusting the chain
if [ ! -f "$ca" ]; then
    kt -genkeypair -alias ca "${keyopts[@]}" -dname "CN=KRR signing test CA" -validity 3650 \
        -ext bc:c -ext ku:c=keyCertSign,cRLSign -keystore "$ca" "${store[@]}" "${pass[@]}"
    echo "Made the CA in $ca"
fi
kt -exportcert -alias ca -keystore "$ca" "${store[@]}" -storepass:env KRR_SIGNING_KEYSTORE_PASSWORD \
    -file "$work/ca.cer"

# the signing key, its certificate request, the CA's answer
kt -genkeypair -alias "$alias" "${keyopts[@]}" -dname "CN=KRR response signing $alias" -validity "$days" \
    -keystore "$keystore" "${store[@]}" "${pass[@]}"
kt -certreq -alias "$alias" -keystore "$keystore" "${store[@]}" "${pass[@]}" -file "$work/leaf.csr"
kt -gencert -alias ca -keystore "$ca" "${store[@]}" "${pass[@]}" -infile "$work/leaf.csr" \
    -outfile "$work/leaf.cer" -validity "$days" -ext ku:c=digitalSignature

# keytool builds the chain of a reply from the certificates the keystore trusts: lend it the CA
# certificate and take it back, so the keystore holds no CA entry (a certificate-only entry would
# otherwise be published as a previous signing key, were it not a CA)
tmp_ca="tmp-ca-$$"
kt -importcert -alias "$tmp_ca" -file "$work/ca.cer" -keystore "$keystore" "${store[@]}" \
    -storepass:env KRR_SIGNING_KEYSTORE_PASSWORD
kt -importcert -alias "$alias" -file "$work/leaf.cer" -keystore "$keystore" "${store[@]}" "${pass[@]}"
kt -delete -alias "$tmp_ca" -keystore "$keystore" "${store[@]}" -storepass:env KRR_SIGNING_KEYSTORE_PASSWORD

chain=$(kt_report -list -v -alias "$alias" -keystore "$keystore" "${store[@]}" \
    -storepass:env KRR_SIGNING_KEYSTORE_PASSWORD | sed -n 's/^Certificate chain length: //p')
entries=$(kt_report -list -keystore "$keystore" "${store[@]}" -storepass:env KRR_SIGNING_KEYSTORE_PASSWORD \
    | grep -c 'PrivateKeyEntry' || true)

echo "Added '$alias' ($keyalg, for $suits; certificate chain of $chain) to $keystore, which now holds $entries key(s)."
echo "Run the service with:"
echo "  KRR_SIGNING_KEYSTORE=$(cd "$(dirname "$keystore")" && pwd)/$(basename "$keystore")"
echo "  KRR_SIGNING_KEYSTORE_PASSWORD=<the password>"
echo "  KRR_SIGNING_KEY_ALIAS=$alias"
[ "$keyalg" = EC ] && echo "  KRR_SIGNING_ALGORITHM=ES256"
if [ "$entries" -gt 1 ]; then
    echo "The other keys stay published in /.well-known/jwks.json for verification until you delete them."
fi
