-- Which connections a queued mail goes over: 'reporters' (acknowledgments,
-- status answers, relayed answers, notices) or 'staff' (notifications and
-- confirmations to the desk's own people). Each lane is read on its own,
-- due mail first, through an index, so picking the next mail costs the same
-- with ten pending mails or twenty thousand.
ALTER TABLE outbox ADD COLUMN lane TEXT NOT NULL DEFAULT 'reporters';
UPDATE outbox SET lane = 'staff'
 WHERE message_id IN (SELECT id FROM messages
                       WHERE disposition IN ('staff-notification', 'staff-confirmation'));
CREATE INDEX outbox_lane_due ON outbox (state, lane, next_attempt_at);
