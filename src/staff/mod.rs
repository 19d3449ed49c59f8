//! Reading what people write back to the desk: the new text of a staff
//! reply, the commands in it, and status requests.
//!
//! All pure: text in, values out. The order a staff reply goes through:
//!
//! ```text
//! HTML body ── quote::strip_html_quote ──> HTML -> text (message/)
//!                                               │
//! text body ─────────────────────────────> quote::new_text
//!                                               │
//!                                    commands::parse_reply ──> StaffReply
//! ```
//!
//! A reporter's follow-up goes through `quote::new_text` too, then
//! `status::is_status_request`.

pub mod commands;
pub mod digest;
pub mod quote;
pub mod status;

pub use commands::{Command, CommandError, StaffReply, parse_reply};
pub use quote::{new_text, strip_html_quote};
pub use status::{StatusRequest, is_status_request};
pub mod auth;
