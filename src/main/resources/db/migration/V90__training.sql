-- Training and skill assessment across the network (issue 13): health workers, courses and
-- sessions with enrolment under a capacity, skill assessments against versioned checklists,
-- certificates with expiry, trainees and programmes, the research registry and the alliance's
-- capability programme. Every record: uuid, created/changed by and when, a version for
-- optimistic locking, void/withdraw instead of delete.

-- A health worker who trains: with or without a login (staff_username links her account).
create table training_worker (
    id              uuid primary key,
    full_name       text not null check (length(full_name) between 1 and 50),
    institution_id  uuid not null references institution (id),
    profession      text not null check (profession in ('MIDWIFE', 'OBSTETRICIAN', 'NURSE', 'PAEDIATRICIAN', 'NEONATOLOGIST',
                                                        'COMMUNITY_DOCTOR', 'NURSERY_CARER', 'ART_SPECIALIST', 'RESIDENT', 'OTHER')),
    staff_username  varchar(64) unique,
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    changed_at      timestamptz not null default now(),
    changed_by      text not null
);
create index training_worker_institution on training_worker (institution_id);
create index training_worker_name on training_worker (full_name);

create table training_course (
    id                uuid primary key,
    title             text not null,
    description       text,
    topic             text not null check (topic in ('MIDWIFERY', 'PMTCT', 'CRITICAL_CARE', 'OBSTETRIC_QUALITY', 'NEONATAL',
                                                     'NURSERY_CARE', 'ART', 'CHILD_HEALTH', 'OTHER')),
    mode              text not null check (mode in ('ONLINE', 'OFFLINE', 'BLENDED')),
    organiser_id      uuid not null references institution (id),
    audience          text[] not null default '{}',
    credit_hours      numeric(5, 1) not null check (credit_hours between 0 and 200),
    -- education-library items (module education, built in parallel): ids only, no foreign key
    material_item_ids uuid[] not null default '{}',
    origin            text not null default 'COURSE' check (origin in ('COURSE', 'NURSERY_GUIDANCE')),
    cancelled_reason  text,
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    created_by        text not null,
    changed_at        timestamptz not null default now(),
    changed_by        text not null
);
create index training_course_organiser on training_course (organiser_id);

-- A file uploaded for a course (PDF/PNG/JPEG, checked by content).
create table training_material (
    id          uuid primary key,
    course_id   uuid not null references training_course (id),
    title       text not null,
    media_type  text not null,
    content     bytea not null,
    created_at  timestamptz not null default now(),
    created_by  text not null
);
create index training_material_course on training_material (course_id);

-- A run of a course. `enrolled` counts current enrolments and is only ever raised by a conditional
-- update (enrolled < capacity), so parallel enrolments never exceed the capacity; the check is a second guard.
create table training_session (
    id                uuid primary key,
    course_id         uuid not null references training_course (id),
    starts_on         date not null,
    ends_on           date not null,
    place             text,
    capacity          int not null check (capacity between 1 and 5000),
    enrolled          int not null default 0,
    cancelled_reason  text,
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    created_by        text not null,
    changed_at        timestamptz not null default now(),
    changed_by        text not null,
    check (ends_on >= starts_on),
    check (enrolled between 0 and capacity)
);
create index training_session_course on training_session (course_id);
create index training_session_dates on training_session (starts_on);

create table training_enrolment (
    id            uuid primary key,
    session_id    uuid not null references training_session (id),
    worker_id     uuid not null references training_worker (id),
    status        text not null default 'ENROLLED' check (status in ('ENROLLED', 'ATTENDED', 'ABSENT', 'WITHDRAWN')),
    credit_hours  numeric(5, 1),
    version       bigint not null default 0,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    changed_at    timestamptz not null default now(),
    changed_by    text not null
);
create unique index training_enrolment_once on training_enrolment (session_id, worker_id) where status <> 'WITHDRAWN';
create index training_enrolment_worker on training_enrolment (worker_id);

