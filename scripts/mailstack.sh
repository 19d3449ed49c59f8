#!/usr/bin/env bash
# mailstack.sh - secdesk's local mail stack: real Postfix + Dovecot on loopback
#
#   SMTP 2525 (no auth, STARTTLS offered) ---+
#   submission 2587 (STARTTLS + AUTH) -------+--> Postfix --virtual(8)--> Maildir
#                                                                           |
#   IMAP 1143 (STARTTLS offered, IDLE), IMAPS 1993 <----- Dovecot <---------+
#
# With MAILSTACK_DKIM=1 also (see "DKIM" below):
#   DKIM 2526 / DKIM_OTHER 2527 / DKIM_REVOKED 2528 --> Postfix --milter--> OpenDKIM
#   (signers; submission signs too)       DNS 5353 udp+tcp: dnsmasq (keys, DMARC, SPF)
#
# Debian 12 packages (postfix 3.7, dovecot 2.3).  Everything of one stack -
# config, self-signed TLS cert, postfix queue, Maildirs, logs, pid files - lives
# under $MAILSTACK_DIR; /etc is only touched by `install`.  No systemd, no
# syslog, no port 25.  Run as root (the daemons drop privileges); stopped by
# the pids in the stack's own pid files, so several stacks (one per test
# worker, each with its own MAILSTACK_DIR and ports) run side by side.
#
# Used by scripts/test.sh and the integration tests (SECDESK_MAILSTACK), and by
# scripts/run-local.sh.
#
# Usage: scripts/mailstack.sh COMMAND
#   install  apt-get install the packages non-interactively (postfix's debconf
#            answer preseeded to "No configuration", services not started);
#            runs 'apt-get update' itself when the package lists are missing,
#            old, or the install fails.  No-op when everything is installed.
#   up       write the config, start dovecot then postfix (with
#            MAILSTACK_DKIM: dnsmasq and the signers before them), wait until
#            every port answers, print the MAILSTACK_*='...' settings on stdout
#            (eval-able; logs go to stderr).  No-op if already up with the
#            same settings; restarts a stack running with other settings or
#            left half up.  A failed `up` stops whatever it started.
#   down     SIGTERM both masters by pid (and stop the DKIM daemons), wait
#            until they and their ports are gone.  Mail, queue, keys are kept.
#   status   print the state; exit 0 when fully up, 3 otherwise.
#   env      print the MAILSTACK_* settings (as `up` does).
#   drain [SECONDS]  wait until postfix's queue is empty (everything delivered
#            or bounced); exit 1 on timeout (default 10 s).
#   clear    empty every mailbox of every user and postfix's queue; the stack
#            keeps running (between test cases).
#   restart  down + up.
#   stop-dovecot | stop-postfix    stop that daemon only (the other keeps
#            running: postfix still delivers to the Maildirs without dovecot;
#            mail submitted while postfix is away is refused).  No-op when it
#            is not running.
#   start-dovecot | start-postfix  start that daemon again with the config of
#            the last `up` (which must have run with the same settings).
#            No-op when it is running.
#   wipe     down + delete the stack's directories.
#   sieve USER FILE  install FILE ('-': stdin) as USER's active Sieve script
#            (~/.dovecot.sieve in the user's home, owned by uid mail) and
#            compile it with sievec, so a syntax error shows here and not at
#            delivery.  Needs MAILSTACK_SIEVE=1 and a stack that is up (same
#            settings).  Takes effect with the next delivery; no restart.
#            An empty FILE ('') removes the script.
#
# Environment (default):
#   MAILSTACK_DIR              (/tmp/secdesk-mailstack)  one directory per stack
#   MAILSTACK_HOST             (127.0.0.1)
#   MAILSTACK_IMAP_PORT        (1143)
#   MAILSTACK_IMAPS_PORT       (1993)  0 = off
#   MAILSTACK_SMTP_PORT        (2525)
#   MAILSTACK_SUBMISSION_PORT  (2587)  0 = off
#   MAILSTACK_LMTP_PORT        (0)     dovecot LMTP on TCP too; 0 = off
#   MAILSTACK_DOMAINS          (example.test)  space separated
#   MAILSTACK_USERS            (security@ reporter@ staff@ stranger@ other@ example.test)
#                              space separated; an entry may be ADDRESS:PASSWORD
#   MAILSTACK_PASSWORD         (secret)  password of entries without their own
#   MAILSTACK_CATCHALL         ()      an address of MAILSTACK_USERS: mail to any
#                              other domain is stored there instead of being
#                              refused (554 relay denied), so a test can see
#                              what the daemon sent "outside"
#   MAILSTACK_DELIVERY         (virtual) virtual: postfix's virtual(8) writes the
#                              Maildir files (fastest; SMTPUTF8 works).  lmtp:
#                              postfix hands mail to dovecot's LMTP (needed for
#                              sieve; dovecot 2.3 LMTP has no SMTPUTF8,
#                              such mail bounces with 5.6.7).  Default lmtp
#                              when MAILSTACK_SIEVE is on (virtual is refused)
#   MAILSTACK_SIEVE            ()      1/yes/on: LMTP runs Pigeonhole's sieve
#                              plugin on every delivery (script: see `sieve`),
#                              with the vacation-seconds and editheader
#                              extensions; what a script sends (vacation,
#                              redirect, reject) goes over SMTP to this stack's
#                              own postfix (submission_host = HOST:SMTP_PORT),
#                              vacation replies with the null sender <>
#                              (and, by RFC 3834/5230, never to mail with
#                              Auto-Submitted, Precedence bulk/list/junk,
#                              List-Id or a null sender: the log says so).
#                              Sieve state (vacation's "already answered"
#                              list, ~/.dovecot.lda-dupes) is dropped by `clear`
#   MAILSTACK_DKIM             ()      1/yes/on: DKIM signers and a DNS server
#                              (see "DKIM" below); off: none of it runs, and
#                              the four *_PORT below must be unset or 0
#   MAILSTACK_DKIM_DOMAIN      (first of MAILSTACK_DOMAINS) d= of the s=mail
#                              and s=revoked signatures
#   MAILSTACK_DKIM_OTHER_DOMAIN (elsewhere.test) d= of the "other domain" key;
#                              it has DNS records but no mailboxes
#   MAILSTACK_DNS_PORT         (5353 with DKIM) dnsmasq, UDP and TCP on HOST.
#                              5353 is also mDNS (avahi binds *:5353 on
#                              desktops): tests pass a free port of their own
#   MAILSTACK_DKIM_PORT        (2526 with DKIM) SMTP, no auth: signs every mail,
#                              whatever its From, with d=DKIM_DOMAIN s=mail
#                              (our own outgoing server); 0 = off
#   MAILSTACK_DKIM_OTHER_PORT  (2527 with DKIM) signs with d=DKIM_OTHER_DOMAIN
#                              s=mail (mail From our domain signed by another
#                              domain: DKIM passes, DMARC is not aligned); 0 = off
#   MAILSTACK_DKIM_REVOKED_PORT (2528 with DKIM) signs with d=DKIM_DOMAIN
#                              s=revoked, a key DNS publishes revoked; 0 = off
#   MAILSTACK_START_TIMEOUT    (20)    seconds
#   MAILSTACK_DEBUG            ()      non-empty: log timings of `up`
#
# Login name = full address.  CA for TLS verification: $MAILSTACK_DIR/tls/ca.pem
# (self-signed, SAN mail.example.test, localhost, 127.0.0.1).  Plus-addressing:
# security+T42@example.test lands in security's INBOX.  Unknown users get 550.
# Handy: doveadm -c $MAILSTACK_DIR/etc/dovecot/dovecot.conf fetch -u USER 'hdr.subject body' mailbox INBOX
#        postqueue -c $MAILSTACK_DIR/etc/postfix -p
#
# DKIM (MAILSTACK_DKIM=1).  Real signatures from OpenDKIM and real DNS from
# dnsmasq, so a verifier (the desk) checks DKIM/DMARC for real: point its
# resolver at HOST:MAILSTACK_DNS_PORT.  The signing ports are plain smtpd
# services like the SMTP port plus one OpenDKIM milter each (signing only:
# no verification, no Authentication-Results added or removed; relaxed/relaxed;
# h= From (oversigned), To, Cc, Reply-To, Subject, Date, Message-ID,
# In-Reply-To, References, MIME-Version, Content-Type,
# Content-Transfer-Encoding); the submission port signs with the good key as
# well; the plain SMTP port never signs.  If a signer is down its ports answer
# 4xx (milter_default_action = tempfail) instead of passing mail unsigned.
# Keys: RSA 2048, made on the first `up` with DKIM (2 of them, ~0.3 s more on
# a fresh dir), kept across down/up, gone with `wipe`:
# $MAILSTACK_DIR/dkim/{DKIM_DOMAIN,DKIM_OTHER_DOMAIN}.mail.{key,pub} (PEM,
# base64 DER); s=revoked signs with DKIM_DOMAIN's key (see signer_key).
# `up` and `env` print MAILSTACK_DKIM and the six settings above.
# dnsmasq serves (TTL 0, so a new key after `wipe` is seen at once):
#   mail._domainkey.DKIM_DOMAIN        TXT "v=DKIM1; k=rsa; p=<good key>"
#   revoked._domainkey.DKIM_DOMAIN     TXT "v=DKIM1; k=rsa; p="  (revoked, RFC 6376 3.6.1)
#   mail._domainkey.DKIM_OTHER_DOMAIN  TXT "v=DKIM1; k=rsa; p=<other key>"
#   _dmarc.DKIM_DOMAIN, _dmarc.DKIM_OTHER_DOMAIN  TXT "v=DMARC1; p=reject"
#   DKIM_DOMAIN, DKIM_OTHER_DOMAIN     TXT "v=spf1 ip4:192.0.2.0/24 -all"
#   every other name, of any type: NXDOMAIN at once (no upstream, nothing
#   forwarded), so a DMARC tree walk or an unknown selector ends quickly;
#   other types of the names above: NOERROR with no data.
# A 2048-bit key's TXT (410 bytes) is served as one record of two strings
# (255 + rest), which verifiers concatenate; the answer fits in 512 bytes.
# SPF deliberately does not cover loopback: all stack mail comes from
# 127.0.0.1, so SPF fails for all of it and DMARC can pass only through an
# aligned DKIM signature (the DKIM port), never by SPF.
# Logs: $MAILSTACK_DIR/log/dnsmasq.log (every query), opendkim.stderr
# (startup errors only: opendkim logs to syslog, which is absent here).
set -euo pipefail

