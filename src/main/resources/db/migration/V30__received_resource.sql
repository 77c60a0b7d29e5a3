-- Every clinical resource a hospital sends about a woman or child is kept as received (issue 16 §8):
-- the JSON untouched, with the columns FHIR searches by (patient, code, date, _lastUpdated).
-- Administrative and financial resources (Claim, ExplanationOfBenefit, Coverage, Provenance, …)
-- are not kept; the import report says so, per resource type.
create table received_resource (
    id             uuid primary key,
    resource_type  text not null,
    source_id      text not null,
    person_id      uuid not null references person (id),
    codes          text[] not null default '{}',   -- "system|code" and "code" of the resource's code/type/vaccineCode
    effective      timestamptz,                    -- effective/onset/performed/period.start/authoredOn/date/recorded…
    last_updated   timestamptz not null default now(),
    resource       jsonb not null,
    import_job_id  uuid references import_job (id),
    received_by    text not null,
    unique (person_id, resource_type, source_id)
);
create index received_resource_patient on received_resource (person_id, resource_type, effective);
create index received_resource_codes on received_resource using gin (codes);
create index received_resource_updated on received_resource (resource_type, last_updated);

-- What each import did with each resource type: mapped into fuyou's record, kept as received, not kept (with the reason).
create table import_report (
    job_id         uuid not null references import_job (id),
    resource_type  text not null,
    mapped         int not null default 0,
    kept           int not null default 0,
    not_kept       int not null default 0,
    reason         text,
    primary key (job_id, resource_type)
);

-- Uploaded imports have no server directory: the name of the upload instead.
alter table import_job add column source text not null default 'DIRECTORY' check (source in ('DIRECTORY', 'UPLOAD'));

-- The conditions kept since V12 move into the one table of received resources.
insert into received_resource (id, resource_type, source_id, person_id, codes, effective, last_updated, resource, received_by)
select c.id, 'Condition', coalesce(c.source_id, c.id::text), c.person_id,
       array_remove(array[coalesce(c.system, '') || '|' || c.code, c.code], null),
       c.onset::timestamptz, c.created_at,
       jsonb_strip_nulls(jsonb_build_object(
           'resourceType', 'Condition',
           'id', coalesce(c.source_id, c.id::text),
           'subject', jsonb_build_object('reference', 'Patient/' || c.person_id),
           'code', jsonb_build_object('coding', jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('system', c.system, 'code', c.code, 'display', c.display)))),
           'onsetDateTime', c.onset::text,
           'abatementDateTime', c.abatement::text,
           'clinicalStatus', jsonb_build_object('coding', jsonb_build_array(jsonb_build_object(
               'system', 'http://terminology.hl7.org/CodeSystem/condition-clinical',
               'code', coalesce(c.clinical_status, case when c.abatement is null then 'active' else 'resolved' end)))))),
       c.created_by
  from received_condition c
on conflict do nothing;