-- Skill assessment rounds (district or city level) against one checklist version; assessors by login.
create table skill_round (
    id                 uuid primary key,
    title              text not null,
    level              text not null check (level in ('DISTRICT', 'CITY')),
    area_code          varchar(16) not null references area (code),
    organiser_id       uuid not null references institution (id),
    skill              text not null,
    checklist_version  text not null,
    held_on            date not null,
    assessors          text[] not null default '{}',
    reassessment_of    uuid references skill_round (id),
    version            bigint not null default 0,
    created_at         timestamptz not null default now(),
    created_by         text not null,
    changed_at         timestamptz not null default now(),
    changed_by         text not null
);
create index skill_round_held on skill_round (held_on);

create table skill_assessment (
    id                 uuid primary key,
    round_id           uuid not null references skill_round (id),
    worker_id          uuid not null references training_worker (id),
    skill              text not null,
    checklist_version  text not null,
    scores             jsonb not null,
    score              numeric(6, 1) not null,
    max_score          numeric(6, 1) not null,
    percent            numeric(5, 1) not null,
    pass_mark          numeric(5, 1) not null,
    passed             boolean not null,
    failed_critical    text[] not null default '{}',
    assessed_on        date not null,
    assessor           text not null,
    remarks            text,
    voided_reason      text,
    version            bigint not null default 0,
    created_at         timestamptz not null default now(),
    created_by         text not null,
    changed_at         timestamptz not null default now(),
    changed_by         text not null
);
create unique index skill_assessment_once on skill_assessment (round_id, worker_id) where voided_reason is null;
create index skill_assessment_worker on skill_assessment (worker_id, skill);

create table training_certificate (
    id              uuid primary key,
    number          text not null unique,
    worker_id       uuid not null references training_worker (id),
    kind            text not null check (kind in ('SKILL', 'COURSE')),
    skill           text,
    assessment_id   uuid references skill_assessment (id),
    course_id       uuid references training_course (id),
    title           text not null,
    issued_on       date not null,
    expires_on      date not null,
    renewal_of      uuid references training_certificate (id),
    revoked_reason  text,
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    changed_at      timestamptz not null default now(),
    changed_by      text not null,
    check (expires_on > issued_on)
);
create unique index training_certificate_per_assessment on training_certificate (assessment_id) where revoked_reason is null;
create index training_certificate_expiry on training_certificate (expires_on) where revoked_reason is null;
create index training_certificate_worker on training_certificate (worker_id);

-- Trainees: graduate students and fellows by programme and supervisor, rotating through divisions.
create table trainee_programme (
    id              uuid primary key,
    name            text not null,
    kind            text not null check (kind in ('MASTER', 'DOCTORATE', 'FELLOWSHIP', 'RESIDENCY', 'ART_BASE')),
    institution_id  uuid not null references institution (id),
    years           int not null check (years between 1 and 8),
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    changed_at      timestamptz not null default now(),
    changed_by      text not null
);

create table trainee (
    id            uuid primary key,
    worker_id     uuid not null references training_worker (id),
    programme_id  uuid not null references trainee_programme (id),
    supervisor    text not null,
    starts_on     date not null,
    ends_on       date not null,
    status        text not null default 'ACTIVE' check (status in ('ACTIVE', 'COMPLETED', 'WITHDRAWN')),
    version       bigint not null default 0,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    changed_at    timestamptz not null default now(),
    changed_by    text not null,
    check (ends_on > starts_on)
);
create index trainee_programme_idx on trainee (programme_id);

create table trainee_rotation (
    id          uuid primary key,
    trainee_id  uuid not null references trainee (id),
    division    text not null,
    starts_on   date not null,
    ends_on     date not null,
    supervisor  text,
    evaluation  text,
    created_at  timestamptz not null default now(),
    created_by  text not null,
    check (ends_on >= starts_on)
);
create index trainee_rotation_trainee on trainee_rotation (trainee_id);

