//! The statements that read the same on both databases, written once.
//!
//! `sqlx::query!` takes a string literal and checks it against the database
//! of the crate it is expanded in, so a constant or a function cannot share
//! SQL between the backends, but a `macro_rules!` can: each backend crate
//! invokes these macros inside its `StoreOps`/`BatchOps` impl, and every
//! statement is checked there against that backend's own schema (with its
//! own `.sqlx` metadata). What differs per backend (connecting, transactions,
//! lists of ids: `json_each` on SQLite, `= ANY` on PostgreSQL) stays in the
//! backend crates. The names used here (`Context`, the row types) are those
//! imported by the invoking crate.

/// The [`crate::StoreOps`] methods whose SQL is the same on both backends;
/// expects `self.pool`.
#[macro_export]
macro_rules! store_ops_shared {
    () => {
        async fn close(&self) {
            self.pool.close().await;
        }

        async fn mailbox_state(&self, mailbox: &str) -> Result<Option<MailboxState>, StoreError> {
            let row = sqlx::query!(
                "SELECT uid_validity, last_uid FROM mailboxes WHERE id = $1",
                mailbox
            )
            .fetch_optional(&self.pool)
            .await
            .doing("read the mailbox checkpoint")?;
            Ok(row.map(|r| MailboxState {
                uid_validity: r.uid_validity as u32,
                last_uid: r.last_uid as u32,
            }))
        }

        async fn next_outbox_due(&self) -> Result<Option<i64>, StoreError> {
            // mail another daemon is sending is not ours to wait for, and mail
            // in doubt is due when its wait for a copy ends, not before
            let row = sqlx::query!(
                r#"SELECT MIN(CASE WHEN doubt_until > next_attempt_at THEN doubt_until
                                   ELSE next_attempt_at END) AS "due: i64"
                     FROM outbox WHERE state = 'pending' AND claimed_by IS NULL"#
            )
            .fetch_one(&self.pool)
            .await
            .doing("read the outbox")?;
            Ok(row.due)
        }

        async fn mark_attempt_failed(
            &self,
            id: i64,
            error: &str,
            next_attempt_at: Option<i64>,
        ) -> Result<(), StoreError> {
            match next_attempt_at {
                Some(at) => {
                    sqlx::query!(
                        "UPDATE outbox SET state = 'pending', attempts = attempts + 1, last_error = $1,
                         next_attempt_at = $2, claimed_by = NULL, claimed_until = NULL,
                         doubt_until = NULL
                     WHERE id = $3",
                        error,
                        at,
                        id
                    )
                    .execute(&self.pool)
                    .await
                }
                None => {
                    sqlx::query!(
                        "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = $1,
                         claimed_by = NULL, claimed_until = NULL, doubt_until = NULL
                     WHERE id = $2",
                        error,
                        id
                    )
                    .execute(&self.pool)
                    .await
                }
            }
            .doing("record a failed delivery")?;
            Ok(())
        }

        async fn release_claims(
            &self,
            holder: Option<&str>,
            doubt_until: Option<i64>,
        ) -> Result<(), StoreError> {
            sqlx::query!(
                "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL, doubt_until = $2
                 WHERE state = 'pending' AND claimed_by IS NOT NULL
                   AND claimed_by = COALESCE($1, claimed_by)",
                holder,
                doubt_until
            )
            .execute(&self.pool)
            .await
            .doing("give back outbox claims")?;
            Ok(())
        }

        async fn reap_claims(&self, doubt_ms: i64) -> Result<u64, StoreError> {
            // a dead sender may have been inside an SMTP transaction: its mail
            // waits, in doubt, for the reader to look for its copy
            let done = sqlx::query!(
                "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL,
                     doubt_until = (SELECT now_ms FROM db_clock) + $1
                  WHERE state = 'pending' AND claimed_by IS NOT NULL
                    AND (claimed_until < (SELECT now_ms FROM db_clock)
                         OR claimed_by IN (SELECT id FROM daemons
                                            WHERE alive_until < (SELECT now_ms FROM db_clock)))",
                doubt_ms
            )
            .execute(&self.pool)
            .await
            .doing("take back a dead daemon's claims")?;
            Ok(done.rows_affected())
        }

        async fn acquire_lease(
            &self,
            name: &str,
            holder: &str,
            ttl_ms: i64,
        ) -> Result<Option<i64>, StoreError> {
            // the database's clock decides expiry, so machines whose clocks
            // disagree still agree on who holds the lease
            sqlx::query_scalar!(
                r#"INSERT INTO leases AS l (name, holder, token, expires_at, acquired_at)
                   VALUES ($1, $2, 1, (SELECT now_ms FROM db_clock) + $3, (SELECT now_ms FROM db_clock))
                   ON CONFLICT (name) DO UPDATE SET
                       token = CASE WHEN l.holder = excluded.holder THEN l.token ELSE l.token + 1 END,
                       acquired_at = CASE WHEN l.holder = excluded.holder THEN l.acquired_at
                                          ELSE excluded.acquired_at END,
                       holder = excluded.holder,
                       expires_at = excluded.expires_at
                    WHERE l.holder = excluded.holder OR l.expires_at < excluded.acquired_at
                       OR EXISTS (SELECT 1 FROM daemons d WHERE d.id = l.holder
                                   AND d.alive_until < excluded.acquired_at)
                   RETURNING token AS "token!: i64""#,
                name,
                holder,
                ttl_ms
            )
            .fetch_optional(&self.pool)
            .await
            .doing("take the lease")
        }

        async fn lease(&self, name: &str) -> Result<Option<LeaseView>, StoreError> {
            sqlx::query_as!(
                LeaseView,
                r#"SELECT holder, token,
                          expires_at - (SELECT now_ms FROM db_clock) AS "expires_in_ms!: i64"
                     FROM leases WHERE name = $1"#,
                name
            )
            .fetch_optional(&self.pool)
            .await
            .doing("read a lease")
        }

        async fn heartbeat(&self, d: &DaemonInfo, ttl_ms: i64) -> Result<(), StoreError> {
            sqlx::query!(
                "INSERT INTO daemons (id, host, pid, pid_space, started_at, alive_until)
                 VALUES ($1, $2, $3, $4, $5, (SELECT now_ms FROM db_clock) + $6)
                 ON CONFLICT (id) DO UPDATE SET alive_until = excluded.alive_until",
                d.id,
                d.host,
                d.pid,
                d.pid_space,
                d.started_at,
                ttl_ms
            )
            .execute(&self.pool)
            .await
            .doing("renew the daemon's heartbeat")?;
            Ok(())
        }

        async fn release_lease(&self, name: &str, holder: &str) -> Result<(), StoreError> {
            // the token stays: whoever takes it next counts on from it
            sqlx::query!(
                "UPDATE leases SET expires_at = 0 WHERE name = $1 AND holder = $2",
                name,
                holder
            )
            .execute(&self.pool)
            .await
            .doing("release a lease")?;
            Ok(())
        }

        async fn forget_daemon(&self, id: &str) -> Result<(), StoreError> {
            sqlx::query!(
                // with those dead for a day, unless a claim still names them
                "DELETE FROM daemons WHERE id = $1
                    OR (alive_until < (SELECT now_ms FROM db_clock) - 86400000
                        AND id NOT IN (SELECT claimed_by FROM outbox WHERE claimed_by IS NOT NULL))",
                id
            )
            .execute(&self.pool)
            .await
            .doing("unregister a daemon")?;
            Ok(())
        }

        async fn in_doubt(&self, limit: i64) -> Result<Vec<(i64, String)>, StoreError> {
            let rows = sqlx::query!(
                r#"SELECT o.id AS "id!", m.message_id AS "message_id!" FROM outbox o
                     JOIN messages m ON m.id = o.message_id
                    WHERE o.state = 'pending' AND o.doubt_until IS NOT NULL
                      AND m.message_id IS NOT NULL
                    ORDER BY o.id LIMIT $1"#,
                limit
            )
            .fetch_all(&self.pool)
            .await
            .doing("list mail in doubt")?;
            Ok(rows.into_iter().map(|r| (r.id, r.message_id)).collect())
        }

        async fn daemons_in(&self, pid_space: &str) -> Result<Vec<(String, i64)>, StoreError> {
            let rows = sqlx::query!(
                r#"SELECT id AS "id!", pid FROM daemons WHERE pid_space = $1 AND alive_until > 0"#,
                pid_space
            )
            .fetch_all(&self.pool)
            .await
            .doing("list this host's daemons")?;
            Ok(rows.into_iter().map(|r| (r.id, r.pid)).collect())
        }

        async fn mark_dead(&self, id: &str) -> Result<(), StoreError> {
            sqlx::query!("UPDATE daemons SET alive_until = 0 WHERE id = $1", id)
                .execute(&self.pool)
                .await
                .doing("mark a daemon dead")?;
            Ok(())
        }

        async fn ticket_detail(&self, number: &str) -> Result<Option<TicketDetail>, StoreError> {
            let Some(t) = sqlx::query_as!(
                TicketRow,
                r#"SELECT t.id AS "id!", t.number, t.state, t.kind, t.severity, t.priority, t.reporter,
                     t.subject, t.language, t.created_at, t.cve_ids, t.cvss_vector, t.cvss_version,
                     t.cvss_score, t.cvss_vectors, t.reported_score, t.description, t.remediation,
                     t.customer_message, t.missing, t.outcome, t.triage_due_at, t.owner,
                     p.number AS "merged_into?"
                 FROM tickets t LEFT JOIN tickets p ON p.id = t.merged_into WHERE t.number = $1"#,
                number
            )
            .fetch_optional(&self.pool)
            .await
            .doing("read a ticket")?
            else {
                return Ok(None);
            };
            let messages = sqlx::query_as!(
                MessageRow,
                r#"SELECT id AS "id!", direction, disposition, from_addr, to_addrs, subject,
                     message_id, created_at, body_text, auth, authenticity
                 FROM messages WHERE ticket_id = $1 ORDER BY id"#,
                t.id
            )
            .fetch_all(&self.pool)
            .await
            .doing("read a ticket's messages")?;
            let attachments = sqlx::query_as!(
                AttachmentRow,
                r#"SELECT a.id AS "id!", a.message_id, a.name, a.content_type, a.detected_type,
                     a.size, a.sha256, a.held_back,
                     EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = a.sha256) AS "stored!: bool"
                 FROM attachments a JOIN messages m ON m.id = a.message_id
                 WHERE m.ticket_id = $1 ORDER BY a.id"#,
                t.id
            )
            .fetch_all(&self.pool)
            .await
            .doing("read a ticket's attachments")?;
            // the reporter, staff who wrote on it (or own it), third parties
            let participants = sqlx::query_as!(
                ParticipantView,
                r#"SELECT address AS "address!", role AS "role!" FROM (
                     SELECT t.reporter AS address, 'reporter' AS role, 0 AS rank, 0 AS at
                       FROM tickets t WHERE t.id = $1
                     UNION
                     SELECT t.owner, 'staff', 1, 0 FROM tickets t WHERE t.id = $1 AND t.owner IS NOT NULL
                     UNION
                     SELECT m.from_addr, 'staff', 1, MIN(m.id) FROM messages m
                      WHERE m.ticket_id = $1 AND m.from_addr IS NOT NULL
                        AND m.disposition IN ('staff-reply', 'internal-note', 'staff-reply-rejected')
                      GROUP BY m.from_addr
                     UNION
                     SELECT p.address, p.role, 2, p.added_at FROM participants p WHERE p.ticket_id = $1
                   ) everyone ORDER BY rank, at, address"#,
                t.id
            )
            .fetch_all(&self.pool)
            .await
            .doing("read a ticket's participants")?;
            let merged = sqlx::query_scalar!(
                "SELECT number FROM tickets WHERE merged_into = $1 ORDER BY id",
                t.id
            )
            .fetch_all(&self.pool)
            .await
            .doing("read the tickets merged into a ticket")?;
            let relations = TicketRelations {
                participants: dedupe_participants(participants),
                merged,
            };
            Ok(Some(t.into_detail(
                relations,
                messages
                    .into_iter()
                    .map(|m| m.into_view(&attachments))
                    .collect(),
            )))
        }

        async fn ticket_history(&self, number: &str) -> Result<Option<Vec<EventView>>, StoreError> {
            let Some(id) = sqlx::query_scalar!(
                r#"SELECT id AS "id!" FROM tickets WHERE number = $1"#,
                number
            )
            .fetch_optional(&self.pool)
            .await
            .doing("find a ticket by number")?
            else {
                return Ok(None);
            };
            let events = sqlx::query_as!(
                EventRow,
                "SELECT at, actor, field, old_value, new_value FROM ticket_events
                 WHERE ticket_id = $1 ORDER BY id",
                id
            )
            .map(EventView::from)
            .fetch_all(&self.pool)
            .await
            .doing("read a ticket's history")?;
            Ok(Some(events))
        }

        async fn attachment(&self, id: i64) -> Result<Option<AttachmentView>, StoreError> {
            sqlx::query_as!(
                AttachmentRow,
                r#"SELECT a.id AS "id!", a.message_id, a.name, a.content_type, a.detected_type,
                     a.size, a.sha256, a.held_back,
                     EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = a.sha256) AS "stored!: bool"
                 FROM attachments a WHERE a.id = $1"#,
                id
            )
            .map(AttachmentView::from)
            .fetch_optional(&self.pool)
            .await
            .doing("read an attachment")
        }

        async fn attachment_by_sha256(
            &self,
            sha256: &str,
        ) -> Result<Option<AttachmentView>, StoreError> {
            sqlx::query_as!(
                AttachmentRow,
                r#"SELECT a.id AS "id!", a.message_id, a.name, a.content_type, a.detected_type,
                     a.size, a.sha256, a.held_back,
                     EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = a.sha256) AS "stored!: bool"
                 FROM attachments a WHERE a.sha256 = $1 ORDER BY a.id DESC LIMIT 1"#,
                sha256
            )
            .map(AttachmentView::from)
            .fetch_optional(&self.pool)
            .await
            .doing("read an attachment")
        }

        async fn blob(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
            sqlx::query_scalar!("SELECT bytes FROM blobs WHERE sha256 = $1", sha256)
                .fetch_optional(&self.pool)
                .await
                .doing("read an attachment's bytes")
        }

        async fn unthreaded_messages(&self, limit: i64) -> Result<Vec<FlaggedMessage>, StoreError> {
            let rows = sqlx::query!(
                r#"SELECT m.id AS "id!", m.disposition, m.reason, m.from_addr, m.subject,
                     t.number AS "number?", m.created_at
                 FROM messages m LEFT JOIN tickets t ON t.id = m.claimed_ticket_id
                 WHERE m.direction = 'in' AND m.ticket_id IS NULL ORDER BY m.id DESC LIMIT $1"#,
                limit
            )
            .fetch_all(&self.pool)
            .await
            .doing("list unthreaded mail")?;
            Ok(rows
                .into_iter()
                .map(|r| FlaggedMessage {
                    id: r.id,
                    disposition: r.disposition,
                    reason: r.reason,
                    from: r.from_addr,
                    subject: r.subject,
                    claimed_ticket: r.number,
                    at: rfc3339(r.created_at),
                })
                .collect())
        }

        async fn quarantined(&self, id: i64) -> Result<Option<QuarantinedMail>, StoreError> {
            let row = sqlx::query!(
                r#"SELECT id AS "id!", mailbox_id, uid, reason, raw, from_addr, subject, created_at
                 FROM messages WHERE id = $1 AND disposition = 'quarantined'"#,
                id
            )
            .fetch_optional(&self.pool)
            .await
            .doing("read a quarantined mail")?;
            Ok(row.map(|r| QuarantinedMail {
                id: r.id,
                mailbox_id: r.mailbox_id,
                uid: r.uid,
                reason: r.reason,
                raw: r.raw.unwrap_or_default(),
                from: r.from_addr,
                subject: r.subject,
                at: rfc3339(r.created_at),
            }))
        }

        async fn counts(&self) -> Result<Counts, StoreError> {
            let r = sqlx::query!(
                r#"SELECT (SELECT COUNT(*) FROM tickets) AS "tickets!: i64",
                        (SELECT COUNT(*) FROM messages WHERE direction = 'in') AS "incoming!: i64",
                        (SELECT COUNT(*) FROM outbox WHERE state = 'pending') AS "pending!: i64",
                        (SELECT COUNT(*) FROM outbox WHERE state = 'sent') AS "sent!: i64",
                        (SELECT COUNT(*) FROM outbox WHERE state = 'failed') AS "failed!: i64""#
            )
            .fetch_one(&self.pool)
            .await
            .doing("count rows")?;
            Ok(Counts {
                tickets: r.tickets,
                incoming: r.incoming,
                outbox_pending: r.pending,
                outbox_sent: r.sent,
                outbox_failed: r.failed,
            })
        }

        async fn outbox_stats(&self) -> Result<OutboxStats, StoreError> {
            let r = sqlx::query!(
                r#"SELECT COUNT(*) AS "pending!: i64", MIN(m.created_at) AS "oldest?: i64"
                     FROM outbox o JOIN messages m ON m.id = o.message_id
                    WHERE o.state = 'pending'"#
            )
            .fetch_one(&self.pool)
            .await
            .doing("measure the outbox")?;
            Ok(OutboxStats {
                pending: r.pending,
                oldest_queued_at: r.oldest,
            })
        }

        async fn status_link(&self, token_hash: &str) -> Result<Option<StatusLink>, StoreError> {
            sqlx::query_as!(
                StatusLink,
                r#"SELECT t.number, l.token_hash, l.expires_at, l.revoked_at
                     FROM status_links l JOIN tickets t ON t.id = l.ticket_id
                    WHERE l.token_hash = $1"#,
                token_hash
            )
            .fetch_optional(&self.pool)
            .await
            .doing("read a status link")
        }
    };
}

