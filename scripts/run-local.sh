#!/usr/bin/env bash
# scripts/run-local.sh - run secdesk locally against a real mail stack.
#
# On a fresh Debian 12 machine, as root: installs Postfix + Dovecot if missing,
# starts them on loopback (scripts/mailstack.sh: IMAP 1143, IMAPS 1993,
# SMTP 2525, submission 2587, dir /tmp/secdesk-mailstack, users security@,
# reporter@, staff@, stranger@, other@example.test, password "secret"), with
# the stack's DKIM signer (SMTP 2526 signs as example.test) and DNS server
# (127.0.0.1:5353, serving example.test's key, SPF and DMARC), builds
# secdesk and runs it with config/local.toml (its state in .secdesk/).
#
# The build is --release: this is the command for trying the daemon out as it
# would be deployed (a long-running process; the release binary is the one
# that ships).  The cost is a slower first build than a debug one; later
# rebuilds are incremental.
#
# The mail stack keeps running after secdesk stops; stop it with
#   scripts/mailstack.sh down        (or `wipe` to also delete its mail)
set -euo pipefail
cd "$(dirname "$0")/.."

# config/local.toml expects exactly this stack: pin it, whatever MAILSTACK_*
# the caller's shell may have exported (from a test session, say)
export MAILSTACK_DIR=/tmp/secdesk-mailstack MAILSTACK_HOST=127.0.0.1 \
  MAILSTACK_IMAP_PORT=1143 MAILSTACK_IMAPS_PORT=1993 \
  MAILSTACK_SMTP_PORT=2525 MAILSTACK_SUBMISSION_PORT=2587 \
  MAILSTACK_DKIM=1 MAILSTACK_DNS_PORT=5353 MAILSTACK_DKIM_PORT=2526 \
  MAILSTACK_DKIM_OTHER_PORT=2527 MAILSTACK_DKIM_REVOKED_PORT=2528
unset MAILSTACK_USERS MAILSTACK_PASSWORD MAILSTACK_DOMAINS MAILSTACK_CATCHALL \
  MAILSTACK_DELIVERY MAILSTACK_LMTP_PORT MAILSTACK_DKIM_DOMAIN MAILSTACK_DKIM_OTHER_DOMAIN

CONFIG=config/local.toml
[[ -f $CONFIG ]] || { echo "run-local: $CONFIG is missing" >&2; exit 1; }

scripts/mailstack.sh install
scripts/mailstack.sh up >/dev/null # its MAILSTACK_* lines are not needed here
mkdir -p .secdesk
cargo build --release

DOVECOT_CONF=$MAILSTACK_DIR/etc/dovecot/dovecot.conf
cat <<EOF

secdesk is starting (config $CONFIG, mail stack in $MAILSTACK_DIR).
Send a first report, from another terminal:
  swaks --server 127.0.0.1:2525 --from reporter@example.test --to security@example.test \\
    --header 'Subject: XSS in login form' --body 'The login form at /login reflects the next= parameter unescaped.'
Read the reporter's INBOX (the desk's reply lands there):
  doveadm -c $DOVECOT_CONF fetch -u reporter@example.test 'hdr.subject body' mailbox INBOX
  (or the files in $MAILSTACK_DIR/mail/example.test/reporter/Maildir/new/)
Answer as staff through the signing port (staff commands need DKIM):
  swaks --server 127.0.0.1:2526 --from staff@example.test --to security@example.test \
    --header 'Subject: Re: [SEC-XXXX-XXXX] XSS in login form' --body '/severity high'
  (the same mail on 2525 is unsigned: kept as suspicious, and staff are told why)
Stop with Ctrl-C; stop the mail stack with: scripts/mailstack.sh down

EOF
exec target/release/secdesk run --config "$CONFIG"