-- Research registry (the infant-care guidance centre, the ART centre).
create table research_project (
    id              uuid primary key,
    title           text not null,
    funder          text not null,
    grant_number    text,
    institution_id  uuid not null references institution (id),
    centre          text not null check (centre in ('INFANT_CARE_GUIDANCE_CENTRE', 'ART_CENTRE', 'OTHER')),
    starts_on       date not null,
    ends_on         date not null,
    lead            text not null,
    team            text[] not null default '{}',
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    changed_at      timestamptz not null default now(),
    changed_by      text not null,
    check (ends_on >= starts_on)
);

create table research_output (
    id              uuid primary key,
    project_id      uuid references research_project (id),
    institution_id  uuid not null references institution (id),
    kind            text not null check (kind in ('PAPER', 'TEXTBOOK', 'STANDARD', 'PATENT')),
    title           text not null,
    authors         text not null,
    venue           text,
    published_on    date not null,
    identifier      text,
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    changed_at      timestamptz not null default now(),
    changed_by      text not null
);

-- The alliance's capability programme.
create table alliance_meeting (
    id         uuid primary key,
    held_on    date not null,
    title      text not null,
    place      text,
    present    uuid[] not null default '{}',
    minutes    text not null,
    version    bigint not null default 0,
    created_at timestamptz not null default now(),
    created_by text not null,
    changed_at timestamptz not null default now(),
    changed_by text not null
);

create table alliance_decision (
    id                    uuid primary key,
    meeting_id            uuid not null references alliance_meeting (id),
    text                  text not null,
    owner_institution_id  uuid references institution (id),
    owner_name            text,
    due_on                date,
    done_on               date,
    version               bigint not null default 0,
    changed_at            timestamptz not null default now(),
    changed_by            text not null
);
create index alliance_decision_meeting on alliance_decision (meeting_id);

create table capability_target (
    id              uuid primary key,
    plan_year       int not null check (plan_year between 2015 and 2100),
    institution_id  uuid not null references institution (id),
    measure         text not null check (measure in ('STAFF_TRAINED', 'MIDWIVES_ASSESSED', 'SKILL_PASS_RATE', 'COACHING_VISITS',
                                                     'REFERRALS_RECEIVED', 'OTHER')),
    description     text not null,
    target          numeric(10, 1) not null check (target > 0),
    progress        numeric(10, 1) not null default 0 check (progress >= 0),
    version         bigint not null default 0,
    changed_at      timestamptz not null default now(),
    changed_by      text not null,
    unique (plan_year, institution_id, measure, description)
);

create table coaching_visit (
    id              uuid primary key,
    institution_id  uuid not null references institution (id),
    visited_on      date not null,
    kind            text not null check (kind in ('TRAINING', 'COACHING')),
    team            text not null,
    topics          text not null,
    findings        text,
    trainees        int not null default 0 check (trainees between 0 and 10000),
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null
);
create index coaching_visit_institution on coaching_visit (institution_id);

-- Each member's cooperation agreement as a document (until now a text on the institution).
create table alliance_agreement (
    id              uuid primary key,
    institution_id  uuid not null references institution (id),
    title           text not null,
    signed_on       date,
    expires_on      date,
    media_type      text,
    content         bytea,
    file_name       text,
    legacy_text     text,
    superseded_by   uuid references alliance_agreement (id),
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null
);
create index alliance_agreement_institution on alliance_agreement (institution_id);

-- The text field becomes the first (document-less) agreement of every member that had one.
insert into alliance_agreement (id, institution_id, title, signed_on, legacy_text, created_by)
select gen_random_uuid(), i.id, i.alliance_agreement, i.alliance_joined, i.alliance_agreement, 'migration V90'
  from institution i where i.alliance_agreement is not null and i.alliance_agreement <> '';
