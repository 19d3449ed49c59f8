-- Every CVSS vector of a report, at most one per version (3.0, 3.1, 4.0), in
-- the order found: a JSON list of {vector, version, base_score}. The
-- cvss_vector, cvss_version and cvss_score columns keep the one the
-- severity came from (the 4.0 vector when there are several). Tickets
-- stored before keep '[]': their one vector is in those columns.
ALTER TABLE tickets ADD COLUMN cvss_vectors TEXT NOT NULL DEFAULT '[]';
