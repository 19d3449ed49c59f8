//! `[calendar]`: the desk's business hours, built into the
//! [`BusinessCalendar`] the triage clock runs on, and when staff are
//! reminded of a due triage.

use super::check::Check;
use super::list;
use super::read::Section;
use crate::ticket::sla::{self, BusinessCalendar, CalendarError};

/// The desk's business hours: when the triage clock runs and when staff are
/// reminded. The raw values are kept as given (trimmed) for the summary;
/// `business` is the calendar built from them.
#[derive(Debug, Clone)]
pub struct CalendarConfig {
    /// IANA time zone name business hours and holidays are read in ("UTC").
    pub time_zone: String,
    /// Working weekdays, lower-cased ("mon" to "sun" or full English names).
    pub working_days: Vec<String>,
    /// Local dates the desk is closed on, `YYYY-MM-DD`.
    pub holidays: Vec<String>,
    /// Opening time, `HH:MM` ("09:00").
    pub opens: String,
    /// Closing time, `HH:MM`, up to "24:00" ("18:00").
    pub closes: String,
    /// Staff are reminded this many business hours before triage is due;
    /// less than one business day (0 reminds at the deadline itself).
    pub reminder_lead_hours: u32,
    /// How often the daemon looks for due reminders, in seconds.
    pub check_interval_secs: u64,
    /// The calendar built from the values above.
    pub business: BusinessCalendar,
}

impl CalendarConfig {
    /// [`CalendarConfig::reminder_lead_hours`] as a duration, for
    /// [`BusinessCalendar::reminder_at`].
    pub fn reminder_lead(&self) -> chrono::TimeDelta {
        chrono::TimeDelta::hours(i64::from(self.reminder_lead_hours))
    }

    /// Its lines of the summary (`secdesk check-config`).
    pub(super) fn summary(&self) -> String {
        [
            format!(
                "calendar: {} {}-{} in {}; holidays: {}",
                self.working_days.join(", "),
                self.opens,
                self.closes,
                self.time_zone,
                list(&self.holidays)
            ),
            format!(
                "          reminders {} business hours before triage is due, checked every {}s",
                self.reminder_lead_hours, self.check_interval_secs
            ),
        ]
        .join("\n")
    }
}

pub(super) struct RawCalendar {
    time_zone: Option<String>,
    working_days: Option<Vec<String>>,
    holidays: Option<Vec<String>>,
    opens: Option<String>,
    closes: Option<String>,
    reminder_lead_hours: Option<i64>,
    check_interval_secs: Option<i64>,
}

impl RawCalendar {
    pub(super) fn read(s: &mut Section<'_>) -> RawCalendar {
        RawCalendar {
            time_zone: s.string("time_zone"),
            working_days: s.list("working_days"),
            holidays: s.list("holidays"),
            opens: s.string("opens"),
            closes: s.string("closes"),
            reminder_lead_hours: s.integer("reminder_lead_hours"),
            check_interval_secs: s.integer("check_interval_secs"),
        }
    }

    pub(super) fn validate(self, check: &mut Check) -> CalendarConfig {
        let trimmed = |value: String| value.trim().to_owned();
        let time_zone = self.time_zone.map_or_else(|| "UTC".to_owned(), trimmed);
        let working_days: Vec<String> = match self.working_days {
            Some(days) => days
                .into_iter()
                .map(|day| day.trim().to_ascii_lowercase())
                .collect(),
            None => sla::DEFAULT_WORKING_DAYS
                .iter()
                .map(|&day| day.to_owned())
                .collect(),
        };
        let holidays: Vec<String> = self
            .holidays
            .unwrap_or_default()
            .into_iter()
            .map(trimmed)
            .collect();
        let opens = self
            .opens
            .map_or_else(|| sla::DEFAULT_OPENS.to_owned(), trimmed);
        let closes = self
            .closes
            .map_or_else(|| sla::DEFAULT_CLOSES.to_owned(), trimmed);
        let business = calendar(check, &time_zone, &working_days, &holidays, &opens, &closes);

        let reminder_lead_hours = check.number(
            "calendar.reminder_lead_hours",
            self.reminder_lead_hours,
            2,
            0,
            None,
        );
        // A lead of a business day or more could remind before receipt.
        if business.is_some()
            && let (Some(open), Some(close)) = (minutes_of_day(&opens), minutes_of_day(&closes))
            && i64::from(reminder_lead_hours) * 60 >= close - open
        {
            let day = close - open;
            check.error(
                "calendar.reminder_lead_hours",
                format!(
                    "must be less than one business day ({}h{:02} from {opens} to {closes}), \
                     got {reminder_lead_hours}",
                    day / 60,
                    day % 60
                ),
            );
        }

        CalendarConfig {
            business: business.unwrap_or_else(default_calendar),
            time_zone,
            working_days,
            holidays,
            opens,
            closes,
            reminder_lead_hours,
            check_interval_secs: check.number(
                "calendar.check_interval_secs",
                self.check_interval_secs,
                60,
                1,
                None,
            ),
        }
    }
}

