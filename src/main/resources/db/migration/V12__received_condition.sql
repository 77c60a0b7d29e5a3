-- Conditions received over FHIR are kept as received (ICD-10, SNOMED CT, …): fuyou grades by the
-- mapped ones, and Condition searches return all of them.
create table received_condition (
    id            uuid primary key,
    person_id     uuid not null references person (id),
    system        text,
    code          text,
    display       text,
    onset         date,
    abatement     date,
    clinical_status text,
    source_id     text,
    created_at    timestamptz not null default now(),
    created_by    text not null
);
create unique index received_condition_once on received_condition (person_id, coalesce(system, ''), coalesce(code, ''), coalesce(onset, date '0001-01-01'));
create index received_condition_person on received_condition (person_id);
