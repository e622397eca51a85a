-- Against harvesting by guessing (issue 10 finding 1): the alerts raised when a clinic's share of not-found answers
-- (validity 4) in a window reaches the threshold, and an index to count a clinic's bulk entries of the day.

CREATE SEQUENCE clinic_alert_seq START WITH 50 INCREMENT BY 50 NOCACHE;

-- Written once per clinic and window by the node that counted the answers; names the clinic only, never a person.
CREATE TABLE clinic_alert (
    id               NUMBER(19)    NOT NULL,
    clinic_code      CHAR(10)      NOT NULL,
    kind             VARCHAR2(20)  NOT NULL,
    window_start     TIMESTAMP     NOT NULL,
    window_end       TIMESTAMP     NOT NULL,
    answer_count     NUMBER(10)    NOT NULL,
    not_found_count  NUMBER(10)    NOT NULL,
    raised_at        TIMESTAMP     NOT NULL,
    CONSTRAINT clinic_alert_pk PRIMARY KEY (id),
    CONSTRAINT clinic_alert_kind_ck CHECK (kind IN ('NOT_FOUND_RATIO')),
    CONSTRAINT clinic_alert_window_ck CHECK (window_end > window_start),
    CONSTRAINT clinic_alert_counts_ck CHECK (not_found_count >= 0 AND not_found_count <= answer_count)
);
CREATE INDEX clinic_alert_time_ix ON clinic_alert (raised_at);
CREATE INDEX clinic_alert_clinic_ix ON clinic_alert (clinic_code, raised_at);

-- oqs.eligibility.limit.bulk-entries-per-day: a clinic's receptions of the day, summed at each submission
CREATE INDEX bulk_request_clinic_ix ON bulk_request (clinic_code, submitted_at);
