#!/usr/bin/env bash
# Serves Putright for local use: the background worker (reminders, e-mail) beside the web server.
set -euo pipefail
host=${1:-127.0.0.1}
port=${2:-8000}
bin=.venv/bin
export DEBUG=${DEBUG:-1}
"$bin/putright" worker &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "Putright is at http://$host:$port/ (staff sign-in: olivia / putright-demo)"
"$bin/putright" runserver "$host:$port"