DIR=${MAILSTACK_DIR:-/tmp/secdesk-mailstack}
HOST=${MAILSTACK_HOST:-127.0.0.1}
IMAP_PORT=${MAILSTACK_IMAP_PORT:-1143}
IMAPS_PORT=${MAILSTACK_IMAPS_PORT:-1993}
SMTP_PORT=${MAILSTACK_SMTP_PORT:-2525}
SUB_PORT=${MAILSTACK_SUBMISSION_PORT:-2587}
LMTP_PORT=${MAILSTACK_LMTP_PORT:-0}
DOMAINS=${MAILSTACK_DOMAINS:-example.test}
USERS=${MAILSTACK_USERS:-security@example.test reporter@example.test staff@example.test stranger@example.test other@example.test}
PASSWORD=${MAILSTACK_PASSWORD:-secret}
CATCHALL=${MAILSTACK_CATCHALL:-}
SIEVE=${MAILSTACK_SIEVE:-}
case ${SIEVE,,} in
  '' | 0 | no | off | false) SIEVE= ;;
  1 | yes | on | true) SIEVE=1 ;;
  *) echo "mailstack: MAILSTACK_SIEVE must be 1/yes/on or 0/no/off (got '$SIEVE')" >&2; exit 1 ;;
esac
DELIVERY=${MAILSTACK_DELIVERY:-${SIEVE:+lmtp}}
DELIVERY=${DELIVERY:-virtual}
START_TIMEOUT=${MAILSTACK_START_TIMEOUT:-20}
DKIM=${MAILSTACK_DKIM:-}
case ${DKIM,,} in
  '' | 0 | no | off | false) DKIM= ;;
  1 | yes | on | true) DKIM=1 ;;
  *) echo "mailstack: MAILSTACK_DKIM must be 1/yes/on or 0/no/off (got '$DKIM')" >&2; exit 1 ;;
esac
DKIM_DOMAIN=${MAILSTACK_DKIM_DOMAIN:-${DOMAINS%% *}}
DKIM_DOMAIN=${DKIM_DOMAIN,,}
DKIM_OTHER_DOMAIN=${MAILSTACK_DKIM_OTHER_DOMAIN:-elsewhere.test}
DKIM_OTHER_DOMAIN=${DKIM_OTHER_DOMAIN,,}
# the port defaults apply with DKIM only (for use by hand; tests pass free
# ports); without it they stay 0 and validate refuses anything else
DNS_PORT=${MAILSTACK_DNS_PORT:-${DKIM:+5353}}
DKIM_PORT=${MAILSTACK_DKIM_PORT:-${DKIM:+2526}}
DKIM_OTHER_PORT=${MAILSTACK_DKIM_OTHER_PORT:-${DKIM:+2527}}
DKIM_REVOKED_PORT=${MAILSTACK_DKIM_REVOKED_PORT:-${DKIM:+2528}}
DNS_PORT=${DNS_PORT:-0} DKIM_PORT=${DKIM_PORT:-0}
DKIM_OTHER_PORT=${DKIM_OTHER_PORT:-0} DKIM_REVOKED_PORT=${DKIM_REVOKED_PORT:-0}

# dovecot-sieve is loaded by LMTP with MAILSTACK_SIEVE only; dovecot-managesieved
# is installed (for a client that edits scripts) but not started (protocols =
# imap lmtp): the `sieve` command installs scripts directly.  opendkim (the
# signer) and dnsmasq-base (the DNS server) serve MAILSTACK_DKIM only, but are
# always installed so CI has them; dnsmasq-base is the bare binary: the
# "dnsmasq" package adds a system service on port 53 and a resolvconf hook,
# neither of which is wanted here.  opendkim-tools: opendkim-testkey and
# opendkim-genkey for checking by hand.  gnupg: a real OpenPGP client for the
# reporter's side of tests/pgp.rs (not used by the stack itself)
PKGS=(dovecot-imapd dovecot-lmtpd dovecot-sieve dovecot-managesieved postfix
      swaks libnet-ssleay-perl openssl iproute2 opendkim opendkim-tools dnsmasq-base
      gnupg)
DOVECOT_BIN=/usr/sbin/dovecot
PF_MASTER_BIN=/usr/lib/postfix/sbin/master
DNSMASQ_BIN=/usr/sbin/dnsmasq
OPENDKIM_BIN=/usr/sbin/opendkim
# users the packages create; the DKIM daemons drop to them
DKIM_USER=opendkim
DNS_USER=dnsmasq

# Owner of the Maildir files.  Dovecot refuses uid 0 ("userdb returned 0 as
# uid") and so does postfix virtual(8); "mail" (uid 8) exists on every Debian.
MAIL_USER=mail

