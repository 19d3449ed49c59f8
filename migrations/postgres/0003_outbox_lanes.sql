-- Which connections a queued mail goes over: 'reporters' (acknowledgments,
-- status answers, relayed answers, notices) or 'staff' (notifications and
-- confirmations to the desk's own people), and how soon within its lane:
-- priority 0 for an answer someone is waiting for (a status answer, a staff
-- member's confirmation), 1 for the rest. Each lane is read on its own, due
-- mail first, through an index, so picking the next mail costs the same with
-- ten pending mails or twenty thousand, and a status answer does not wait
-- behind a flood's acknowledgments.
ALTER TABLE outbox ADD COLUMN lane TEXT NOT NULL DEFAULT 'reporters';
ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 1;
UPDATE outbox SET lane = 'staff'
 WHERE message_id IN (SELECT id FROM messages
                       WHERE disposition IN ('staff-notification', 'staff-confirmation'));
UPDATE outbox SET priority = 0
 WHERE message_id IN (SELECT id FROM messages
                       WHERE disposition IN ('status', 'staff-confirmation'));
CREATE INDEX outbox_lane_due ON outbox (state, lane, priority, next_attempt_at);
