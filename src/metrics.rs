//! What the benchmark reads from a running guide (tests/bench/bench.mjs).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The size of the wasm linear memory, for the benchmark's memory figure.
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}
