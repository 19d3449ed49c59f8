//! The triage clock: when priority and severity are due, and when to remind.
//!
//! The desk promises to triage a report "within one business day of
//! receipt". Business time runs only on business days (a configured working
//! weekday that is not a holiday) between the opening and closing times, read
//! on the local wall clock of the desk's time zone. The triage deadline is
//! the moment the desk has been open for one full business day (closing
//! minus opening, nine hours by default) since receipt. In plain words:
//!
//! | received                                         | due                                   |
//! |--------------------------------------------------|---------------------------------------|
//! | during business hours (after opening)            | same clock time, next business day    |
//! | on a business day, before or exactly at opening  | closing time the same day             |
//! | at or after closing, or on a non-business day    | closing time of the next business day |
//!
//! So with Mon–Fri 09:00–18:00: Friday 17:00 is due Monday 17:00, Saturday
//! 10:00 is due Monday 18:00, Tuesday 07:00 is due Tuesday 18:00, Tuesday
//! 09:00 (the opening instant) is due Tuesday 18:00 and Tuesday 18:00 (the
//! closing instant) is due Wednesday 18:00. Where the deadline could be
//! written either as a closing time or as the next opening time (the same
//! point in business time), it is the closing time: the earlier wall-clock
//! instant, while someone is still at work.
//!
//! Business time is counted on the local wall clock, so a business day is
//! always closing minus opening long and the deadline keeps its local clock
//! time across a DST change (Friday 10:00 CET is due Monday 10:00 CEST,
//! 71 real hours later). When a deadline or reminder falls on a local time
//! that does not exist (skipped when clocks go forward), it moves forward by
//! the length of the gap (02:30 becomes 03:30, as RFC 5545 and JavaScript's
//! Temporal do); when it falls on a local time that occurs twice (clocks go
//! back), it is the first occurrence, the earlier instant.
//!
//! Holidays are local dates in the desk's time zone. The calendar is plain
//! data and every function here is pure: the daemon passes the current time.

use std::collections::BTreeSet;

use chrono::{
    DateTime, Datelike, MappedLocalTime, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta,
    TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;

/// Working days when the config names none: Monday to Friday.
pub const DEFAULT_WORKING_DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri"];
/// Opening time when the config names none.
pub const DEFAULT_OPENS: &str = "09:00";
/// Closing time when the config names none.
pub const DEFAULT_CLOSES: &str = "18:00";

/// Why a business calendar could not be built from the config. Each message
/// names the value that is wrong and what was expected instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error(
        "unknown time zone {value:?}: expected an IANA time zone name such as \"Europe/Rome\" or \"America/New_York\""
    )]
    UnknownTimeZone { value: String },
    #[error(
        "unknown working day {value:?}: expected mon, tue, wed, thu, fri, sat or sun (or the full English name)"
    )]
    UnknownWeekday { value: String },
    #[error(
        "no working days: list at least one of mon, tue, wed, thu, fri, sat, sun, or the triage deadline never falls due"
    )]
    NoWorkingDays,
    #[error("holiday {value:?} is not a date: expected YYYY-MM-DD, such as \"2026-12-25\"")]
    BadHoliday { value: String },
    #[error(
        "business hours {which} {value:?} is not a time of day: expected HH:MM from 00:00 to 23:59 (the end may also be 24:00)"
    )]
    BadTime { which: &'static str, value: String },
    #[error(
        "business hours end {end:?} is not after start {start:?}: expected an opening time before the closing time on the same day, such as 09:00 and 18:00"
    )]
    EmptyHours { start: String, end: String },
}

/// When the desk is open: a time zone, working weekdays, holidays and daily
/// opening hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessCalendar {
    /// Business hours and holidays are local to the desk, not to UTC.
    tz: Tz,
    /// Indexed by days from Monday; at least one is true, so a business day
    /// always comes (holidays are finite).
    working_days: [bool; 7],
    /// Local dates on which the desk is closed although it is a working day.
    holidays: BTreeSet<NaiveDate>,
    /// Opening time as an offset from local midnight.
    opens: TimeDelta,
    /// Closing time as an offset from local midnight; up to 24 h, so a desk
    /// can be open all day.
    closes: TimeDelta,
}