/// The business calendar of the `[calendar]` values, or `None` after
/// recording every problem with them. `BusinessCalendar::new` stops at the
/// first problem, so each value is first tried alone, the others at their
/// defaults, and reported under its own key.
fn calendar(
    check: &mut Check,
    time_zone: &str,
    working_days: &[String],
    holidays: &[String],
    opens: &str,
    closes: &str,
) -> Option<BusinessCalendar> {
    let days = sla::DEFAULT_WORKING_DAYS;
    let (default_opens, default_closes) = (sla::DEFAULT_OPENS, sla::DEFAULT_CLOSES);
    let before = check.errors.len();
    let report = |check: &mut Check, key: String, result| {
        if let Err(error) = result {
            check.error(key, calendar_message(&error));
        }
    };
    let alone = |tz, days: &[&str], holidays: &[&str], opens, closes| {
        BusinessCalendar::new(tz, days, holidays, opens, closes).map(drop)
    };
    report(
        check,
        "calendar.time_zone".to_owned(),
        alone(time_zone, days, &[], default_opens, default_closes),
    );
    if working_days.is_empty() {
        report(
            check,
            "calendar.working_days".to_owned(),
            alone("UTC", &[], &[], default_opens, default_closes),
        );
    }
    for (i, day) in working_days.iter().enumerate() {
        report(
            check,
            format!("calendar.working_days[{i}]"),
            alone("UTC", &[day], &[], default_opens, default_closes),
        );
    }
    for (i, holiday) in holidays.iter().enumerate() {
        report(
            check,
            format!("calendar.holidays[{i}]"),
            alone("UTC", days, &[holiday], default_opens, default_closes),
        );
    }
    // Each time against the widest day, so only its own format can fail.
    let opens_result = alone("UTC", days, &[], opens, "24:00");
    let closes_result = alone("UTC", days, &[], "00:00", closes);
    let times_read =
        opens_result.is_ok() && !matches!(closes_result, Err(CalendarError::BadTime { .. }));
    report(check, "calendar.opens".to_owned(), opens_result);
    if times_read {
        report(
            check,
            "calendar.closes".to_owned(),
            alone("UTC", days, &[], opens, closes),
        );
    } else if let Err(error @ CalendarError::BadTime { .. }) = closes_result {
        report(check, "calendar.closes".to_owned(), Err(error));
    }
    if check.errors.len() > before {
        return None;
    }
    let days: Vec<&str> = working_days.iter().map(String::as_str).collect();
    let holidays: Vec<&str> = holidays.iter().map(String::as_str).collect();
    match BusinessCalendar::new(time_zone, &days, &holidays, opens, closes) {
        Ok(calendar) => Some(calendar),
        Err(error) => {
            // Not expected: every value was accepted alone.
            let key = match &error {
                CalendarError::UnknownTimeZone { .. } => "calendar.time_zone",
                CalendarError::UnknownWeekday { .. } | CalendarError::NoWorkingDays => {
                    "calendar.working_days"
                }
                CalendarError::BadHoliday { .. } => "calendar.holidays",
                CalendarError::BadTime { which: "start", .. } => "calendar.opens",
                CalendarError::BadTime { .. } | CalendarError::EmptyHours { .. } => {
                    "calendar.closes"
                }
            };
            check.error(key, calendar_message(&error));
            None
        }
    }
}

