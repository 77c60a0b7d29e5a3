-- Critical care: critically ill pregnant women (危重孕产妇), WHO near-miss, maternal death reports (卫统48),
-- reviews (评审) with their actions, interviews and notices (约谈通报).

create table critical_case (
    id                          uuid primary key,
    person_id                   uuid not null references person (id),
    pregnancy_id                uuid,
    reporting_institution_id    uuid not null references institution (id),
    centre_institution_id       uuid references institution (id),
    district_mch_institution_id uuid references institution (id),
    area_code                   text not null,
    registered_on_spot          boolean not null default false,
    stage                       text not null check (stage in ('PREGNANT', 'POSTPARTUM', 'POST_ABORTION')),
    gestational_weeks           int,
    pregnancy_ended_on          date,
    onset_at                    timestamptz not null,
    diagnosis                   text not null,
    findings                    text[] not null default '{}',
    criteria                    text[] not null default '{}',
    organ_systems               text[] not null default '{}',
    life_threatening            boolean not null,
    classification              text not null check (classification in ('NONE', 'LIFE_THREATENING', 'NEAR_MISS', 'MATERNAL_DEATH')),
    rule_version                text not null,
    referral_id                 uuid,
    state                       text not null check (state in ('REPORTED', 'TREATING', 'CLOSED')),
    icu_days                    int,
    units_transfused            numeric(6,1),
    laparotomy                  boolean not null default false,
    hysterectomy                text check (hysterectomy in ('HAEMORRHAGE', 'INFECTION', 'OTHER')),
    outcome                     text check (outcome in ('SURVIVED', 'DIED')),
    outcome_basis               text check (outcome_basis in ('DISCHARGE', 'DAY_42', 'DEATH')),
    outcome_on                  date,
    death_report_id             uuid,
    version                     bigint not null default 0,
    created_at                  timestamptz not null default now(),
    created_by                  text not null,
    changed_at                  timestamptz not null default now(),
    changed_by                  text not null
);
create index critical_case_reporting on critical_case (reporting_institution_id, created_at desc);
create index critical_case_centre on critical_case (centre_institution_id, created_at desc);
create index critical_case_area on critical_case (area_code, created_at desc);
create index critical_case_person on critical_case (person_id);

-- Each checklist filled in (on report and as she is re-assessed); the case's criteria are the union.
create table critical_case_assessment (
    id            uuid primary key,
    case_id       uuid not null references critical_case (id),
    assessed_at   timestamptz not null,
    findings      text[] not null default '{}',
    measured      jsonb not null default '{}',
    criteria      text[] not null default '{}',
    rule_version  text not null,
    created_by    text not null
);
create index critical_case_assessment_case on critical_case_assessment (case_id, assessed_at);

create table critical_case_team (
    id              uuid primary key,
    case_id         uuid not null references critical_case (id),
    name            text not null,
    role            text not null,
    institution_id  uuid not null references institution (id),
    added_at        timestamptz not null default now(),
    added_by        text not null
);
create index critical_case_team_case on critical_case_team (case_id);

create table critical_case_event (
    id        bigserial primary key,
    case_id   uuid not null references critical_case (id),
    at        timestamptz not null default now(),
    kind      text not null,
    text      text not null,
    by_user   text not null
);
create index critical_case_event_case on critical_case_event (case_id, at);

create table maternal_death_report (
    id                          uuid primary key,
    case_id                     uuid references critical_case (id),
    person_id                   uuid not null references person (id),
    pregnancy_id                uuid,
    source                      text not null check (source in ('CRITICAL_CASE', 'DELIVERY', 'PREGNANCY_END', 'POSTPARTUM', 'MANUAL')),
    reporting_institution_id    uuid not null references institution (id),
    district_mch_institution_id uuid references institution (id),
    area_code                   text not null,
    death_date                  date not null,
    due_on                      date not null,
    status                      text not null check (status in ('DRAFT', 'REPORTED')),
    reported_on                 date,
    reported_at                 timestamptz,
    reported_by                 text,
    escalated_at                timestamptz,
    -- the card (卫统48)
    age_years                   int,
    residence                   text check (residence in ('URBAN', 'RURAL')),
    household                   text check (household in ('LOCAL', 'NON_LOCAL')),
    education                   text,
    gravida                     int,
    parity                      int,
    pregnancy_stage_at_death    text check (pregnancy_stage_at_death in ('PREGNANT', 'INTRAPARTUM', 'POSTPARTUM', 'POST_ABORTION')),
    delivery_date               date,
    delivery_place              text,
    delivery_mode               text,
    gestational_weeks           int,
    antenatal_visits            int,
    place_of_death              text check (place_of_death in ('PROVINCIAL_CITY_HOSPITAL', 'DISTRICT_HOSPITAL', 'TOWNSHIP', 'VILLAGE', 'HOME', 'IN_TRANSIT', 'OTHER')),
    diagnosis_level             text check (diagnosis_level in ('PROVINCIAL_CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE', 'NONE')),
    cause_group                 text,
    cause_type                  text check (cause_type in ('DIRECT', 'INDIRECT', 'UNSPECIFIED', 'COINCIDENTAL')),
    underlying_cause_icd10      text,
    underlying_cause_text       text,
    notes                       text,
    version                     bigint not null default 0,
    created_at                  timestamptz not null default now(),
    created_by                  text not null,
    changed_at                  timestamptz not null default now(),
    changed_by                  text not null
);
create unique index maternal_death_report_pregnancy on maternal_death_report (pregnancy_id) where pregnancy_id is not null;
create unique index maternal_death_report_case on maternal_death_report (case_id) where case_id is not null;
create index maternal_death_report_area on maternal_death_report (area_code, death_date desc);
create index maternal_death_report_open on maternal_death_report (due_on) where status = 'DRAFT';