impl BusinessCalendar {
    /// Builds a calendar from config values: an IANA time zone name, working
    /// days (`"mon"` to `"sun"`, case-insensitive; full names work too),
    /// holidays as `YYYY-MM-DD`, and opening and closing times as `HH:MM`
    /// (closing may be `24:00`). See [`DEFAULT_WORKING_DAYS`],
    /// [`DEFAULT_OPENS`] and [`DEFAULT_CLOSES`] for the defaults.
    pub fn new(
        tz: &str,
        working_days: &[&str],
        holidays: &[&str],
        start: &str,
        end: &str,
    ) -> Result<BusinessCalendar, CalendarError> {
        let tz: Tz = tz
            .trim()
            .parse()
            .map_err(|_| CalendarError::UnknownTimeZone {
                value: tz.to_owned(),
            })?;
        let mut days = [false; 7];
        for &day in working_days {
            let weekday: Weekday =
                day.trim()
                    .parse()
                    .map_err(|_| CalendarError::UnknownWeekday {
                        value: day.to_owned(),
                    })?;
            days[weekday.num_days_from_monday() as usize] = true;
        }
        if !days.contains(&true) {
            return Err(CalendarError::NoWorkingDays);
        }
        let holidays = holidays
            .iter()
            .map(|&value| {
                NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
                    CalendarError::BadHoliday {
                        value: value.to_owned(),
                    }
                })
            })
            .collect::<Result<BTreeSet<_>, _>>()?;
        let opens = parse_time_of_day(start, false).ok_or_else(|| CalendarError::BadTime {
            which: "start",
            value: start.to_owned(),
        })?;
        let closes = parse_time_of_day(end, true).ok_or_else(|| CalendarError::BadTime {
            which: "end",
            value: end.to_owned(),
        })?;
        if closes <= opens {
            return Err(CalendarError::EmptyHours {
                start: start.to_owned(),
                end: end.to_owned(),
            });
        }
        Ok(BusinessCalendar {
            tz,
            working_days: days,
            holidays,
            opens,
            closes,
        })
    }

    /// Whether the desk works on this local date: a working weekday that is
    /// not a holiday.
    /// A time as the desk's staff read it: `2026-11-26 17:00 CET`.
    pub fn local_text(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.tz)
            .format("%Y-%m-%d %H:%M %Z")
            .to_string()
    }

    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        self.working_days[date.weekday().num_days_from_monday() as usize]
            && !self.holidays.contains(&date)
    }

    /// When triage of a report received at `received` is due: after one full
    /// business day of business time (see the module documentation).
    pub fn triage_due(&self, received: DateTime<Utc>) -> DateTime<Utc> {
        let local = received.with_timezone(&self.tz).naive_local();
        let date = local.date();
        let clock = local.time() - NaiveTime::MIN;
        let due = if self.is_business_day(date) && clock <= self.opens {
            at(date, self.closes)
        } else if self.is_business_day(date) && clock < self.closes {
            at(self.next_business_day(date), clock)
        } else {
            at(self.next_business_day(date), self.closes)
        };
        self.resolve(due)
    }

    /// When to remind staff of a deadline: `lead` of business time before
    /// `due`, so a reminder never fires at night or on a weekend (a two-hour
    /// lead on a deadline of Monday 10:00 fires Friday 17:00, while staff
    /// can still act). A zero or negative lead reminds at `due`. Keep `lead`
    /// below one business day, or the reminder may come before receipt.
    pub fn reminder_at(&self, due: DateTime<Utc>, lead: TimeDelta) -> DateTime<Utc> {
        if lead <= TimeDelta::zero() {
            return due;
        }
        let due_local = due.with_timezone(&self.tz).naive_local();
        let mut remaining = lead;
        let mut day = due_local.date();
        loop {
            if self.is_business_day(day) {
                let opens = at(day, self.opens);
                let counted_until = at(day, self.closes).min(due_local);
                if counted_until > opens {
                    let open_time = counted_until - opens;
                    if remaining <= open_time {
                        return self.resolve(counted_until - remaining);
                    }
                    remaining -= open_time;
                }
            }
            match day.pred_opt() {
                Some(previous) => day = previous,
                None => return DateTime::<Utc>::MIN_UTC,
            }
        }
    }

    /// The first business day after `date`.
    fn next_business_day(&self, date: NaiveDate) -> NaiveDate {
        // Terminates: at least one weekday works and holidays are finite.
        date.iter_days()
            .skip(1)
            .find(|day| self.is_business_day(*day))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The instant of a local wall-clock time (see the module documentation
    /// for skipped and repeated local times).
    fn resolve(&self, local: NaiveDateTime) -> DateTime<Utc> {
        match self.tz.from_local_datetime(&local) {
            MappedLocalTime::Single(instant) => instant.with_timezone(&Utc),
            MappedLocalTime::Ambiguous(first, _) => first.with_timezone(&Utc),
            MappedLocalTime::None => self.resolve_skipped(local),
        }
    }

    /// A local time in a gap, read with the UTC offset in force just before
    /// the gap: that moves it forward by the gap's length.
    fn resolve_skipped(&self, local: NaiveDateTime) -> DateTime<Utc> {
        // Gaps are at most a day long (Samoa skipped 2011-12-30).
        let offset_before = (1..=48).find_map(|hours| {
            self.tz
                .from_local_datetime(&(local - TimeDelta::hours(hours)))
                .latest()
                .map(|instant| instant.offset().fix())
        });
        match offset_before {
            Some(offset) => Utc.from_utc_datetime(&(local - offset)),
            None => Utc.from_utc_datetime(&local),
        }
    }
}

/// Where a ticket stands against its triage deadline, for the daemon's timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriageClock {
    /// Before the reminder time: nothing to do yet.
    NotDue,
    /// The reminder time has come; the deadline has not passed.
    ReminderDue,
    /// The deadline has passed (or is now).
    Overdue,
}

