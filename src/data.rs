//! The councils and topics, validated and baked in at build time (see build.rs).

use protocol_core::model::*;
use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/protocol_data.rs"));

pub fn council(id: &str) -> Option<&'static Council> {
    COUNCILS.iter().find(|council| council.id == id)
}

pub fn topic(id: &str) -> Option<&'static Topic> {
    TOPICS.iter().find(|topic| topic.id == id)
}
