#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kruispunt_fuzz::export(data));
