//! Parsing: raw RFC 5322 bytes to the plain data the rest of the pipeline reads.