/// The [`crate::BatchOps`] methods whose SQL is the same on both backends;
/// expects `self.tx`.
#[macro_export]
macro_rules! batch_ops_shared {
    () => {
        async fn release_quarantined(&mut self, id: i64) -> Result<(), StoreError> {
            sqlx::query!(
                "UPDATE messages SET disposition = 'quarantine-retried', dedupe_key = NULL
                 WHERE id = $1 AND disposition = 'quarantined'",
                id
            )
            .execute(&mut *self.tx)
            .await
            .doing("release a quarantined mail")?;
            Ok(())
        }

        async fn ticket_by_number(&mut self, number: &str) -> Result<Option<TicketRef>, StoreError> {
            sqlx::query_as!(
                TicketRef,
                r#"SELECT t.id AS "id!", t.number, t.reporter, t.state, t.language, t.subject,
                     t.kind, t.severity, t.severity_source, t.priority, t.priority_source, t.outcome,
                     t.customer_message, t.triage_due_at, t.triaged_at, t.updated_at, t.owner, t.merged_into
                 FROM tickets t
                 WHERE t.id = (SELECT COALESCE(s.merged_into, s.id) FROM tickets s WHERE s.number = $1)"#,
                number
            )
            .fetch_optional(&mut *self.tx)
            .await
            .doing("find a ticket by number")
        }

        async fn insert_ticket(&mut self, t: &NewTicket<'_>) -> Result<Option<i64>, StoreError> {
            let row = sqlx::query!(
                r#"INSERT INTO tickets (desk, number, state, kind, language, severity, priority,
                     reporter, subject, description, remediation, customer_message, cve_ids,
                     cvss_vector, cvss_version, cvss_score, reported_score, missing, created_at,
                     updated_at, severity_source, triage_due_at, triage_remind_at, triaged_at,
                     cvss_vectors)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                     $18, $19, $19, $20, $21, $22, $23, $24)
                 ON CONFLICT (number) DO NOTHING RETURNING id AS "id!""#,
                t.desk,
                t.number,
                t.state,
                t.kind,
                t.language,
                t.severity,
                t.priority,
                t.reporter,
                t.subject,
                t.description,
                t.remediation,
                t.customer_message,
                t.cve_ids,
                t.cvss_vector,
                t.cvss_version,
                t.cvss_score,
                t.reported_score,
                t.missing,
                t.now,
                t.severity_source,
                t.triage_due_at,
                t.triage_remind_at,
                t.triaged_at,
                t.cvss_vectors
            )
            .fetch_optional(&mut *self.tx)
            .await
            .doing("create a ticket")?;
            Ok(row.map(|r| r.id))
        }

        async fn update_ticket(
            &mut self,
            ticket_id: i64,
            change: &TicketUpdate<'_>,
            now: i64,
        ) -> Result<(), StoreError> {
            sqlx::query!(
                "UPDATE tickets SET state = COALESCE($1, state), severity = COALESCE($2, severity),
                     severity_source = COALESCE($3, severity_source), priority = COALESCE($4, priority),
                     priority_source = COALESCE($5, priority_source), outcome = COALESCE($6, outcome),
                     customer_message = COALESCE($7, customer_message),
                     triaged_at = COALESCE(triaged_at, $8), updated_at = $9
                 WHERE id = $10",
                change.state,
                change.severity,
                change.severity_source,
                change.priority,
                change.priority_source,
                change.outcome,
                change.customer_message,
                change.triaged_at,
                now,
                ticket_id
            )
            .execute(&mut *self.tx)
            .await
            .doing("update a ticket")?;
            Ok(())
        }

        async fn reporter_thread(
            &mut self,
            ticket_id: i64,
            limit: i64,
        ) -> Result<Vec<String>, StoreError> {
            let mut ids = sqlx::query_scalar!(
                r#"SELECT message_id AS "message_id!" FROM messages
                 WHERE ticket_id = $1 AND message_id IS NOT NULL
                   AND disposition IN ('report', 'follow-up', 'ack', 'relay', 'reporter-update', 'status')
                 ORDER BY id DESC LIMIT $2"#,
                ticket_id,
                limit
            )
            .fetch_all(&mut *self.tx)
            .await
            .doing("read a ticket's thread")?;
            ids.reverse();
            Ok(ids)
        }

        async fn rate_events(
            &mut self,
            address: &str,
            kind: &str,
            since: i64,
        ) -> Result<i64, StoreError> {
            sqlx::query_scalar!(
                r#"SELECT COUNT(*) AS "n!: i64" FROM rate_events
                 WHERE address = $1 AND kind = $2 AND at >= $3"#,
                address,
                kind,
                since
            )
            .fetch_one(&mut *self.tx)
            .await
            .doing("count automatic answers")
        }

        async fn rate_events_total(&mut self, kind: &str, since: i64) -> Result<i64, StoreError> {
            sqlx::query_scalar!(
                r#"SELECT COUNT(*) AS "n!: i64" FROM rate_events WHERE kind = $1 AND at >= $2"#,
                kind,
                since
            )
            .fetch_one(&mut *self.tx)
            .await
            .doing("count automatic answers")
        }

        async fn record_rate_event(
            &mut self,
            address: &str,
            kind: &str,
            now: i64,
        ) -> Result<(), StoreError> {
            sqlx::query!(
                "INSERT INTO rate_events (address, kind, at) VALUES ($1, $2, $3)",
                address,
                kind,
                now
            )
            .execute(&mut *self.tx)
            .await
            .doing("record an automatic answer")?;
            Ok(())
        }

        async fn pgp_key(&mut self, address: &str) -> Result<Option<String>, StoreError> {
            sqlx::query_scalar!(
                "SELECT armored FROM pgp_keys WHERE address = $1",
                address
            )
            .fetch_optional(&mut *self.tx)
            .await
            .doing("read a stored OpenPGP key")
        }

        async fn remember_pgp_key(
            &mut self,
            address: &str,
            fingerprint: &str,
            armored: &str,
            now: i64,
        ) -> Result<(), StoreError> {
            sqlx::query!(
                "INSERT INTO pgp_keys (address, fingerprint, armored, updated_at)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (address) DO UPDATE SET fingerprint = excluded.fingerprint,
                   armored = excluded.armored, updated_at = excluded.updated_at",
                address,
                fingerprint,
                armored,
                now
            )
            .execute(&mut *self.tx)
            .await
            .doing("store an OpenPGP key")?;
            Ok(())
        }

        async fn prune_rate_events(&mut self, before: i64) -> Result<(), StoreError> {
            sqlx::query!("DELETE FROM rate_events WHERE at < $1", before)
                .execute(&mut *self.tx)
                .await
                .doing("prune old rate events")?;
            Ok(())
        }

        async fn triage_due(&mut self, now: i64, reminder: bool) -> Result<Vec<TicketRef>, StoreError> {
            if reminder {
                sqlx::query_as!(
                    TicketRef,
                    r#"SELECT t.id AS "id!", t.number, t.reporter, t.state, t.language, t.subject,
                         t.kind, t.severity, t.severity_source, t.priority, t.priority_source,
                         t.outcome, t.customer_message, t.triage_due_at, t.triaged_at, t.updated_at, t.owner, t.merged_into
                     FROM tickets t
                     WHERE t.triaged_at IS NULL AND t.state <> 'closed' AND t.reminded_at IS NULL
                       AND t.triage_remind_at IS NOT NULL AND t.triage_remind_at <= $1
                     ORDER BY t.triage_remind_at LIMIT 500"#,
                    now
                )
                .fetch_all(&mut *self.tx)
                .await
            } else {
                sqlx::query_as!(
                    TicketRef,
                    r#"SELECT t.id AS "id!", t.number, t.reporter, t.state, t.language, t.subject,
                         t.kind, t.severity, t.severity_source, t.priority, t.priority_source,
                         t.outcome, t.customer_message, t.triage_due_at, t.triaged_at, t.updated_at, t.owner, t.merged_into
                     FROM tickets t
                     WHERE t.triaged_at IS NULL AND t.state <> 'closed' AND t.overdue_notified_at IS NULL
                       AND t.triage_due_at IS NOT NULL AND t.triage_due_at <= $1
                     ORDER BY t.triage_due_at LIMIT 500"#,
                    now
                )
                .fetch_all(&mut *self.tx)
                .await
            }
            .doing("find tickets whose triage is due")
        }

        async fn mark_triage_told(
            &mut self,
            ticket_id: i64,
            reminder: bool,
            now: i64,
        ) -> Result<(), StoreError> {
            if reminder {
                sqlx::query!(
                    "UPDATE tickets SET reminded_at = $1 WHERE id = $2",
                    now,
                    ticket_id
                )
                .execute(&mut *self.tx)
                .await
            } else {
                sqlx::query!(
                    "UPDATE tickets SET overdue_notified_at = $1, reminded_at = COALESCE(reminded_at, $1)
                     WHERE id = $2",
                    now,
                    ticket_id
                )
                .execute(&mut *self.tx)
                .await
            }
            .doing("record a triage reminder")?;
            Ok(())
        }

        async fn insert_message(&mut self, m: &NewMessage<'_>) -> Result<i64, StoreError> {
            let uid = m.uid.map(i64::from);
            sqlx::query_scalar!(
                r#"INSERT INTO messages (ticket_id, claimed_ticket_id, direction, disposition, reason,
                     dedupe_key, mailbox_id, uid, message_id, from_addr, to_addrs, subject, body_text,
                     raw, created_at, auth, authenticity)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
                 RETURNING id AS "id!""#,
                m.ticket_id,
                m.claimed_ticket_id,
                m.direction,
                m.disposition,
                m.reason,
                m.dedupe_key,
                m.mailbox_id,
                uid,
                m.message_id,
                m.from_addr,
                m.to_addrs,
                m.subject,
                m.body_text,
                m.raw,
                m.now,
                m.auth,
                m.authenticity
            )
            .fetch_one(&mut *self.tx)
            .await
            .doing("store a message")
        }

        async fn insert_attachment(
            &mut self,
            message_row: i64,
            a: &NewAttachment<'_>,
        ) -> Result<i64, StoreError> {
            sqlx::query!(
                "INSERT INTO blobs (sha256, size, bytes, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (sha256) DO NOTHING",
                a.sha256,
                a.size,
                a.bytes,
                a.now
            )
            .execute(&mut *self.tx)
            .await
            .doing("store an attachment's bytes")?;
            sqlx::query_scalar!(
                r#"INSERT INTO attachments (message_id, name, content_type, detected_type, held_back,
                     size, sha256)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id AS "id!""#,
                message_row,
                a.name,
                a.content_type,
                a.detected_type,
                a.held_back,
                a.size,
                a.sha256
            )
            .fetch_one(&mut *self.tx)
            .await
            .doing("store an attachment's facts")
        }

        async fn enqueue(&mut self, mail: &NewOutboxMail<'_>) -> Result<(), StoreError> {
            let lane = mail.lane.as_str();
            sqlx::query!(
                "INSERT INTO outbox
                 (message_id, envelope_from, recipients, state, attempts, next_attempt_at, lane, priority)
                 VALUES ($1, $2, $3, 'pending', 0, $4, $5, $6)",
                mail.message_row,
                mail.envelope_from,
                mail.recipients,
                mail.now,
                lane,
                mail.priority
            )
            .execute(&mut *self.tx)
            .await
            .doing("queue outgoing mail")?;
            Ok(())
        }

        async fn add_status_link(
            &mut self,
            ticket_id: i64,
            token_hash: &str,
            now: i64,
            expires_at: i64,
        ) -> Result<(), StoreError> {
            sqlx::query!(
                "INSERT INTO status_links (ticket_id, token_hash, created_at, expires_at)
                 VALUES ($1, $2, $3, $4)",
                ticket_id,
                token_hash,
                now,
                expires_at
            )
            .execute(&mut *self.tx)
            .await
            .doing("keep a status link")?;
            Ok(())
        }

        async fn revoke_status_links(&mut self, ticket_id: i64, now: i64) -> Result<u64, StoreError> {
            Ok(sqlx::query!(
                "UPDATE status_links SET revoked_at = $2
                  WHERE ticket_id = $1 AND revoked_at IS NULL AND expires_at > $2",
                ticket_id,
                now
            )
            .execute(&mut *self.tx)
            .await
            .doing("revoke status links")?
            .rows_affected())
        }

        async fn participants(&mut self, ticket_id: i64) -> Result<Vec<Participant>, StoreError> {
            sqlx::query_as!(
                Participant,
                "SELECT address, role, added_by, added_at FROM participants
                 WHERE ticket_id = $1 ORDER BY added_at, address",
                ticket_id
            )
            .fetch_all(&mut *self.tx)
            .await
            .doing("read a ticket's participants")
        }

        async fn add_participant(
            &mut self,
            ticket_id: i64,
            address: &str,
            role: &str,
            added_by: Option<&str>,
            now: i64,
        ) -> Result<bool, StoreError> {
            let done = sqlx::query!(
                "INSERT INTO participants (ticket_id, address, role, added_by, added_at)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (ticket_id, address) DO NOTHING",
                ticket_id,
                address,
                role,
                added_by,
                now
            )
            .execute(&mut *self.tx)
            .await
            .doing("add a participant")?;
            Ok(done.rows_affected() > 0)
        }

        async fn remove_participant(
            &mut self,
            ticket_id: i64,
            address: &str,
        ) -> Result<bool, StoreError> {
            let done = sqlx::query!(
                "DELETE FROM participants WHERE ticket_id = $1 AND address = $2",
                ticket_id,
                address
            )
            .execute(&mut *self.tx)
            .await
            .doing("remove a participant")?;
            Ok(done.rows_affected() > 0)
        }

        async fn set_owner(
            &mut self,
            ticket_id: i64,
            owner: Option<&str>,
            now: i64,
        ) -> Result<(), StoreError> {
            sqlx::query!(
                "UPDATE tickets SET owner = $1, updated_at = $2 WHERE id = $3",
                owner,
                now,
                ticket_id
            )
            .execute(&mut *self.tx)
            .await
            .doing("set a ticket's owner")?;
            Ok(())
        }

        async fn record_event(&mut self, ticket_id: i64, e: &NewEvent<'_>) -> Result<(), StoreError> {
            sqlx::query!(
                "INSERT INTO ticket_events (ticket_id, at, actor, field, old_value, new_value)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                ticket_id,
                e.now,
                e.actor,
                e.field,
                e.old_value,
                e.new_value
            )
            .execute(&mut *self.tx)
            .await
            .doing("record a ticket's change")?;
            Ok(())
        }

        async fn merge_ticket(&mut self, from: i64, into: i64, now: i64) -> Result<(), StoreError> {
            // messages (with their attachments) move; so do participants,
            // and the merged ticket's reporter joins as one
            sqlx::query!("UPDATE messages SET ticket_id = $1 WHERE ticket_id = $2", into, from)
                .execute(&mut *self.tx)
                .await
                .doing("move a merged ticket's messages")?;
            sqlx::query!(
                "INSERT INTO participants (ticket_id, address, role, added_by, added_at)
                 SELECT $1, address, role, added_by, added_at FROM participants WHERE ticket_id = $2
                 ON CONFLICT (ticket_id, address) DO NOTHING",
                into,
                from
            )
            .execute(&mut *self.tx)
            .await
            .doing("move a merged ticket's participants")?;
            sqlx::query!(
                "INSERT INTO participants (ticket_id, address, role, added_by, added_at)
                 SELECT $1, f.reporter, 'reporter', NULL, $3 FROM tickets f, tickets i
                  WHERE f.id = $2 AND i.id = $1 AND lower(f.reporter) <> lower(i.reporter)
                 ON CONFLICT (ticket_id, address) DO NOTHING",
                into,
                from,
                now
            )
            .execute(&mut *self.tx)
            .await
            .doing("add a merged ticket's reporter")?;
            sqlx::query!("DELETE FROM participants WHERE ticket_id = $1", from)
                .execute(&mut *self.tx)
                .await
                .doing("move a merged ticket's participants")?;
            // tickets merged into the merged one now point at the target, so
            // every number resolves in one step
            sqlx::query!(
                "UPDATE tickets SET merged_into = $1, updated_at = $3 WHERE id = $2 OR merged_into = $2",
                into,
                from,
                now
            )
            .execute(&mut *self.tx)
            .await
            .doing("mark a ticket as merged")?;
            Ok(())
        }

        async fn set_mailbox_state(
            &mut self,
            mailbox: &str,
            state: MailboxState,
            now: i64,
        ) -> Result<(), StoreError> {
            let (validity, last) = (i64::from(state.uid_validity), i64::from(state.last_uid));
            sqlx::query!(
                "INSERT INTO mailboxes (id, uid_validity, last_uid, updated_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (id) DO UPDATE SET uid_validity = excluded.uid_validity,
                     last_uid = excluded.last_uid, updated_at = excluded.updated_at",
                mailbox,
                validity,
                last,
                now
            )
            .execute(&mut *self.tx)
            .await
            .doing("save the mailbox checkpoint")?;
            Ok(())
        }

        async fn sent_raw(&mut self, message_id: &str) -> Result<Option<Vec<u8>>, StoreError> {
            let row = sqlx::query!(
                "SELECT raw FROM messages WHERE message_id = $1 AND direction = 'out'
                 ORDER BY id DESC LIMIT 1",
                message_id
            )
            .fetch_optional(&mut *self.tx)
            .await
            .doing("read a sent mail")?;
            Ok(row.and_then(|r| r.raw))
        }

        async fn confirm_sent(&mut self, message_id: &str, now: i64) -> Result<Vec<i64>, StoreError> {
            let rows = sqlx::query!(
                r#"UPDATE outbox SET state = 'sent', sent_at = COALESCE(sent_at, $2),
                     claimed_by = NULL, claimed_until = NULL, doubt_until = NULL
                  WHERE state <> 'sent' AND message_id IN (
                    SELECT id FROM messages WHERE message_id = $1 AND direction = 'out')
                  RETURNING id AS "id!""#,
                message_id,
                now
            )
            .fetch_all(&mut *self.tx)
            .await
            .doing("mark a mail whose copy was found as sent")?;
            Ok(rows.into_iter().map(|r| r.id).collect())
        }

        async fn commit(self) -> Result<(), StoreError> {
            self.tx.commit().await.doing("commit a batch")
        }
    };
}
