//! One component per route, each with its props struct first.

pub mod ask;
pub mod compare;
pub mod home;
pub mod not_found;
pub mod outcome;
pub mod question;
pub mod reader;