create table case_review (
    id               uuid primary key,
    subject          text not null check (subject in ('MATERNAL_DEATH', 'NEAR_MISS')),
    death_report_id  uuid references maternal_death_report (id),
    case_id          uuid references critical_case (id),
    person_id        uuid not null references person (id),
    area_code        text not null,
    level            text not null check (level in ('CITY', 'DISTRICT', 'FACILITY')),
    organiser_institution_id uuid not null references institution (id),
    meeting_date     date not null,
    members          jsonb not null,
    evidence         jsonb not null,
    status           text not null check (status in ('SCHEDULED', 'CONCLUDED', 'CLOSED')),
    classification   text check (classification in ('AVOIDABLE', 'AVOIDABLE_UNDER_CONDITIONS', 'UNAVOIDABLE')),
    summary          text,
    concluded_at     timestamptz,
    closed_at        timestamptz,
    version          bigint not null default 0,
    created_at       timestamptz not null default now(),
    created_by       text not null,
    changed_at       timestamptz not null default now(),
    changed_by       text not null
);
create index case_review_area on case_review (area_code, meeting_date desc);
create index case_review_death on case_review (death_report_id);
create index case_review_case on case_review (case_id);

create table review_factor (
    id           uuid primary key,
    review_id    uuid not null references case_review (id),
    level        text not null check (level in ('WOMAN_FAMILY', 'FACILITY', 'HEALTH_SYSTEM')),
    delay        text not null check (delay in ('DECIDING', 'REACHING', 'RECEIVING', 'NONE')),
    description  text not null
);
create index review_factor_review on review_factor (review_id);

create table review_action (
    id                    uuid primary key,
    review_id             uuid not null references case_review (id),
    description           text not null,
    owner_institution_id  uuid not null references institution (id),
    owner_name            text,
    due_on                date not null,
    status                text not null check (status in ('OPEN', 'CLOSED')),
    progress              text,
    closed_at             timestamptz,
    closed_by             text,
    closing_note          text,
    version               bigint not null default 0,
    created_at            timestamptz not null default now(),
    created_by            text not null,
    changed_at            timestamptz not null default now(),
    changed_by            text not null
);
create index review_action_review on review_action (review_id);
create index review_action_owner on review_action (owner_institution_id, status, due_on);

create table interview_notice (
    id                       uuid primary key,
    kind                     text not null check (kind in ('INTERVIEW', 'NOTICE')),
    issuer_institution_id    uuid not null references institution (id),
    issuer_area_code         text not null,
    target_institution_id    uuid not null references institution (id),
    issued_on                date not null,
    subject                  text not null,
    findings                 text not null,
    follow_up_demanded       text not null,
    follow_up_due            date not null,
    case_ids                 uuid[] not null default '{}',
    death_report_ids         uuid[] not null default '{}',
    status                   text not null check (status in ('OPEN', 'RESPONDED', 'CLOSED')),
    response                 text,
    responded_at             timestamptz,
    responded_by             text,
    closed_at                timestamptz,
    closing_note             text,
    version                  bigint not null default 0,
    created_at               timestamptz not null default now(),
    created_by               text not null,
    changed_at               timestamptz not null default now(),
    changed_by               text not null
);
create index interview_notice_target on interview_notice (target_institution_id, issued_on desc);
create index interview_notice_area on interview_notice (issuer_area_code, issued_on desc);
