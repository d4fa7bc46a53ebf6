# Sourced by ./sandbox and .ci/run: selects a JDK 21 or newer and exports JAVA_HOME and PATH.
# $JAVA_HOME wins when it is 21+, otherwise the newest JDK under /usr/lib/jvm.
# (The machines here have java 17 as the default `java`, too old for Payara 7.)

krr_java_major() {
    # prints the feature version of the JDK at $1 (e.g. 25), or nothing
    local home="$1" version=""
    [ -x "$home/bin/java" ] || return 0
    if [ -f "$home/release" ]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
    fi
    if [ -z "$version" ]; then
        version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    version="${version#1.}"          # 1.8.0 -> 8.0
    echo "${version%%[.+-]*}"
}

krr_select_jdk() {
    local major best="" best_major=0 candidate
    if [ -n "${JAVA_HOME:-}" ]; then
        major=$(krr_java_major "$JAVA_HOME")
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then
            best="$JAVA_HOME"; best_major=$major
        fi
    fi
    if [ -z "$best" ]; then
        for candidate in /usr/lib/jvm/*; do
            [ -d "$candidate" ] && [ ! -L "$candidate" ] || continue
            major=$(krr_java_major "$candidate")
            if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then
                best="$candidate"; best_major=$major
            fi
        done
    fi
    if [ -z "$best" ] || [ "$best_major" -lt 21 ]; then
        echo "no JDK 21 or newer found (set JAVA_HOME to one)" >&2
        return 1
    fi
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
}

krr_select_jdk
