-- Child health (issue 11): hospital discharge summaries filed into the child's record by the
-- hospital module through childhealth's API (childhealth owns this table).

create table child_hospital_stay (
    id                       uuid primary key,
    child_id                 uuid not null references child_record (child_id),
    source_id                uuid not null unique,
    institution_id           uuid not null references institution (id),
    admitted_at              timestamptz not null,
    discharged_at            timestamptz not null,
    length_of_stay_days      int not null,
    diagnoses                text[] not null default '{}',
    outcome                  text not null,
    summary                  text not null,
    follow_up_institution_id uuid references institution (id),
    follow_up_plan           text,
    created_at               timestamptz not null default now(),
    created_by               text not null
);
create index child_hospital_stay_child on child_hospital_stay (child_id, discharged_at);

-- a child the hospital discharges with a follow-up plan joins the high-risk list even when no other reason applies
alter table high_risk_infant drop constraint high_risk_infant_reason_check;
alter table high_risk_infant add constraint high_risk_infant_reason_check
    check (reason in ('PRETERM', 'LOW_BIRTH_WEIGHT', 'NICU_GRADUATE', 'BIRTH_DEFECT', 'PMTCT_EXPOSED', 'GROWTH_FALTERING',
                      'HOSPITAL_FOLLOW_UP', 'NEWBORN_SCREEN_POSITIVE'));