die() { echo "mailstack: $*" >&2; exit 1; }
log() { echo "mailstack: $*" >&2; }
T0=$EPOCHREALTIME
elapsed() { awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.2f", b-a}'; }
mark() { [[ -z ${MAILSTACK_DEBUG:-} ]] || log "+$(elapsed)s $*"; }

DIR=$(realpath -m -- "$DIR")
ETC=$DIR/etc
# Unix socket paths must fit in 108 bytes (sun_path): dovecot's base_dir holds
# "token-login/imap-urlauth", postfix's queue "private/proxywrite" and
# "public/postlog" (postfix connects to the latter by absolute path and dies
# silently when it is too long), so both live in RUN, and a deep MAILSTACK_DIR
# (a tempdir of a test) gets a short RUN under /tmp.
if ((${#DIR} <= 60)); then
  RUN=$DIR/run
else
  RUN=/tmp/mailstack-run.$(printf %s "$DIR" | md5sum | cut -c1-12)
fi
DOVECOT_CONF=$ETC/dovecot/dovecot.conf
PF_CONF=$ETC/postfix # must be absolute: `postfix -c relative/path` fails silently
PF_QUEUE=$RUN/postfix
DOVECOT_PIDFILE=$RUN/dovecot/master.pid
PF_PIDFILE=$PF_QUEUE/pid/master.pid
LOGDIR=$DIR/log
# MAILSTACK_DKIM: keys (kept until wipe), generated config, and the runtime
# files - milter sockets, pid files - in RUN like the others (sun_path)
DKIM_KEYS=$DIR/dkim
DKIM_ETC=$ETC/dkim
DKIM_RUN=$RUN/dkim
DNS_CONF=$ETC/dnsmasq.conf
DNS_PIDFILE=$RUN/dnsmasq.pid

# ---------------------------------------------------------------- install
missing_pkgs() {
  local p ok
  # one dpkg-query for all (one each costs ~12 ms); it names only the packages
  # it knows and fails when some are unknown, which are missing then too
  # shellcheck disable=SC2016 # ${...} are dpkg-query's fields
  ok=" $(dpkg-query -W -f='${Package}=${db:Status-Status} ' "${PKGS[@]}" 2>/dev/null || true) "
  for p in "${PKGS[@]}"; do
    [[ $ok == *" $p=installed "* ]] || echo "$p"
  done
}

# true when apt knows an install candidate for every package given, and the
# lists were fetched within the last day (old lists name versions the mirror
# has dropped: 404 at download)
apt_lists_fresh() {
  local lists p
  lists=$(apt-config shell L Dir::State::Lists/d | sed -E "s/^L='(.*)'$/\1/")
  [[ -n $(find "${lists:-/var/lib/apt/lists}" -maxdepth 1 -name '*Release' -mmin -1440 2>/dev/null) ]] || return 1
  for p in "$@"; do
    apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [^(]' || return 1
  done
}

apt_update() {
  log "apt-get update"
  apt-get update -q -o DPkg::Lock::Timeout=300 >&2 || log "warning: apt-get update failed"
}

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends --no-upgrade \
    -o DPkg::Lock::Timeout=300 \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "$@" >&2
}

cmd_install() {
  local missing rc=0 added_policy=
  mapfile -t missing < <(missing_pkgs)
  if ((${#missing[@]} == 0)); then
    log "already installed"
    return 0
  fi
  [[ $(id -u) == 0 ]] || die "install needs root (missing: ${missing[*]})"
  log "installing ${missing[*]}"
  # postfix's debconf question; "No configuration" writes no /etc/postfix/main.cf,
  # so no system postfix ever runs (port 25 stays untouched).  Side effect: a
  # bare `postconf` fails with "open /etc/postfix/main.cf" - always pass -c DIR.
  debconf-set-selections <<'EOF'
postfix postfix/main_mailer_type select No configuration
postfix postfix/mailname string mail.example.test
EOF
  # keep the maintainer scripts from starting the system dovecot (it would
  # listen on *:143/*:993) and opendkim (invoke-rc.d in their postinst; checked:
  # "policy-rc.d denied execution of start"); Docker-style images already ship
  # such a policy-rc.d.  dnsmasq-base has no service to start.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    added_policy=1
  fi
  # a fresh Debian has no package lists at all; old ones give 404s
  apt_lists_fresh "${missing[@]}" || apt_update
  # --no-upgrade: only install what is missing (naming openssl once upgraded it)
  if ! apt_install "${missing[@]}"; then
    log "install failed - refreshing the package lists and trying once more"
    apt_update
    apt_install "${missing[@]}" || rc=$?
  fi
  [[ -z $added_policy ]] || rm -f /usr/sbin/policy-rc.d
  ((rc == 0)) || die "apt-get install failed (exit $rc)"
  log "installed"
}

need_bins() {
  local b missing=()
  for b in $DOVECOT_BIN $PF_MASTER_BIN /usr/lib/dovecot/imap /usr/lib/dovecot/lmtp \
           /usr/lib/postfix/sbin/virtual openssl ss setpriv flock; do
    command -v "$b" >/dev/null 2>&1 || missing+=("$b")
  done
  if [[ -n $SIEVE ]]; then
    for b in sievec /usr/lib/dovecot/modules/lib90_sieve_plugin.so; do
      [[ -e $b ]] || command -v "$b" >/dev/null 2>&1 || missing+=("$b")
    done
  fi
  if [[ -n $DKIM ]]; then
    for b in $DNSMASQ_BIN $OPENDKIM_BIN; do
      [[ -x $b ]] || missing+=("$b")
    done
    for b in $DKIM_USER $DNS_USER; do
      id -u "$b" >/dev/null 2>&1 || missing+=("user $b")
    done
  fi
  ((${#missing[@]} == 0)) || die "missing ${missing[*]} - run: $0 install"
}

# ---------------------------------------------------------------- helpers
# Pid from a pid file, only if that process is alive and runs the expected
# binary: dovecot refuses to start while the pid in master.pid is alive, even
# when it is some unrelated process that got the pid later.
live_pid() { # pidfile exe
  local pid
  [[ -r $1 ]] || return 1
  pid=$(tr -dc '0-9' <"$1")
  [[ -n $pid && $(readlink "/proc/$pid/exe" 2>/dev/null) == "$2" ]] || return 1
  pid_gone "$pid" && return 1
  echo "$pid"
}
dovecot_pid() { live_pid "$DOVECOT_PIDFILE" "$DOVECOT_BIN"; }
postfix_pid() { live_pid "$PF_PIDFILE" "$PF_MASTER_BIN"; }
dns_pid() { live_pid "$DNS_PIDFILE" "$DNSMASQ_BIN"; }
signer_pid() { live_pid "$DKIM_RUN/$1.pid" "$OPENDKIM_BIN"; }

# The OpenDKIM signers this stack runs, one per key: OpenDKIM picks its key by
# the From address, never by the port the mail came in on, so each signing
# port gets a signer (milter socket) of its own.  Only those a port uses run.
signers() {
  [[ -n $DKIM ]] || return 0
  if ((DKIM_PORT || SUB_PORT)); then echo good; fi
  if ((DKIM_OTHER_PORT)); then echo other; fi
  if ((DKIM_REVOKED_PORT)); then echo revoked; fi
}
# signer: sets SK_D, SK_S (its d=, s=) and SK_K (its key: DKIM_KEYS/SK_K.key).
# The revoked selector signs with the good key: that DNS publishes it revoked
# is all that counts, and a verifier that wrongly uses the key of s=mail (or
# one cached for the domain) then gets "pass" where it must fail, instead of
# failing for the wrong reason; one RSA key fewer to make, too.
signer_key() {
  case $1 in
    good) SK_D=$DKIM_DOMAIN SK_S=mail SK_K=$DKIM_DOMAIN.mail ;;
    other) SK_D=$DKIM_OTHER_DOMAIN SK_S=mail SK_K=$DKIM_OTHER_DOMAIN.mail ;;
    revoked) SK_D=$DKIM_DOMAIN SK_S=revoked SK_K=$DKIM_DOMAIN.mail ;;
  esac
}
# "NAME PID" of every DKIM daemon of this stack that is alive, whatever the
# current settings: an `up` without DKIM must stop those of an earlier `up`
# with it, found by their pid files
dkim_daemons() {
  local f pid
  if pid=$(dns_pid); then echo "dnsmasq $pid"; fi
  for f in "$DKIM_RUN"/*.pid; do
    [[ -e $f ]] || continue
    if pid=$(live_pid "$f" "$OPENDKIM_BIN"); then f=${f##*/}; echo "opendkim-${f%.pid} $pid"; fi
  done
}
# true when the DKIM daemons running are those the settings want (none when off)
dkim_complete() {
  local n
  if [[ -z $DKIM ]]; then
    [[ -z $(dkim_daemons) ]]
    return
  fi
  dns_pid >/dev/null || return 1
  for n in $(signers); do
    signer_pid "$n" >/dev/null || return 1
  done
}

# gone = no such process, or a zombie: pid 1 of some sandboxes reaps late, and
# `kill -0` succeeds on a zombie
pid_gone() {
  local st
  st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 0
  [[ -z $st || $st == Z || $st == X ]]
}
wait_gone() { # pid seconds
  local i
  for ((i = 0; i < $2 * 20; i++)); do
    pid_gone "$1" && return 0
    sleep 0.05
  done
  return 1
}

all_ports() {
  local p
  for p in "$IMAP_PORT" "$IMAPS_PORT" "$SMTP_PORT" "$SUB_PORT" "$LMTP_PORT" \
           "$DKIM_PORT" "$DKIM_OTHER_PORT" "$DKIM_REVOKED_PORT" "$DNS_PORT"; do
    [[ $p == 0 ]] || echo "$p"
  done
}
dovecot_ports() {
  local p
  for p in "$IMAP_PORT" "$IMAPS_PORT" "$LMTP_PORT"; do
    [[ $p == 0 ]] || echo "$p"
  done
}
postfix_ports() {
  local p
  for p in "$SMTP_PORT" "$SUB_PORT" "$DKIM_PORT" "$DKIM_OTHER_PORT" "$DKIM_REVOKED_PORT"; do
    [[ $p == 0 ]] || echo "$p"
  done
}
port_listening() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }
# DNS is UDP first: a UDP socket on DNS_PORT makes dnsmasq fail to bind
udp_bound() { ss -Hlun "sport = :$1" 2>/dev/null | grep -q .; }
busy_ports() { # [PORT...] (default: every port of the stack)
  local p out='' tcp udp=''
  # shellcheck disable=SC2046 # word splitting of the port list is intended
  (($#)) || set -- $(all_ports)
  # one ss call for all ports (one per port costs ~8 ms each), the local
  # ports of every listening socket: " 22 2525 ... "
  tcp=" $(ss -Hltn 2>/dev/null | awk '{n = split($4, a, ":"); printf "%s ", a[n]}') "
  if ((DNS_PORT)); then udp=" $(ss -Hlun 2>/dev/null | awk '{n = split($4, a, ":"); printf "%s ", a[n]}') "; fi
  for p in "$@"; do
    if [[ $tcp == *" $p "* ]] || [[ $p == "$DNS_PORT" && $udp == *" $p "* ]]; then out+="$p "; fi
  done
  echo "$out"
}
wait_ports_free() { # seconds [PORT...] (default: every port of the stack)
  local i t=$1
  shift
  for ((i = 0; i < t * 20; i++)); do
    [[ -z $(busy_ports "$@") ]] && return 0
    sleep 0.05
  done
  return 1
}

# wait until a TCP port sends a greeting line starting with $2 (read -t: a
# `head -c N` would block on a greeting shorter than N)
wait_banner() { # port prefix seconds
  local deadline=$((SECONDS + $3)) line
  while ((SECONDS < deadline)); do
    line=$(timeout 3 bash -c "exec 3<>/dev/tcp/$HOST/$1 && read -r -t 2 l <&3 && printf %s \"\$l\"" 2>/dev/null || true)
    [[ $line == "$2"* ]] && return 0
    sleep 0.05
  done
  return 1
}

# wait until dnsmasq answers a real query: TXT _dmarc.DKIM_DOMAIN over UDP
# (bash's /dev/udp; no dig here) with NOERROR and an answer, i.e. it runs
# with our records.  Bytes: id 4d53, RD, one question; answer: id, flags
# (rcode = low nibble of byte 3), counts (ANCOUNT = bytes 6-7).
wait_dns() { # seconds
  local deadline=$((SECONDS + $1)) q l hex
  q='\x4d\x53\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00'
  for l in _dmarc ${DKIM_DOMAIN//./ }; do q+=$(printf '\\x%02x' "${#l}")$l; done
  q+='\x00\x00\x10\x00\x01'
  while ((SECONDS < deadline)); do
    # shellcheck disable=SC2059 # q is the packet, written as printf escapes
    hex=$(exec 3<>"/dev/udp/$HOST/$DNS_PORT" && printf "$q" >&3 &&
      timeout 0.5 dd bs=512 count=1 <&3 2>/dev/null | od -An -tx1 -N8 | tr -d ' \n') || true
    [[ ${#hex} == 16 && ${hex:0:4} == 4d53 ]] && (((0x${hex:6:2} & 15) == 0 && 0x${hex:12:4} > 0)) && return 0
    sleep 0.05
  done
  return 1
}

# ---------------------------------------------------------------- config
declare -a U_ADDR U_PASS
parse_users() {
  local e a p d ok
  U_ADDR=() U_PASS=()
  for e in $USERS; do
    if [[ $e == *:* ]]; then a=${e%%:*} p=${e#*:}; else a=$e p=$PASSWORD; fi
    a=${a,,}
    [[ $a == ?*@?* ]] || die "user '$a' is not an address"
    [[ $p != *:* && -n $p ]] || die "password of $a must be non-empty and contain no ':'"
    ok=
    for d in $DOMAINS; do [[ ${a#*@} == "${d,,}" ]] && ok=1; done
    [[ -n $ok ]] || die "user $a is not in MAILSTACK_DOMAINS ($DOMAINS)"
    U_ADDR+=("$a") U_PASS+=("$p")
  done
  ((${#U_ADDR[@]})) || die "MAILSTACK_USERS is empty"
}

validate() {
  local p
  for p in IMAP_PORT IMAPS_PORT SMTP_PORT SUB_PORT LMTP_PORT START_TIMEOUT \
           DNS_PORT DKIM_PORT DKIM_OTHER_PORT DKIM_REVOKED_PORT; do
    [[ ${!p} =~ ^[0-9]+$ ]] || die "bad $p=${!p}"
  done
  if [[ -n $DKIM ]]; then
    ((DNS_PORT)) || die "MAILSTACK_DNS_PORT cannot be 0 with MAILSTACK_DKIM (the keys are published there)"
    for p in "$DKIM_DOMAIN" "$DKIM_OTHER_DOMAIN"; do
      [[ $p =~ ^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$ ]] ||
        die "bad DKIM domain '$p' (MAILSTACK_DKIM_DOMAIN, MAILSTACK_DKIM_OTHER_DOMAIN)"
    done
    [[ $DKIM_DOMAIN != "$DKIM_OTHER_DOMAIN" ]] || die "MAILSTACK_DKIM_OTHER_DOMAIN must differ from MAILSTACK_DKIM_DOMAIN ($DKIM_DOMAIN)"
  elif ((DNS_PORT || DKIM_PORT || DKIM_OTHER_PORT || DKIM_REVOKED_PORT)); then
    # rather than a stack that quietly does not sign what a test expects signed
    die "MAILSTACK_DNS_PORT/MAILSTACK_DKIM_*_PORT are set but MAILSTACK_DKIM is off"
  fi
  # two services on one port: say so here, not as a bind error of some daemon
  p=$(all_ports | sort | uniq -d | tr '\n' ' ')
  [[ -z $p ]] || die "port(s) ${p}given twice (MAILSTACK_*_PORT)"
  ((IMAP_PORT && SMTP_PORT)) || die "IMAP and SMTP ports cannot be 0"
  [[ $DELIVERY == virtual || $DELIVERY == lmtp ]] || die "MAILSTACK_DELIVERY must be virtual or lmtp"
  [[ -z $SIEVE || $DELIVERY == lmtp ]] || die "MAILSTACK_SIEVE needs MAILSTACK_DELIVERY=lmtp (sieve runs in dovecot's LMTP)"
  parse_users
  if [[ -n $CATCHALL ]]; then
    [[ " ${U_ADDR[*]} " == *" ${CATCHALL,,} "* ]] || die "MAILSTACK_CATCHALL=$CATCHALL is not in MAILSTACK_USERS"
  fi
}

# A private CA and a server certificate signed by it. Strict TLS clients
# (rustls/webpki) refuse a self-signed CA certificate used as the server's
# own ("CaUsedAsEndEntity"), so clients trust ca.pem and the server shows
# cert.pem.
make_tls() {
  local t=$DIR/tls d=${DOMAINS%% *}
  [[ -s $t/ca.pem && -s $t/cert.pem && -s $t/key.pem ]] && return 0
  mkdir -p "$t"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -sha256 -subj "/CN=mailstack test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$t/ca.key" -out "$t/ca.pem.tmp" >/dev/null 2>&1 || die "openssl failed (CA)"
  openssl req -newkey rsa:2048 -nodes -sha256 -subj "/CN=mail.$d" \
    -keyout "$t/key.pem.tmp" -out "$t/server.csr" >/dev/null 2>&1 || die "openssl failed (key)"
  printf 'subjectAltName=DNS:mail.%s,DNS:localhost,IP:127.0.0.1,IP:%s\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' \
    "$d" "$HOST" >"$t/server.ext"
  openssl x509 -req -in "$t/server.csr" -CA "$t/ca.pem.tmp" -CAkey "$t/ca.key" -CAcreateserial \
    -days 3650 -sha256 -extfile "$t/server.ext" -out "$t/cert.pem.tmp" >/dev/null 2>&1 || die "openssl failed (sign)"
  chmod 600 "$t/key.pem.tmp" "$t/ca.key"
  rm -f "$t/server.csr" "$t/server.ext"
  mv "$t/key.pem.tmp" "$t/key.pem"
  mv "$t/cert.pem.tmp" "$t/cert.pem"
  mv "$t/ca.pem.tmp" "$t/ca.pem"
}

# MAILSTACK_DKIM's keys, RSA 2048, made once per stack dir: DKIM_DOMAIN's
# (s=mail, and s=revoked too: see signer_key) and DKIM_OTHER_DOMAIN's.
# DOMAIN.mail.key is PKCS#1 PEM ("RSA PRIVATE KEY", which every DKIM library
# reads), .pub the base64 SubjectPublicKeyInfo DNS publishes as p=.  Missing
# ones are made in parallel (0.1-0.3 s each, more on a busy machine); a
# half-made pair (no .pub) is made again.
make_dkim_keys() {
  local k pids=() pid
  install -d -m 700 "$DKIM_KEYS"
  for k in "$DKIM_DOMAIN.mail" "$DKIM_OTHER_DOMAIN.mail"; do
    k=$DKIM_KEYS/$k
    [[ -s $k.key && -s $k.pub ]] && continue
    (
      umask 077
      openssl genrsa -traditional -out "$k.key.tmp" 2048 >/dev/null 2>&1 &&
        openssl rsa -in "$k.key.tmp" -pubout -outform DER 2>/dev/null | base64 -w0 >"$k.pub.tmp" &&
        [[ -s $k.pub.tmp ]] && mv "$k.key.tmp" "$k.key" && mv "$k.pub.tmp" "$k.pub"
    ) &
    pids+=("$!")
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || die "openssl failed (DKIM key in $DKIM_KEYS)"
  done
}

# every directory above $2 must be enterable by user $1 (the daemons drop to
# it): a 0700 parent (pytest's /tmp/pytest-of-root, say) makes it fail later,
# and less clearly
check_reach() { # user path
  local uid gid p=$2 dirs=()
  uid=$(id -u "$1") gid=$(id -g "$1")
  while [[ $p != / ]]; do
    p=$(dirname "$p")
    dirs+=("$p")
  done
  # one setpriv for all of them (one per directory cost ~5 ms each); prints
  # the first it cannot enter
  # shellcheck disable=SC2016 # $d is for the inner sh
  p=$(setpriv --reuid="$uid" --regid="$gid" --clear-groups \
    sh -c 'for d; do test -x "$d" || { echo "$d"; exit 1; }; done' sh "${dirs[@]}" 2>/dev/null) ||
    die "uid $1 cannot enter ${p:-$2} (mode $(stat -c %a "${p:-$2}")): chmod o+x it or use another MAILSTACK_DIR"
}

write_config() {
  local uid gid d=${DOMAINS%% *} i p q
  uid=$(id -u "$MAIL_USER") gid=$(id -g "$MAIL_USER")
  mkdir -p "$ETC/dovecot" "$PF_CONF" "$LOGDIR" "$DIR/dovecot/state" "$DIR/mail" "$RUN"
  chmod 755 "$DIR" "$ETC" "$ETC/dovecot" "$PF_CONF" # postfix rejects writable config dirs
  chown "$MAIL_USER:$MAIL_USER" "$DIR/mail"
  chmod 700 "$DIR/mail"
  # the mail uid must be able to reach $DIR/mail: a 0700 parent (pytest's
  # /tmp/pytest-of-root, say) makes every delivery fail
  check_reach "$MAIL_USER" "$DIR"

  # postfix queue layout as 'post-install create-missing' makes it; it would
  # not fix data_directory's owner (mkdir -p makes it root's -> master fails
  # with "open lock file ... master.lock: Permission denied")
  q=$PF_QUEUE
  install -d -m 755 -o root -g root "$q" "$q/pid"
  for i in active bounce corrupt defer deferred flush hold incoming private saved trace; do
    install -d -m 700 -o postfix -g root "$q/$i"
  done
  install -d -m 730 -o postfix -g postdrop "$q/maildrop"
  install -d -m 710 -o postfix -g postdrop "$q/public"
  install -d -m 700 -o postfix -g root "$DIR/postfix/data"

  # ---- users: dovecot passwd-file (plain passwords: a test stack) + postfix map
  : >"$ETC/dovecot/users.tmp"
  : >"$PF_CONF/vmailbox.tmp"
  for i in "${!U_ADDR[@]}"; do
    echo "${U_ADDR[i]}:{PLAIN}${U_PASS[i]}::::::" >>"$ETC/dovecot/users.tmp"
    # value: Maildir relative to virtual_mailbox_base = dovecot's ~/Maildir
    echo "${U_ADDR[i]} ${U_ADDR[i]#*@}/${U_ADDR[i]%@*}/Maildir/" >>"$PF_CONF/vmailbox.tmp"
  done
  chgrp dovecot "$ETC/dovecot/users.tmp"
  chmod 640 "$ETC/dovecot/users.tmp"
  mv "$ETC/dovecot/users.tmp" "$ETC/dovecot/users"
  mv "$PF_CONF/vmailbox.tmp" "$PF_CONF/vmailbox"

  # ---- dovecot
  local imaps="" lmtp_inet="" lmtp_plugins="" sieve_conf=""
  if [[ -n $SIEVE ]]; then
    lmtp_plugins="  mail_plugins = \$mail_plugins sieve"
    sieve_conf="
# ---- MAILSTACK_SIEVE: Pigeonhole on LMTP delivery
# mail a script sends (vacation, redirect, reject) goes to our own postfix over
# SMTP: /usr/sbin/sendmail would need /etc/postfix/main.cf, which we never write
submission_host = $HOST:$SMTP_PORT
plugin {
  sieve = file:~/sieve;active=~/.dovecot.sieve
  sieve_extensions = +vacation-seconds +editheader
  # allow short vacation periods (:seconds 1) for tests; the default is 1 day
  sieve_vacation_min_period = 0
}"
  fi
  ((IMAPS_PORT)) && imaps="  inet_listener imaps {
    address = $HOST
    port = $IMAPS_PORT
    ssl = yes
  }"
  ((LMTP_PORT)) && lmtp_inet="  inet_listener lmtp {
    address = $HOST
    port = $LMTP_PORT
  }"
  cat >"$DOVECOT_CONF" <<EOF
# generated by scripts/mailstack.sh on every 'up' - do not edit
instance_name = secdesk-mailstack-$IMAP_PORT
base_dir = $RUN/dovecot
state_dir = $DIR/dovecot/state
protocols = imap lmtp
listen = $HOST
log_path = $LOGDIR/dovecot.log
log_timestamp = "%Y-%m-%d %H:%M:%S "
auth_verbose = yes
verbose_proctitle = yes
shutdown_clients = yes

ssl = yes
ssl_cert = <$DIR/tls/cert.pem
ssl_key = <$DIR/tls/key.pem
ssl_dh = </usr/share/dovecot/dh.pem

# plaintext LOGIN without TLS is fine on loopback; no delay after a bad
# password (auth penalty), so negative tests do not slow the suite down
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
auth_cache_size = 0
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu $ETC/dovecot/users
}
userdb {
  driver = passwd-file
  args = username_format=%Lu $ETC/dovecot/users
  default_fields = uid=$uid gid=$gid home=$DIR/mail/%Ld/%Ln
}
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid

mail_location = maildir:~/Maildir
recipient_delimiter = +
lmtp_save_to_detail_mailbox = no
# IDLE is woken by inotify (dovecot then batches events for 0.5 s, hard-coded);
# this is only the fallback
mailbox_idle_check_interval = 1 secs

namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
}

service imap-login {
  inet_listener imap {
    address = $HOST
    port = $IMAP_PORT
  }
$imaps
}
protocol imap {
  # default 10 per user+IP: too few for a daemon plus parallel test clients
  mail_max_userip_connections = 200
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
$lmtp_inet
}
protocol lmtp {
  postmaster_address = postmaster@$d
$lmtp_plugins
}
service auth {
  # postfix's submission port authenticates against this (smtpd_sasl_type = dovecot)
  unix_listener auth-client {
    mode = 0666
  }
}
$sieve_conf
EOF

  # ---- postfix
  local relay_restr=reject_unauth_destination alias_maps="" delivery_conf re
  if [[ -n $CATCHALL ]]; then
    re=$(for p in $DOMAINS; do printf '%s|' "${p//./\\.}"; done)
    printf '# everything outside MAILSTACK_DOMAINS goes to the catch-all\nif !/@(%s)$/\n/./ %s\nendif\n' \
      "${re%|}" "${CATCHALL,,}" >"$PF_CONF/catchall.regexp"
    alias_maps="regexp:$PF_CONF/catchall.regexp"
    # postfix refuses a bare "permit" here; all clients are loopback anyway
    relay_restr="permit_mynetworks, reject_unauth_destination"
  fi
  case $DELIVERY in
    virtual) delivery_conf="virtual_transport = virtual
virtual_mailbox_base = $DIR/mail
virtual_uid_maps = static:$uid
virtual_gid_maps = static:$gid
virtual_minimum_uid = $uid" ;;
    lmtp) delivery_conf="virtual_transport = lmtp:unix:$RUN/dovecot/lmtp" ;;
  esac

  cat >"$PF_CONF/main.cf" <<EOF
# generated by scripts/mailstack.sh on every 'up' - do not edit
compatibility_level = 3.6
queue_directory = $PF_QUEUE
data_directory = $DIR/postfix/data
mail_owner = postfix
setgid_group = postdrop
# no syslog here (/dev/log is absent): postlogd writes this file
maillog_file_prefixes = $LOGDIR
maillog_file = $LOGDIR/postfix.log
syslog_name = postfix-$SMTP_PORT

myhostname = mail.$d
mydomain = $d
myorigin = \$mydomain
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
local_recipient_maps =
local_transport = error:5.1.1 local delivery disabled
alias_maps =
alias_database =
biff = no
append_dot_mydomain = no
readme_directory = no

virtual_mailbox_domains = $DOMAINS
virtual_mailbox_maps = texthash:$PF_CONF/vmailbox
virtual_alias_maps = $alias_maps
# the default is \$virtual_alias_maps: the catch-all regexp would claim every domain
virtual_alias_domains =
recipient_delimiter = +
$delivery_conf
# nothing ever leaves this machine
default_transport = error:5.7.1 mailstack delivers only to $DOMAINS
relay_transport = \$default_transport

smtpd_banner = \$myhostname ESMTP mailstack
smtpd_peername_lookup = no
smtpd_error_sleep_time = 0
smtpd_relay_restrictions = $relay_restr
smtpd_tls_cert_file = $DIR/tls/cert.pem
smtpd_tls_key_file = $DIR/tls/key.pem
smtpd_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = $RUN/dovecot/auth-client
smtpd_sasl_auth_enable = no
message_size_limit = 52428800
# must be >= message_size_limit, or virtual(8) dies ("configuration error")
# and mail just sits in the queue
virtual_mailbox_limit = 0

# retry at once when dovecot was away (defaults: minutes)
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 10s
maximal_queue_lifetime = 1h
bounce_queue_lifetime = 1h
delay_warning_time = 0
EOF

  local sub="" dkim_svc=""
  ((SUB_PORT)) && sub="$HOST:$SUB_PORT inet n - n - - smtpd
  -o syslog_name=postfix-$SMTP_PORT/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_tls_auth_only=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject"
  if [[ -n $DKIM ]]; then
    # the signing ports: the SMTP port's service plus a milter each; a signer
    # that is down makes them answer 4xx (tempfail) rather than pass mail
    # unsigned (the default, accept, would).  No global smtpd_milters: the
    # SMTP port stays unsigned.
    ((SUB_PORT)) && sub+="$(pf_milter good)"
    ((DKIM_PORT)) && dkim_svc+="$HOST:$DKIM_PORT inet n - n - - smtpd
  -o syslog_name=postfix-$SMTP_PORT/dkim$(pf_milter good)
"
    ((DKIM_OTHER_PORT)) && dkim_svc+="$HOST:$DKIM_OTHER_PORT inet n - n - - smtpd
  -o syslog_name=postfix-$SMTP_PORT/dkim-other$(pf_milter other)
"
    ((DKIM_REVOKED_PORT)) && dkim_svc+="$HOST:$DKIM_REVOKED_PORT inet n - n - - smtpd
  -o syslog_name=postfix-$SMTP_PORT/dkim-revoked$(pf_milter revoked)
"
  fi
  cat >"$PF_CONF/master.cf" <<EOF
# generated by scripts/mailstack.sh on every 'up' - no chroot (paths are outside /var/spool)
$HOST:$SMTP_PORT inet n - n - - smtpd
$sub
${dkim_svc}pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
lmtp      unix  -       -       n       -       -       lmtp
virtual   unix  -       n       n       -       -       virtual
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
  # postfix treats a main.cf changed within the last ~2 s as "hot" and re-reads
  # it every 300 ms until it cools down: back-date it, or startup takes 2-3 s
  touch -d "@$(($(date +%s) - 10))" "$PF_CONF"/*
  if [[ -n $DKIM ]]; then write_dkim_config; fi
}

pf_milter() { # signer: the -o lines of a service signed by it
  printf '\n  -o smtpd_milters=unix:%s\n  -o milter_default_action=tempfail' "$DKIM_RUN/$1.sock"
}

# dnsmasq's and the signers' config (see "DKIM" in the header)
write_dkim_config() {
  local n d sel good other
  # opendkim makes its socket after dropping to its user, so that user owns
  # the socket dir and must reach it; the socket is 0777 (UMask 0) for
  # postfix's smtpd
  install -d -m 755 "$DKIM_ETC"
  chmod 755 "$RUN"
  install -d -m 755 -o "$DKIM_USER" -g "$DKIM_USER" "$DKIM_RUN"
  check_reach "$DKIM_USER" "$DKIM_RUN"
  # opendkim reads the key at each signature, as its user: copies in DKIM_RUN,
  # owned by that user, 0600.  An inline key in the key table (read as root
  # at startup) does not work: a 2048-bit key's line is cut short
  # ("d2i_PrivateKey_bio() failed", 4.7.0).
  install -m 600 -o "$DKIM_USER" -g "$DKIM_USER" "$DKIM_KEYS/$DKIM_DOMAIN.mail.key" \
    "$DKIM_KEYS/$DKIM_OTHER_DOMAIN.mail.key" "$DKIM_RUN/"
  for n in $(signers); do
    signer_key "$n"
    d=$SK_D sel=$SK_S
    echo "$n $d:$sel:$DKIM_RUN/$SK_K.key" >"$DKIM_ETC/$n.keytable"
    # refile "*": every From, whatever its domain, gets this signature
    echo "* $n" >"$DKIM_ETC/$n.signing"
    cat >"$DKIM_ETC/$n.conf" <<EOF
# generated by scripts/mailstack.sh on every 'up' - do not edit
# signer "$n": d=$d s=$sel on every mail it sees; signing only (Mode s: no
# verification, no Authentication-Results; those already in the mail are kept)
Mode                    s
Background              yes
# no syslog here (/dev/log is absent); startup errors go to stderr
Syslog                  no
Socket                  local:$DKIM_RUN/$n.sock
PidFile                 $DKIM_RUN/$n.pid
UMask                   0000
UserID                  $DKIM_USER:$DKIM_USER
KeyTable                file:$DKIM_ETC/$n.keytable
SigningTable            refile:$DKIM_ETC/$n.signing
# sign for every client (they are all local: the ports are on loopback)
InternalHosts           0.0.0.0/0
Canonicalization        relaxed/relaxed
SignatureAlgorithm      rsa-sha256
SignHeaders             From,To,Cc,Reply-To,Subject,Date,Message-ID,In-Reply-To,References,MIME-Version,Content-Type,Content-Transfer-Encoding
# a second From added later breaks the signature
OversignHeaders         From
KeepAuthResults         yes
SoftwareHeader          no
# the key is 0600, but RequireSafeKeys also refuses it under a world-writable
# /tmp ("key data is not secure: /tmp can be read or written by other users")
RequireSafeKeys         no
EOF
  done

  good=$(<"$DKIM_KEYS/$DKIM_DOMAIN.mail.pub")
  other=$(<"$DKIM_KEYS/$DKIM_OTHER_DOMAIN.mail.pub")
  cat >"$DNS_CONF" <<EOF
# generated by scripts/mailstack.sh on every 'up' - do not edit
# dnsmasq reads this instead of /etc/dnsmasq.conf (--conf-file): no system
# config, no resolv.conf (nothing is ever forwarded), no /etc/hosts
port=$DNS_PORT
listen-address=$HOST
bind-interfaces
no-resolv
no-hosts
user=$DNS_USER
pid-file=$DNS_PIDFILE
log-facility=$LOGDIR/dnsmasq.log
log-queries
# a TXT string holds 255 bytes at most: dnsmasq serves a longer one as several
# strings of one record (255 + rest), which DKIM verifiers concatenate
txt-record=mail._domainkey.$DKIM_DOMAIN,"v=DKIM1; k=rsa; p=$good"
# revoked key (RFC 6376 3.6.1): the signer has one, DNS says p= (empty)
txt-record=revoked._domainkey.$DKIM_DOMAIN,"v=DKIM1; k=rsa; p="
txt-record=mail._domainkey.$DKIM_OTHER_DOMAIN,"v=DKIM1; k=rsa; p=$other"
txt-record=_dmarc.$DKIM_DOMAIN,"v=DMARC1; p=reject"
txt-record=_dmarc.$DKIM_OTHER_DOMAIN,"v=DMARC1; p=reject"
# SPF deliberately does not cover loopback: every stack mail comes from
# 127.0.0.1, so SPF fails for all of it and DMARC can pass only through an
# aligned DKIM signature
txt-record=$DKIM_DOMAIN,"v=spf1 ip4:192.0.2.0/24 -all"
txt-record=$DKIM_OTHER_DOMAIN,"v=spf1 ip4:192.0.2.0/24 -all"
# every other name: NXDOMAIN at once ("/#/" = any domain, no address), where
# dnsmasq without upstream servers would answer REFUSED
address=/#/
EOF
}

# ---------------------------------------------------------------- commands
fingerprint() {
  # "|sieve", "|dkim ..." only when on: a stack up before they existed is not restarted
  echo "$HOST $IMAP_PORT $IMAPS_PORT $SMTP_PORT $SUB_PORT $LMTP_PORT|$DOMAINS|$USERS|$PASSWORD|$CATCHALL|$DELIVERY${SIEVE:+|sieve}${DKIM:+|dkim $DNS_PORT $DKIM_PORT $DKIM_OTHER_PORT $DKIM_REVOKED_PORT $DKIM_DOMAIN $DKIM_OTHER_DOMAIN}"
}

lock() { # serialise commands on one stack (parallel test workers)
  mkdir -p "$DIR"
  exec 9>"$DIR/.lock"
  flock -w 60 9 || die "timeout waiting for $DIR/.lock"
}

cmd_up() {
  [[ $(id -u) == 0 ]] || die "up needs root (the daemons drop privileges themselves)"
  need_bins
  validate
  lock
  local dpid ppid
  dpid=$(dovecot_pid || true) ppid=$(postfix_pid || true)
  if [[ -n $dpid && -n $ppid ]]; then
    if [[ $(cat "$DIR/.fingerprint" 2>/dev/null) != "$(fingerprint)" ]]; then
      log "running with other settings - restarting"
      stop_daemons
    elif ! dkim_complete; then
      log "half up (DKIM daemons) - restarting"
      stop_daemons
    else
      log "already up (dovecot $dpid, postfix $ppid${DKIM:+, $(dkim_daemons | tr '\n' ' ' | sed 's/ $//')}) in $DIR"
      cmd_env
      return 0
    fi
  elif [[ -n $dpid$ppid$(dkim_daemons) ]]; then
    # half up (a crash, a kill -9 of a test run): start again from a clean state
    log "half up - restarting"
    stop_daemons
  fi
  rm -f "$DOVECOT_PIDFILE" "$PF_PIDFILE" "$DNS_PIDFILE"
  # orphaned children of a killed master release their ports within a moment
  wait_ports_free 3 || die "port(s) $(busy_ports)on $HOST already in use (another stack? set MAILSTACK_*_PORT)"
  mark checks
  # a fresh dir makes 2 RSA keys for TLS, one after the other, and 2 for DKIM
  # (0.1-0.3 s each): those alongside, on the other core
  local kpid=
  if [[ -n $DKIM ]]; then
    make_dkim_keys &
    kpid=$!
  fi
  make_tls
  if [[ -n $kpid ]]; then wait "$kpid" || die "making the DKIM keys failed"; fi
  mark keys
  write_config
  mark config
  # from here on a failure stops whatever was started
  trap 'rc=$?; if ((rc)); then log "up failed - stopping"; stop_daemons; fi; exit $rc' EXIT

  # before postfix, whose signing ports need the milters
  if [[ -n $DKIM ]]; then start_dkim; fi
  mark dkim
  start_dovecot
  mark dovecot
  start_postfix
  ((IMAPS_PORT == 0)) || port_listening "$IMAPS_PORT" || die "IMAPS not listening on $IMAPS_PORT"
  ((LMTP_PORT == 0)) || port_listening "$LMTP_PORT" || die "LMTP not listening on $LMTP_PORT"
  mark postfix
  trap - EXIT
  fingerprint >"$DIR/.fingerprint"
  log "up in $(elapsed)s: dovecot $(dovecot_pid) postfix $(postfix_pid) dir $DIR"
  cmd_env
}

start_dovecot() {
  # Dovecot's master keeps the stdio it was started with open for good: handed
  # the caller's pipes, $(...) and Rust's Command::output() would never see
  # EOF.  And fd 9 (the lock) must not be inherited, or the next command on
  # this stack blocks forever.
  $DOVECOT_BIN -c "$DOVECOT_CONF" </dev/null >/dev/null 2>>"$LOGDIR/dovecot.stderr" 9>&- ||
    die "dovecot failed to start: $(tail -5 "$LOGDIR/dovecot.stderr")"
  wait_banner "$IMAP_PORT" "* OK" "$START_TIMEOUT" ||
    die "dovecot IMAP not answering on $IMAP_PORT: $(tail -5 "$LOGDIR/dovecot.log")"
  local i
  for ((i = 0; i < START_TIMEOUT * 20; i++)); do
    [[ -S $RUN/dovecot/lmtp && -S $RUN/dovecot/auth-client ]] && break
    sleep 0.05
  done
}

start_postfix() {
  # 'postfix start' would be 'postfix-script check-fatal/check-warn' (~0.4 s of
  # shell and postconf calls re-checking the queue layout made above) plus
  # 'master -w', which returns once the master is initialised: call the
  # master directly.  On failure pf_diagnose runs the checks.
  $PF_MASTER_BIN -c "$PF_CONF" -w </dev/null >"$LOGDIR/postfix-start.out" 2>&1 9>&- ||
    die "postfix failed to start: $(pf_diagnose)"
  wait_banner "$SMTP_PORT" "220" "$START_TIMEOUT" ||
    die "postfix not answering on $SMTP_PORT: $(tail -5 "$LOGDIR/postfix.log")"
  ((SUB_PORT == 0)) || wait_banner "$SUB_PORT" "220" "$START_TIMEOUT" ||
    die "submission not answering on $SUB_PORT"
  # the signing ports: listening is enough (master has bound every listener
  # when -w returns, and these are the SMTP port's service plus a milter
  # whose socket start_dkim saw); a banner each would spawn three more
  # smtpds now, 20-40 ms on a busy machine
  local p want=
  for p in "$DKIM_PORT" "$DKIM_OTHER_PORT" "$DKIM_REVOKED_PORT"; do
    ((p == 0)) || want+="$p "
  done
  # shellcheck disable=SC2086 # word splitting of the port list is intended
  [[ -z $want || $(busy_ports $want) == "$want" ]] ||
    die "signing port(s) $want: only $(busy_ports $want)listening: $(tail -5 "$LOGDIR/postfix.log")"
}

# The signers and dnsmasq, all at once (each takes ~10 ms to load and
# fork); returns once every milter socket is there and the DNS answers.
# All daemonise themselves and write their pid files.  dnsmasq's parent exits
# only when the child has bound its sockets (a bad config or a busy port:
# exit 2, message on stderr).  opendkim's parent exits 0 at once; its child
# writes the pid file, then makes the socket, and may die in between (no
# syslog to say why): hence the wait for each socket, and on failure a
# foreground replay for the message.  When anything fails, the signers that
# did start are still waited for until their pid files exist, so the EXIT
# trap's stop_daemons finds and stops them all.
start_dkim() {
  local n i pending err='' pids=() failed=" "
  for n in $(signers); do
    rm -f "$DKIM_RUN/$n.sock" "$DKIM_RUN/$n.pid"
    $OPENDKIM_BIN -x "$DKIM_ETC/$n.conf" </dev/null >/dev/null 2>>"$LOGDIR/opendkim.stderr" 9>&- &
    pids+=("$! $n")
  done
  $DNSMASQ_BIN --conf-file="$DNS_CONF" </dev/null >/dev/null 2>>"$LOGDIR/dnsmasq.stderr" 9>&- ||
    err="dnsmasq failed to start: $(tail -3 "$LOGDIR/dnsmasq.stderr")"
  for n in "${pids[@]}"; do
    if ! wait "${n% *}"; then
      failed+="${n#* } "
      err=${err:-"opendkim (${n#* }) failed to start: $(tail -3 "$LOGDIR/opendkim.stderr")"}
    fi
  done
  for ((i = 0; i < START_TIMEOUT * 100; i++)); do
    pending=
    for n in $(signers); do
      [[ $failed == *" $n "* || -S $DKIM_RUN/$n.sock ]] && continue
      if [[ -s $DKIM_RUN/$n.pid ]]; then
        if ! signer_pid "$n" >/dev/null; then
          failed+="$n "
          err=${err:-"opendkim ($n) died at startup: $(opendkim_diagnose "$n")"}
          continue
        fi
        # failing anyway: its pid file is all the stop needs
        [[ -n $err ]] && continue
      fi
      pending=$n
    done
    [[ -n $pending ]] || break
    sleep 0.01
  done
  [[ -z $err ]] || die "$err"
  [[ -z $pending ]] || die "opendkim ($pending) made no socket $DKIM_RUN/$pending.sock in ${START_TIMEOUT}s"
  wait_dns "$START_TIMEOUT" || die "dnsmasq not answering on $HOST:$DNS_PORT: $(tail -3 "$LOGDIR/dnsmasq.log" 2>/dev/null)"
}

# opendkim logs only to syslog (absent here): in the foreground (-f) it prints
# why it cannot start on stderr; 2 s are plenty for that, and a replay that
# does start is stopped again by the timeout (SIGKILL 0.5 s later: it takes
# up to 5 s to act on SIGTERM, see stop_dkim)
opendkim_diagnose() { # signer
  rm -f "$DKIM_RUN/$1.sock"
  timeout -k 0.5 2 "$OPENDKIM_BIN" -f -x "$DKIM_ETC/$1.conf" </dev/null 2>&1 9>&- | head -5 || true
  rm -f "$DKIM_RUN/$1.sock" "$DKIM_RUN/$1.pid"
}

children_of() { cat "/proc/$1/task/$1/children" 2>/dev/null || true; }
live_children_of() {
  local c
  for c in $(children_of "$1"); do
    pid_gone "$c" || echo "$c"
  done
}

stop_postfix_master() { # pid
  kill -TERM "$1" 2>/dev/null || true
  wait_gone "$1" 15 || { log "postfix master $1 ignored SIGTERM, SIGKILL"; kill -KILL "$1" 2>/dev/null || true; }
}

stop_dovecot_master() { # pid
  local dpid=$1 i
  # A lone SIGTERM to dovecot's master takes ~1 s: it signals its children
  # (shutdown_clients = yes) and then waits.  Signalling the children (all
  # direct: imap, imap-login, auth, log, ...) at the same time, as the
  # master itself would, makes it ~0.1 s; they log "Killed with signal 15",
  # which is expected.  With a client still logged in, the master then
  # often naps another second in its shutdown loop although every child
  # is gone: nothing is left for it to do, so it gets SIGKILL after 0.3 s.
  # shellcheck disable=SC2046 # word splitting of the pid list is intended
  kill -TERM "$dpid" $(children_of "$dpid") 2>/dev/null || true
  for ((i = 0; i < 6; i++)); do
    pid_gone "$dpid" && break
    sleep 0.05
  done
  if ! pid_gone "$dpid" && [[ -r /proc/$dpid/task/$dpid/children && -z $(live_children_of "$dpid") ]]; then
    kill -KILL "$dpid" 2>/dev/null || true
  fi
  wait_gone "$dpid" 15 || { log "dovecot master $dpid ignored SIGTERM, SIGKILL"; kill -KILL "$dpid" 2>/dev/null || true; }
}

# The DKIM daemons of this stack, whatever the current settings (found by
# their pid files).  opendkim takes up to 5 s to act on SIGTERM (libmilter's
# listener looks at its stop flag once per 5-s poll) and a signer keeps no
# state: SIGKILL, after postfix, its only client, has gone.  dnsmasq exits at
# once on SIGTERM.  Prints what it stopped.
stop_dkim() {
  local f pid out=
  for f in "$DKIM_RUN"/*.pid; do
    [[ -e $f ]] || continue
    if pid=$(live_pid "$f" "$OPENDKIM_BIN"); then
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" 5 || log "warning: opendkim $pid survived SIGKILL"
      f=${f##*/} out+=" opendkim-${f%.pid} $pid"
    fi
  done
  # the keys' copies too: they live while the signers do (up copies them again)
  rm -f "$DKIM_RUN"/*.pid "$DKIM_RUN"/*.sock "$DKIM_RUN"/*.key
  if pid=$(dns_pid); then
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" 5 || { log "dnsmasq $pid ignored SIGTERM, SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; }
    out+=" dnsmasq $pid"
  fi
  rm -f "$DNS_PIDFILE"
  echo "$out"
}

stop_daemons() {
  local dpid ppid xs
  ppid=$(postfix_pid || true)
  dpid=$(dovecot_pid || true)
  # postfix first, so it stops handing mail to dovecot and the signers
  if [[ -n $ppid ]]; then stop_postfix_master "$ppid"; fi
  xs=$(stop_dkim)
  if [[ -n $dpid ]]; then stop_dovecot_master "$dpid"; fi
  # children (smtpd, imap-login) can hold inherited listen sockets a moment
  # longer: wait, so an immediate `up` on the same ports cannot hit EADDRINUSE
  if [[ -n $ppid$dpid$xs ]]; then
    wait_ports_free 10 || log "warning: port(s) $(busy_ports)still busy"
    log "down (was dovecot ${dpid:--} postfix ${ppid:--}$xs)"
  fi
  rm -f "$DOVECOT_PIDFILE" "$PF_PIDFILE"
}

cmd_down() {
  [[ -d $DIR ]] || return 0
  lock
  stop_daemons
}

cmd_stop_one() { # dovecot|postfix
  [[ -d $DIR ]] || return 0
  lock
  local pid
  pid=$("$1_pid" || true)
  if [[ -z $pid ]]; then
    log "$1 not running"
    return 0
  fi
  "stop_$1_master" "$pid"
  # shellcheck disable=SC2046 # word splitting of the port list is intended
  wait_ports_free 10 $("$1_ports") || log "warning: port(s) $(busy_ports $("$1_ports"))still busy"
  if [[ $1 == dovecot ]]; then rm -f "$DOVECOT_PIDFILE"; else rm -f "$PF_PIDFILE"; fi
  log "$1 stopped (was $pid)"
}

cmd_start_one() { # dovecot|postfix
  [[ $(id -u) == 0 ]] || die "start-$1 needs root"
  need_bins
  validate
  lock
  local pid
  [[ -s $DOVECOT_CONF && -s $PF_CONF/main.cf && -s $DIR/.fingerprint ]] ||
    die "no stack in $DIR: run up first"
  [[ $(cat "$DIR/.fingerprint") == "$(fingerprint)" ]] ||
    die "settings differ from those of the last up in $DIR: use up or restart"
  pid=$("$1_pid" || true)
  if [[ -n $pid ]]; then
    log "$1 already running ($pid)"
    return 0
  fi
  if [[ $1 == dovecot ]]; then rm -f "$DOVECOT_PIDFILE"; else rm -f "$PF_PIDFILE"; fi
  # shellcheck disable=SC2046 # word splitting of the port list is intended
  wait_ports_free 3 $("$1_ports") ||
    die "port(s) $(busy_ports $("$1_ports"))on $HOST already in use"
  "start_$1"
  log "$1 started in $(elapsed)s: $("$1_pid" || echo '?')"
}

cmd_status() {
  local dpid ppid rc=0 p bad
  dpid=$(dovecot_pid || true) ppid=$(postfix_pid || true)
  echo "dir      $DIR"
  echo "dovecot  ${dpid:-not running}"
  echo "postfix  ${ppid:-not running}"
  if [[ -n $DKIM ]]; then
    echo "dnsmasq  $(dns_pid || echo 'not running')"
    for p in $(signers); do
      signer_key "$p"
      echo "opendkim $p (d=$SK_D s=$SK_S): $(signer_pid "$p" || echo 'not running')"
    done
    dkim_complete || rc=3
  fi
  for p in $(all_ports); do
    if port_listening "$p"; then echo "port $p  listening"; else echo "port $p  closed"; rc=3; fi
  done
  if [[ -n $DKIM ]]; then
    if udp_bound "$DNS_PORT"; then echo "port $DNS_PORT/udp  bound"; else echo "port $DNS_PORT/udp  closed"; rc=3; fi
  fi
  if [[ -n $ppid ]]; then echo "queue    $(queue_count) message(s)"; fi
  # `|| true`: grep finding nothing must not fail status under pipefail
  bad=$(grep -hE 'fatal:|panic:|Fatal:|Panic:' "$LOGDIR/postfix.log" "$LOGDIR/dovecot.log" 2>/dev/null | tail -3 || true)
  [[ -z $bad ]] || printf 'last fatal log lines:\n%s\n' "$bad"
  [[ -n $dpid && -n $ppid ]] || rc=3
  return $rc
}

# Postfix reports startup errors only to syslog (absent here), or to stderr
# when that is a tty: replay its checks under script(1) to see them
pf_diagnose() {
  cat "$LOGDIR/postfix-start.out" 2>/dev/null
  script -qec "postfix -c '$PF_CONF' check" /dev/null 2>&1 | tr -d '\r' | head -5
  tail -5 "$LOGDIR/postfix.log" 2>/dev/null
}

queue_count() {
  find "$PF_QUEUE/maildrop" "$PF_QUEUE/incoming" "$PF_QUEUE/active" "$PF_QUEUE/deferred" \
    "$PF_QUEUE/hold" -type f 2>/dev/null | wc -l
}

cmd_drain() {
  local t=$1 i
  for ((i = 0; i < t * 50; i++)); do
    (($(queue_count) == 0)) && return 0
    sleep 0.02
  done
  log "queue not empty after ${t}s: $(queue_count) message(s); see postqueue -c $PF_CONF -p"
  return 1
}

cmd_clear() {
  [[ -n $(dovecot_pid || true) ]] || die "not up"
  postsuper -c "$PF_CONF" -d ALL >/dev/null 2>&1 || true
  doveadm -c "$DOVECOT_CONF" expunge -A mailbox '*' all
  # vacation's memory of whom it answered (only sieve writes it)
  rm -f "$DIR"/mail/*/*/.dovecot.lda-dupes
}

# install a user's active sieve script (see the header)
cmd_sieve() { # user file
  local user=${1:-} file=${2-} home uid gid i found='' out
  user=${user,,}
  [[ -n $user && $# == 2 ]] || die "usage: $0 sieve USER FILE  ('-' reads stdin, '' removes)"
  [[ -n $SIEVE ]] || die "sieve needs MAILSTACK_SIEVE=1 (this stack delivers without sieve)"
  [[ $(id -u) == 0 ]] || die "sieve needs root (the script must belong to uid $MAIL_USER)"
  need_bins
  validate
  for i in "${!U_ADDR[@]}"; do [[ ${U_ADDR[i]} == "$user" ]] && found=1; done
  [[ -n $found ]] || die "$user is not in MAILSTACK_USERS"
  lock
  [[ -s $DOVECOT_CONF && $(cat "$DIR/.fingerprint" 2>/dev/null) == "$(fingerprint)" ]] ||
    die "no stack with these settings in $DIR: run up first"
  uid=$(id -u "$MAIL_USER") gid=$(id -g "$MAIL_USER")
  # the home dovecot's userdb gives: $DIR/mail/DOMAIN/LOCAL (dovecot would make
  # it on first delivery, 0700 owned by the mail uid)
  home=$DIR/mail/${user#*@}/${user%@*}
  install -d -m 700 -o "$uid" -g "$gid" "$DIR/mail/${user#*@}" "$home"
  if [[ -z $file ]]; then
    rm -f "$home/.dovecot.sieve" "$home/.dovecot.svbin"
    log "sieve script of $user removed"
    return 0
  fi
  if [[ $file == - ]]; then
    cat >"$home/.dovecot.sieve.tmp"
  else
    [[ -r $file ]] || die "cannot read $file"
    cat -- "$file" >"$home/.dovecot.sieve.tmp"
  fi
  rm -f "$home/.dovecot.svbin"
  # compile as root (the config names root-only TLS keys), then hand it over;
  # a stale or missing .svbin would only be recompiled at delivery
  if ! out=$(sievec -c "$DOVECOT_CONF" "$home/.dovecot.sieve.tmp" "$home/.dovecot.svbin" 2>&1); then
    rm -f "$home/.dovecot.sieve.tmp" "$home/.dovecot.svbin"
    die "sievec rejected the script of $user: $out"
  fi
  chown "$uid:$gid" "$home/.dovecot.sieve.tmp" "$home/.dovecot.svbin"
  chmod 600 "$home/.dovecot.sieve.tmp" "$home/.dovecot.svbin"
  mv "$home/.dovecot.sieve.tmp" "$home/.dovecot.sieve"
  # the binary must not look older than its script, or it is compiled again
  touch -r "$home/.dovecot.sieve" "$home/.dovecot.svbin"
  log "sieve script of $user installed: $home/.dovecot.sieve"
}

cmd_env() {
  local k v
  for k in DIR HOST IMAP_PORT IMAPS_PORT SMTP_PORT SUBMISSION_PORT LMTP_PORT LMTP_SOCKET \
           CA_FILE MAILDIR_ROOT DOVECOT_CONFIG POSTFIX_CONFIG DOMAINS USERS PASSWORD \
           CATCHALL DELIVERY SIEVE; do
    case $k in
      SUBMISSION_PORT) v=$SUB_PORT ;;
      LMTP_SOCKET) v=$RUN/dovecot/lmtp ;;
      CA_FILE) v=$DIR/tls/ca.pem ;;
      MAILDIR_ROOT) v=$DIR/mail ;;
      DOVECOT_CONFIG) v=$DOVECOT_CONF ;;
      POSTFIX_CONFIG) v=$PF_CONF ;;
      *) v=${!k} ;;
    esac
    printf "MAILSTACK_%s='%s'\n" "$k" "${v//\'/\'\\\'\'}"
  done
  # only when on, so the output without DKIM is what it always was
  [[ -n $DKIM ]] || return 0
  for k in DKIM DNS_PORT DKIM_PORT DKIM_OTHER_PORT DKIM_REVOKED_PORT DKIM_DOMAIN DKIM_OTHER_DOMAIN; do
    printf "MAILSTACK_%s='%s'\n" "$k" "${!k}"
  done
}

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

case ${1:-} in
  install) cmd_install ;;
  up | start) cmd_up ;;
  down | stop) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  drain) cmd_drain "${2:-10}" ;;
  clear) cmd_clear ;;
  restart) cmd_down; cmd_up ;;
  stop-dovecot) cmd_stop_one dovecot ;;
  stop-postfix) cmd_stop_one postfix ;;
  start-dovecot) cmd_start_one dovecot ;;
  start-postfix) cmd_start_one postfix ;;
  wipe) cmd_down; rm -rf -- "$DIR" "$RUN" ;;
  sieve) shift; cmd_sieve "$@" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
