#!/usr/bin/env bash
# What one signature costs on this JDK, on one thread: a body signed as ResponseSigner does and a
# token signature checked as TokenVerifier does (Nimbus), per algorithm (µs, median of 7 rounds).
# Prints a Markdown table. See bench/README.md ("Signatures").
exec "$(dirname "$0")/micro.sh" SigningBench "$@"
