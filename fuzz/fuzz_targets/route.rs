#![no_main]
//! Any link a person could paste parses to a page or "not found", and pages round-trip.
use libfuzzer_sys::fuzz_target;
use protocol_core::route::Route;

fuzz_target!(|hash: &str| {
    let route = Route::parse(hash);
    if !matches!(route, Route::NotFound { .. }) {
        assert_eq!(Route::parse(&route.to_hash()), route);
    }
});
