#!/usr/bin/env bash
# How long one upstream timestamp takes to read: RegisterTimestamps.parse beside the lenient
# DateTimeFormatter it used before (ns per timestamp, median of 7 rounds of 2,000,000 after a warm-up).
# Prints a Markdown table. See bench/README.md ("Timestamps").
exec "$(dirname "$0")/micro.sh" TimestampBench "$@"
