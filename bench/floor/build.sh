#!/usr/bin/env bash
# Builds the C floor reader (bench/floor/bac-floor.c) beside its source; needs gcc, libpcsclite-dev, libssl-dev.
set -euo pipefail
cd "$(dirname "$0")"
cc -O2 -Wall -o bac-floor bac-floor.c -I/usr/include/PCSC -lpcsclite -lcrypto
echo "bench/floor/bac-floor"