/// The calendar's message, with its "start"/"end" wording tied to our keys.
fn calendar_message(error: &CalendarError) -> String {
    match error {
        CalendarError::BadTime {
            which: "start",
            value,
        } => format!(
            "{value:?} is not a time of day: expected HH:MM from 00:00 to 23:59, e.g. \"09:00\""
        ),
        CalendarError::BadTime { value, .. } => format!(
            "{value:?} is not a time of day: expected HH:MM from 00:00 to 24:00, e.g. \"18:00\""
        ),
        CalendarError::EmptyHours { start, end } => format!(
            "{end:?} is not after calendar.opens {start:?}: the desk must open before it \
             closes on the same day, e.g. opens = \"09:00\" and closes = \"18:00\""
        ),
        other => other.to_string(),
    }
}

/// Minutes from midnight of a time `BusinessCalendar` accepted (`HH:MM`).
fn minutes_of_day(time: &str) -> Option<i64> {
    let (hours, minutes) = time.split_once(':')?;
    Some(hours.parse::<i64>().ok()? * 60 + minutes.parse::<i64>().ok()?)
}

/// The stand-in calendar: UTC, Monday to Friday, default hours.
pub(super) fn default_calendar() -> BusinessCalendar {
    BusinessCalendar::new(
        "UTC",
        sla::DEFAULT_WORKING_DAYS,
        &[],
        sla::DEFAULT_OPENS,
        sla::DEFAULT_CLOSES,
    )
    .expect("the default calendar is valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::test_support::*;

    #[test]
    fn calendar_is_read_from_the_file() {
        let text = format!(
            "{MINIMAL}\n[calendar]\ntime_zone = \"Europe/Rome\"\n\
             working_days = [\"Mon\", \"tuesday\", \"sat\"]\n\
             holidays = [\"2026-06-02\"]\nopens = \"08:30\"\ncloses = \"24:00\"\n\
             reminder_lead_hours = 0\ncheck_interval_secs = 5\n"
        );
        let config = load(&text, &[]).expect("valid");
        let calendar = &config.calendar;
        assert_eq!(calendar.time_zone, "Europe/Rome");
        assert_eq!(calendar.working_days, ["mon", "tuesday", "sat"]);
        assert_eq!(calendar.holidays, ["2026-06-02"]);
        assert_eq!(
            (calendar.opens.as_str(), calendar.closes.as_str()),
            ("08:30", "24:00")
        );
        assert_eq!(calendar.reminder_lead_hours, 0);
        assert_eq!(calendar.check_interval_secs, 5);
        let expected = BusinessCalendar::new(
            "Europe/Rome",
            &["mon", "tue", "sat"],
            &["2026-06-02"],
            "08:30",
            "24:00",
        )
        .expect("valid");
        assert_eq!(calendar.business, expected);
        let date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date");
        assert!(
            calendar.business.is_business_day(date("2026-06-06")),
            "a Saturday"
        );
        assert!(
            !calendar.business.is_business_day(date("2026-06-02")),
            "a holiday"
        );
    }

    #[test]
    fn calendar_lists_from_the_environment_are_comma_separated() {
        let config = load(
            LOCAL,
            &[
                ("SECDESK_CALENDAR_HOLIDAYS", "2026-12-25, 2026-12-26"),
                ("SECDESK_CALENDAR_WORKING_DAYS", "fri,SAT"),
                ("SECDESK_CALENDAR_TIME_ZONE", "America/New_York"),
            ],
        )
        .expect("valid");
        let calendar = &config.calendar;
        assert_eq!(calendar.holidays, ["2026-12-25", "2026-12-26"]);
        assert_eq!(calendar.working_days, ["fri", "sat"]);
        assert_eq!(calendar.time_zone, "America/New_York");
        let date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date");
        assert!(
            !calendar.business.is_business_day(date("2026-12-25")),
            "a Friday holiday"
        );
        assert!(
            !calendar.business.is_business_day(date("2026-12-26")),
            "a Saturday holiday"
        );
        assert!(
            calendar.business.is_business_day(date("2027-01-01")),
            "a Friday"
        );
    }

    #[test]
    fn bad_calendar_values_name_their_keys() {
        let text = format!(
            "{MINIMAL}\n[calendar]\ntime_zone = \"Europe/Roma\"\n\
             working_days = [\"mon\", \"funday\"]\n\
             holidays = [\"2026-12-25\", \"25/12/2026\"]\nopens = \"9am\"\ncloses = \"25:00\"\n\
             check_interval_secs = 0\n"
        );
        let errors = errors(&text, &[]);
        assert_eq!(errors.len(), 6, "{errors:#?}");
        assert!(
            errors[0].starts_with("calendar.time_zone: unknown time zone \"Europe/Roma\""),
            "{errors:#?}"
        );
        assert!(
            errors[1].starts_with("calendar.working_days[1]: unknown working day \"funday\""),
            "{errors:#?}"
        );
        assert!(
            errors[2].starts_with("calendar.holidays[1]: holiday \"25/12/2026\" is not a date"),
            "{errors:#?}"
        );
        assert!(
            errors[3].starts_with("calendar.opens: \"9am\" is not a time of day"),
            "{errors:#?}"
        );
        assert!(
            errors[4].starts_with("calendar.closes: \"25:00\" is not a time of day"),
            "{errors:#?}"
        );
        assert_eq!(
            errors[5],
            "calendar.check_interval_secs: must be at least 1, got 0"
        );
    }

    #[test]
    fn calendar_errors_from_the_environment_name_the_variable() {
        let zone = errors(MINIMAL, &[("SECDESK_CALENDAR_TIME_ZONE", "Mars/Olympus")]);
        assert_eq!(zone.len(), 1, "{zone:?}");
        assert!(zone[0].starts_with("calendar.time_zone: unknown time zone"));
        assert!(
            zone[0].ends_with("(set by SECDESK_CALENDAR_TIME_ZONE)"),
            "{zone:?}"
        );
        let errors = errors(
            MINIMAL,
            &[("SECDESK_CALENDAR_HOLIDAYS", "2026-12-25,2026-13-01")],
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("calendar.holidays[1]: holiday \"2026-13-01\""));
        assert!(
            errors[0].ends_with("(set by SECDESK_CALENDAR_HOLIDAYS)"),
            "{errors:?}"
        );
    }

    #[test]
    fn calendar_needs_a_working_day_and_hours_in_order() {
        let errors = errors(
            MINIMAL,
            &[
                ("SECDESK_CALENDAR_WORKING_DAYS", ""),
                ("SECDESK_CALENDAR_OPENS", "18:00"),
                ("SECDESK_CALENDAR_CLOSES", "09:00"),
            ],
        );
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(
            errors[0].starts_with("calendar.working_days: no working days"),
            "{errors:#?}"
        );
        assert!(
            errors[1]
                .starts_with("calendar.closes: \"09:00\" is not after calendar.opens \"18:00\""),
            "{errors:#?}"
        );
    }

    #[test]
    fn reminder_lead_must_be_shorter_than_a_business_day() {
        let errors = errors(
            MINIMAL,
            &[
                ("SECDESK_CALENDAR_CLOSES", "17:30"),
                ("SECDESK_CALENDAR_REMINDER_LEAD_HOURS", "9"),
            ],
        );
        assert_eq!(
            errors,
            [
                "calendar.reminder_lead_hours: must be less than one business day \
                 (8h30 from 09:00 to 17:30), got 9 (set by SECDESK_CALENDAR_REMINDER_LEAD_HOURS)"
            ]
        );
        let config =
            load(MINIMAL, &[("SECDESK_CALENDAR_REMINDER_LEAD_HOURS", "8")]).expect("valid");
        assert_eq!(config.calendar.reminder_lead_hours, 8);
    }

    #[test]
    fn unknown_calendar_key_is_named_with_a_suggestion() {
        let text = format!("{MINIMAL}\n[calendar]\ntimezone = \"UTC\"\n");
        assert_eq!(
            errors(&text, &[]),
            ["calendar.timezone: unknown key (did you mean time_zone?)"]
        );
        let errors = errors(MINIMAL, &[("SECDESK_CALENDAR_HOLIDAY", "2026-12-25")]);
        assert_eq!(
            errors,
            [
                "SECDESK_CALENDAR_HOLIDAY: environment variable matches no setting \
                 (did you mean SECDESK_CALENDAR_HOLIDAYS?)"
            ]
        );
    }
}
