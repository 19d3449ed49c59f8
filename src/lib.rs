//! secdesk: a security desk run by email.

pub mod config;
pub mod message;
pub mod report;
pub mod ticket;