/// Where a ticket stands at `now`, given its deadline and its reminder time
/// (from [`BusinessCalendar::triage_due`] and
/// [`BusinessCalendar::reminder_at`]). Takes the reminder instant rather than
/// the lead because the lead is business time and only the calendar can
/// subtract it; the daemon also needs the instant to arm its timer.
pub fn triage_state(
    now: DateTime<Utc>,
    due: DateTime<Utc>,
    reminder_at: DateTime<Utc>,
) -> TriageClock {
    if now >= due {
        TriageClock::Overdue
    } else if now >= reminder_at {
        TriageClock::ReminderDue
    } else {
        TriageClock::NotDue
    }
}

/// `date` at `offset` past local midnight; an offset of 24 h is the next
/// midnight. Saturates at the end of chrono's range.
fn at(date: NaiveDate, offset: TimeDelta) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
        .checked_add_signed(offset)
        .unwrap_or(NaiveDateTime::MAX)
}

/// Reads `HH:MM` (one or two digits for the hour) as an offset from
/// midnight; `24:00` only where `allow_midnight_end`.
fn parse_time_of_day(text: &str, allow_midnight_end: bool) -> Option<TimeDelta> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let is_number = |s: &str, max_len| {
        !s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !is_number(hours, 2) || minutes.len() != 2 || !is_number(minutes, 2) {
        return None;
    }
    let hours: i64 = hours.parse().ok()?;
    let minutes: i64 = minutes.parse().ok()?;
    let valid = (hours < 24 && minutes < 60) || (allow_midnight_end && hours == 24 && minutes == 0);
    valid.then(|| TimeDelta::hours(hours) + TimeDelta::minutes(minutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MON_FRI: &[&str] = DEFAULT_WORKING_DAYS;

    fn calendar(tz: &str, days: &[&str], holidays: &[&str]) -> BusinessCalendar {
        BusinessCalendar::new(tz, days, holidays, DEFAULT_OPENS, DEFAULT_CLOSES)
            .expect("test calendar is valid")
    }

    fn rome() -> BusinessCalendar {
        calendar("Europe/Rome", MON_FRI, &[])
    }

    /// The instant of a local wall-clock time `YYYY-MM-DD HH:MM` in `tz`
    /// (which must exist and be unambiguous).
    fn local(tz: &str, text: &str) -> DateTime<Utc> {
        let tz: Tz = tz.parse().expect("test time zone");
        let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("test time");
        tz.from_local_datetime(&naive)
            .single()
            .expect("test time exists once")
            .with_timezone(&Utc)
    }

    fn rome_at(text: &str) -> DateTime<Utc> {
        local("Europe/Rome", text)
    }

    fn utc(text: &str) -> DateTime<Utc> {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
            .expect("test time")
            .and_utc()
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    // 2026-06-01 is a Monday; 2026-06-05 a Friday.

    #[test]
    fn received_in_business_hours_is_due_same_time_next_business_day() {
        let cal = rome();
        assert_eq!(
            cal.triage_due(rome_at("2026-06-02 14:30")),
            rome_at("2026-06-03 14:30")
        );
    }

    #[test]
    fn received_friday_afternoon_is_due_monday_same_time() {
        let cal = rome();
        assert_eq!(
            cal.triage_due(rome_at("2026-06-05 17:00")),
            rome_at("2026-06-08 17:00")
        );
    }

    #[test]
    fn received_on_saturday_is_due_at_closing_of_monday() {
        let cal = rome();
        assert_eq!(
            cal.triage_due(rome_at("2026-06-06 10:00")),
            rome_at("2026-06-08 18:00")
        );
    }

    #[test]
    fn received_on_sunday_night_is_due_at_closing_of_monday() {
        let cal = rome();
        assert_eq!(
            cal.triage_due(rome_at("2026-06-07 23:59")),
            rome_at("2026-06-08 18:00")
        );
    }

    #[test]
    fn received_before_opening_is_due_at_closing_the_same_day() {
        let cal = rome();
        assert_eq!(
            cal.triage_due(rome_at("2026-06-02 07:00")),
            rome_at("2026-06-02 18:00")
        );
    }

    #[test]
    fn received_exactly_at_opening_is_due_at_closing_the_same_day() {
        let cal = rome();
        assert_eq!(
            cal.triage_due(rome_at("2026-06-02 09:00")),
            rome_at("2026-06-02 18:00")
        );
    }

    #[test]
    fn received_just_after_opening_is_due_next_business_day() {
        let cal = rome();
        let received = rome_at("2026-06-02 09:00") + TimeDelta::seconds(1);
        assert_eq!(
            cal.triage_due(received),
            rome_at("2026-06-03 09:00") + TimeDelta::seconds(1)
        );
    }

    #[test]
    fn received_exactly_at_closing_is_due_at_closing_next_business_day() {
        let cal = rome();
        assert_eq!(
            cal.triage_due(rome_at("2026-06-02 18:00")),
            rome_at("2026-06-03 18:00")
        );
        assert_eq!(
            cal.triage_due(rome_at("2026-06-05 18:00")),
            rome_at("2026-06-08 18:00")
        );
    }

    #[test]
    fn received_just_before_closing_is_due_just_before_closing_next_business_day() {
        let cal = rome();
        let received = rome_at("2026-06-02 18:00") - TimeDelta::seconds(1);
        assert_eq!(
            cal.triage_due(received),
            rome_at("2026-06-03 18:00") - TimeDelta::seconds(1)
        );
    }

    #[test]
    fn received_after_closing_is_due_at_closing_next_business_day() {
        let cal = rome();
        assert_eq!(
            cal.triage_due(rome_at("2026-06-02 21:15")),
            rome_at("2026-06-03 18:00")
        );
    }

    #[test]
    fn holiday_is_skipped_like_a_weekend() {
        // 2026-06-02 (Tuesday) is Festa della Repubblica.
        let cal = calendar("Europe/Rome", MON_FRI, &["2026-06-02"]);
        assert!(!cal.is_business_day(date("2026-06-02")));
        assert_eq!(
            cal.triage_due(rome_at("2026-06-01 11:00")),
            rome_at("2026-06-03 11:00")
        );
        assert_eq!(
            cal.triage_due(rome_at("2026-06-02 11:00")),
            rome_at("2026-06-03 18:00")
        );
    }

    #[test]
    fn holiday_right_after_a_weekend_pushes_the_deadline_to_tuesday() {
        // Easter Monday 2026 is 2026-04-06.
        let cal = calendar("Europe/Rome", MON_FRI, &["2026-04-06"]);
        assert_eq!(
            cal.triage_due(rome_at("2026-04-03 16:00")),
            rome_at("2026-04-07 16:00")
        );
        assert_eq!(
            cal.triage_due(rome_at("2026-04-04 10:00")),
            rome_at("2026-04-07 18:00")
        );
    }

    #[test]
    fn consecutive_holidays_are_all_skipped() {
        // Christmas Eve and Christmas are Thursday and Friday in 2026, so
        // are New Year's Eve and New Year's Day.
        let cal = calendar(
            "Europe/Rome",
            MON_FRI,
            &["2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01"],
        );
        assert_eq!(
            cal.triage_due(rome_at("2026-12-23 12:00")),
            rome_at("2026-12-28 12:00")
        );
        assert_eq!(
            cal.triage_due(rome_at("2026-12-30 18:30")),
            rome_at("2027-01-04 18:00")
        );
    }

    #[test]
    fn holidays_are_local_dates_not_utc_dates() {
        // 2026-06-01 23:30 UTC is already 2 June (the holiday) in Rome.
        let cal = calendar("Europe/Rome", MON_FRI, &["2026-06-02"]);
        assert_eq!(
            cal.triage_due(utc("2026-06-01 23:30")),
            rome_at("2026-06-03 18:00")
        );
    }

    #[test]
    fn sunday_to_thursday_week_is_respected() {
        let cal = calendar("Asia/Jerusalem", &["sun", "mon", "tue", "wed", "thu"], &[]);
        let at = |text| local("Asia/Jerusalem", text);
        assert!(cal.is_business_day(date("2026-06-07")));
        assert!(!cal.is_business_day(date("2026-06-05")));
        // Thursday 15:00 -> Sunday 15:00; Friday -> Sunday closing.
        assert_eq!(
            cal.triage_due(at("2026-06-04 15:00")),
            at("2026-06-07 15:00")
        );
        assert_eq!(
            cal.triage_due(at("2026-06-05 10:00")),
            at("2026-06-07 18:00")
        );
    }

    #[test]
    fn new_york_deadline_is_local_to_new_york() {
        let cal = calendar("America/New_York", MON_FRI, &["2026-07-03"]);
        let ny = |text| local("America/New_York", text);
        // Thursday 2 July 16:00 EDT; Friday 3 July is the observed holiday.
        assert_eq!(
            cal.triage_due(ny("2026-07-02 16:00")),
            ny("2026-07-06 16:00")
        );
        assert_eq!(
            cal.triage_due(ny("2026-07-02 16:00")),
            utc("2026-07-06 20:00")
        );
        // 2026-07-02 23:00 UTC is 19:00 EDT: after closing.
        assert_eq!(
            cal.triage_due(utc("2026-07-02 23:00")),
            ny("2026-07-06 18:00")
        );
    }

    #[test]
    fn new_york_deadlines_keep_local_time_across_both_dst_changes() {
        let cal = calendar("America/New_York", MON_FRI, &[]);
        let ny = |text| local("America/New_York", text);
        // Clocks go forward on Sunday 2026-03-08, back on Sunday 2026-11-01.
        assert_eq!(
            cal.triage_due(utc("2026-03-06 15:00")),
            ny("2026-03-09 10:00")
        );
        assert_eq!(
            cal.triage_due(ny("2026-03-06 10:00")),
            utc("2026-03-09 14:00")
        );
        assert_eq!(
            cal.triage_due(ny("2026-10-30 10:00")),
            utc("2026-11-02 15:00")
        );
    }

    #[test]
    fn rome_spring_forward_weekend_keeps_the_local_clock_time() {
        // Clocks go from 02:00 CET to 03:00 CEST on Sunday 2026-03-29.
        let cal = rome();
        let received = rome_at("2026-03-27 10:00");
        assert_eq!(received, utc("2026-03-27 09:00"));
        let due = cal.triage_due(received);
        assert_eq!(due, rome_at("2026-03-30 10:00"));
        assert_eq!(due, utc("2026-03-30 08:00"));
        assert_eq!(due - received, TimeDelta::hours(71));
    }

    #[test]
    fn rome_fall_back_weekend_keeps_the_local_clock_time() {
        // Clocks go from 03:00 CEST back to 02:00 CET on Sunday 2026-10-25.
        let cal = rome();
        let received = rome_at("2026-10-23 10:00");
        let due = cal.triage_due(received);
        assert_eq!(due, utc("2026-10-26 09:00"));
        assert_eq!(due - received, TimeDelta::hours(73));
    }

    /// A desk open every day from 02:30, so opening falls in Rome's DST gap.
    fn rome_every_day_from(start: &str) -> BusinessCalendar {
        BusinessCalendar::new(
            "Europe/Rome",
            &["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            &[],
            start,
            "24:00",
        )
        .expect("test calendar is valid")
    }

    #[test]
    fn deadline_in_the_spring_forward_gap_moves_forward_by_the_gap() {
        let cal = rome_every_day_from("00:00");
        // Saturday 02:30 CET; Sunday 02:30 does not exist -> 03:30 CEST.
        let due = cal.triage_due(rome_at("2026-03-28 02:30"));
        assert_eq!(due, utc("2026-03-29 01:30"));
        assert_eq!(due, rome_at("2026-03-29 03:30"));
    }

    #[test]
    fn deadline_in_the_repeated_fall_back_hour_is_the_first_occurrence() {
        let cal = rome_every_day_from("00:00");
        // Saturday 02:30 CEST; Sunday 02:30 happens at 00:30 and 01:30 UTC.
        let due = cal.triage_due(rome_at("2026-10-24 02:30"));
        assert_eq!(due, utc("2026-10-25 00:30"));
    }

    #[test]
    fn received_during_the_repeated_hour_counts_from_the_local_clock() {
        let cal = rome_every_day_from("00:00");
        // Both 02:30s of 2026-10-25 are due at 02:30 on Monday (CET).
        assert_eq!(
            cal.triage_due(utc("2026-10-25 00:30")),
            utc("2026-10-26 01:30")
        );
        assert_eq!(
            cal.triage_due(utc("2026-10-25 01:30")),
            utc("2026-10-26 01:30")
        );
    }

    #[test]
    fn opening_in_the_spring_forward_gap_still_closes_at_midnight() {
        let cal = rome_every_day_from("02:30");
        // Sunday 01:00 CET, before the (skipped) opening: due at closing.
        assert_eq!(
            cal.triage_due(utc("2026-03-29 00:00")),
            rome_at("2026-03-30 00:00")
        );
    }

    #[test]
    fn reminder_is_business_time_before_due_on_the_same_day() {
        let cal = rome();
        let due = rome_at("2026-06-03 14:30");
        assert_eq!(
            cal.reminder_at(due, TimeDelta::hours(2)),
            rome_at("2026-06-03 12:30")
        );
    }

    #[test]
    fn reminder_skips_back_over_the_night_and_weekend() {
        let cal = rome();
        // Due Monday 10:00: one hour on Monday, one more on Friday.
        assert_eq!(
            cal.reminder_at(rome_at("2026-06-08 10:00"), TimeDelta::hours(2)),
            rome_at("2026-06-05 17:00")
        );
        // Due Wednesday 09:30, 90 minutes earlier is Tuesday 17:00.
        assert_eq!(
            cal.reminder_at(rome_at("2026-06-03 09:30"), TimeDelta::minutes(90)),
            rome_at("2026-06-02 17:00")
        );
    }

    #[test]
    fn reminder_skips_back_over_holidays() {
        let cal = calendar("Europe/Rome", MON_FRI, &["2026-04-06"]);
        assert_eq!(
            cal.reminder_at(rome_at("2026-04-07 09:30"), TimeDelta::hours(1)),
            rome_at("2026-04-03 17:30")
        );
    }

    #[test]
    fn reminder_of_a_full_business_day_is_at_that_days_opening() {
        let cal = rome();
        assert_eq!(
            cal.reminder_at(rome_at("2026-06-08 18:00"), TimeDelta::hours(9)),
            rome_at("2026-06-08 09:00")
        );
    }

    #[test]
    fn reminder_with_no_lead_is_the_deadline() {
        let cal = rome();
        let due = rome_at("2026-06-08 10:00");
        assert_eq!(cal.reminder_at(due, TimeDelta::zero()), due);
        assert_eq!(cal.reminder_at(due, TimeDelta::hours(-3)), due);
    }

    #[test]
    fn reminder_across_spring_forward_keeps_local_clock_time() {
        let cal = rome();
        // Due Monday 2026-03-30 10:00 CEST; 2 h back is Friday 17:00 CET.
        assert_eq!(
            cal.reminder_at(rome_at("2026-03-30 10:00"), TimeDelta::hours(2)),
            utc("2026-03-27 16:00")
        );
    }

    #[test]
    fn reminder_in_the_spring_forward_gap_moves_forward_by_the_gap() {
        let cal = rome_every_day_from("00:00");
        // Due 04:00 CEST; 75 wall-clock minutes back is 02:45, which was
        // skipped, so the reminder is 03:45 CEST: 15 real minutes before.
        assert_eq!(
            cal.reminder_at(rome_at("2026-03-29 04:00"), TimeDelta::minutes(75)),
            rome_at("2026-03-29 03:45")
        );
    }

    #[test]
    fn reminder_and_deadline_drive_the_triage_state() {
        let cal = rome();
        let received = rome_at("2026-06-05 17:00");
        let due = cal.triage_due(received);
        let reminder = cal.reminder_at(due, TimeDelta::hours(2));
        assert_eq!(reminder, rome_at("2026-06-08 15:00"));
        assert_eq!(triage_state(received, due, reminder), TriageClock::NotDue);
        assert_eq!(
            triage_state(reminder - TimeDelta::seconds(1), due, reminder),
            TriageClock::NotDue
        );
        assert_eq!(
            triage_state(reminder, due, reminder),
            TriageClock::ReminderDue
        );
        assert_eq!(
            triage_state(due - TimeDelta::seconds(1), due, reminder),
            TriageClock::ReminderDue
        );
        assert_eq!(triage_state(due, due, reminder), TriageClock::Overdue);
        assert_eq!(
            triage_state(due + TimeDelta::days(3), due, reminder),
            TriageClock::Overdue
        );
    }

    #[test]
    fn reminder_after_the_deadline_never_hides_overdue() {
        let due = utc("2026-06-08 16:00");
        assert_eq!(
            triage_state(due, due, due + TimeDelta::hours(1)),
            TriageClock::Overdue
        );
    }

    #[test]
    fn config_values_are_case_and_space_tolerant() {
        let cal = BusinessCalendar::new(
            " Europe/Rome ",
            &["MON", "Tuesday", " wed "],
            &[" 2026-06-03 "],
            "8:30",
            "17:00",
        )
        .expect("valid calendar");
        assert!(cal.is_business_day(date("2026-06-01")));
        assert!(cal.is_business_day(date("2026-06-02")));
        assert!(!cal.is_business_day(date("2026-06-03")));
        assert!(!cal.is_business_day(date("2026-06-04")));
        assert_eq!(
            cal.triage_due(rome_at("2026-06-02 08:00")),
            rome_at("2026-06-02 17:00")
        );
    }

    #[test]
    fn unknown_time_zone_is_rejected_with_an_example() {
        let err = BusinessCalendar::new("Europe/Roma", MON_FRI, &[], "09:00", "18:00")
            .expect_err("bad zone");
        assert_eq!(
            err,
            CalendarError::UnknownTimeZone {
                value: "Europe/Roma".into()
            }
        );
        assert!(err.to_string().contains("\"Europe/Roma\""));
        assert!(err.to_string().contains("IANA"));
    }

    #[test]
    fn unknown_working_day_is_rejected_by_name() {
        let err = BusinessCalendar::new("UTC", &["mon", "funday"], &[], "09:00", "18:00")
            .expect_err("bad day");
        assert_eq!(
            err,
            CalendarError::UnknownWeekday {
                value: "funday".into()
            }
        );
        assert!(err.to_string().contains("expected mon, tue"));
    }

    #[test]
    fn calendar_without_working_days_is_rejected() {
        let err = BusinessCalendar::new("UTC", &[], &[], "09:00", "18:00").expect_err("no days");
        assert_eq!(err, CalendarError::NoWorkingDays);
    }

    #[test]
    fn malformed_holiday_is_rejected_by_value() {
        for bad in ["25/12/2026", "2026-02-30", "christmas", ""] {
            let err = BusinessCalendar::new("UTC", MON_FRI, &[bad], "09:00", "18:00")
                .expect_err("bad holiday");
            assert_eq!(err, CalendarError::BadHoliday { value: bad.into() });
        }
    }

    #[test]
    fn malformed_business_hours_are_rejected_naming_start_or_end() {
        for bad in ["9", "09:0", "25:00", "09:60", "24:00", "9am", "", "-1:00"] {
            let err =
                BusinessCalendar::new("UTC", MON_FRI, &[], bad, "18:00").expect_err("bad start");
            assert_eq!(
                err,
                CalendarError::BadTime {
                    which: "start",
                    value: bad.into()
                },
                "start {bad:?}"
            );
        }
        let err =
            BusinessCalendar::new("UTC", MON_FRI, &[], "09:00", "24:01").expect_err("bad end");
        assert!(err.to_string().starts_with("business hours end \"24:01\""));
    }

    #[test]
    fn closing_not_after_opening_is_rejected() {
        for (start, end) in [("18:00", "09:00"), ("09:00", "09:00")] {
            let err =
                BusinessCalendar::new("UTC", MON_FRI, &[], start, end).expect_err("empty hours");
            assert_eq!(
                err,
                CalendarError::EmptyHours {
                    start: start.into(),
                    end: end.into()
                }
            );
        }
    }

    #[test]
    fn round_the_clock_desk_is_due_exactly_one_day_later() {
        let cal = BusinessCalendar::new(
            "UTC",
            &["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            &[],
            "00:00",
            "24:00",
        )
        .expect("valid calendar");
        assert_eq!(
            cal.triage_due(utc("2026-06-06 13:37")),
            utc("2026-06-07 13:37")
        );
        // Midnight is the opening instant: due at the next midnight.
        assert_eq!(
            cal.triage_due(utc("2026-06-06 00:00")),
            utc("2026-06-07 00:00")
        );
    }
}
