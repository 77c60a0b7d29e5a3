-- Child health 0–3: the child record, well-child visits with WHO z-scores, high-risk infants,
-- nurseries (托育机构) with inspections against a versioned checklist, enrolment and guidance events.

create table child_record (
    child_id          uuid primary key references person (id),
    mother_id         uuid references person (id),
    birth_date        date not null, -- copied from the person: worklists need it without joining the registry
    institution_id    uuid not null references institution (id),
    source            text not null check (source in ('DELIVERY', 'DIRECT')),
    birth_ga_days     int check (birth_ga_days between 140 and 315),
    birth_weight_g    int check (birth_weight_g between 200 and 7000),
    birth_length_cm   numeric(4, 1),
    birth_hc_cm       numeric(4, 1),
    apgar1            smallint,
    apgar5            smallint,
    apgar10           smallint,
    anomalies         text,
    nicu_stay         boolean not null default false,
    pmtct_exposed     boolean not null default false,
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    created_by        text not null,
    changed_at        timestamptz not null default now(),
    changed_by        text not null
);
create index child_record_institution on child_record (institution_id);

create table well_child_visit (
    id                    uuid primary key,
    child_id              uuid not null references child_record (child_id),
    institution_id        uuid not null references institution (id),
    visit_date            date not null,
    age_days              int not null,
    schedule_code         text,
    weight_kg             numeric(5, 2),
    length_cm             numeric(5, 1),
    measurement           text check (measurement in ('RECUMBENT', 'STANDING')),
    head_circumference_cm numeric(4, 1),
    oedema                boolean not null default false,
    hemoglobin_g_per_l    numeric(5, 1),
    milestones            text[] not null default '{}',
    feeding               text,
    findings              text,
    advice                text,
    waz                   numeric(5, 2),
    lhaz                  numeric(5, 2),
    whz                   numeric(5, 2),
    bmiz                  numeric(5, 2),
    hcz                   numeric(5, 2),
    flags                 text[] not null default '{}',
    classification        text[] not null default '{}',
    growth_standard       text not null,
    voided_at             timestamptz,
    version               bigint not null default 0,
    created_at            timestamptz not null default now(),
    created_by            text not null
);
create index well_child_visit_child on well_child_visit (child_id, visit_date);

create table high_risk_infant (
    id        uuid primary key,
    child_id  uuid not null references child_record (child_id),
    reason    text not null check (reason in ('PRETERM', 'LOW_BIRTH_WEIGHT', 'NICU_GRADUATE', 'BIRTH_DEFECT', 'PMTCT_EXPOSED',
                                             'GROWTH_FALTERING')),
    detail    text,
    since     date not null,
    closed_on date,
    unique (child_id, reason)
);

create table nursery (
    institution_id   uuid primary key references institution (id),
    licence_number   text not null,
    capacity         int not null check (capacity between 1 and 2000),
    age_groups       text[] not null default '{}',
    version          bigint not null default 0,
    changed_at       timestamptz not null default now(),
    changed_by       text not null
);

create table nursery_staff (
    id            uuid primary key,
    nursery_id    uuid not null references nursery (institution_id),
    name          text not null,
    role          text not null,
    certificates  jsonb not null default '[]'::jsonb,
    left_on       date,
    created_by    text not null
);

create table inspection_checklist (
    version  text primary key,
    title    text not null,
    items    jsonb not null
);

create table nursery_inspection (
    id                uuid primary key,
    nursery_id        uuid not null references nursery (institution_id),
    kind              text not null check (kind in ('GUIDANCE', 'INSPECTION')),
    visited_on        date not null,
    checklist_version text not null references inspection_checklist (version),
    results           jsonb not null,
    findings          text,
    rectification_due date,
    rectified_on      date,
    inspector         text not null,
    created_at        timestamptz not null default now()
);

create table nursery_enrolment (
    id          uuid primary key,
    nursery_id  uuid not null references nursery (institution_id),
    child_id    uuid not null references person (id),
    consent_on  date not null,
    enrolled_on date not null,
    left_on     date,
    created_by  text not null
);
create unique index nursery_enrolment_current on nursery_enrolment (child_id) where left_on is null;

create table guidance_event (
    id          uuid primary key,
    kind        text not null check (kind in ('FREE_CLINIC', 'TRAINING')),
    title       text not null,
    held_on     date not null,
    place       text,
    institution_id uuid not null references institution (id),
    created_by  text not null
);

create table guidance_attendance (
    event_id    uuid not null references guidance_event (id),
    attendee    text not null,
    nursery_id  uuid references nursery (institution_id),
    primary key (event_id, attendee)
);

insert into inspection_checklist (version, title, items) values ('CQ-NURSERY-2024.1', '托育机构卫生保健检查表 Nursery health-care checklist',
 '[{"code":"HEALTH_CHECK_ON_ENTRY","zh":"入托体检","en":"Health check on entry"},
   {"code":"MORNING_CHECK","zh":"晨午检及全日健康观察","en":"Morning check and all-day observation"},
   {"code":"IMMUNISATION_RECORDS","zh":"预防接种证查验","en":"Immunisation records checked"},
   {"code":"DISINFECTION","zh":"环境与物品消毒","en":"Disinfection of rooms and objects"},
   {"code":"FOOD_SAFETY","zh":"膳食营养与食品安全","en":"Nutrition and food safety"},
   {"code":"GROWTH_MONITORING","zh":"生长发育监测","en":"Growth monitoring"},
   {"code":"INJURY_PREVENTION","zh":"伤害预防与安全","en":"Injury prevention and safety"},
   {"code":"STAFF_HEALTH_CERTIFICATES","zh":"工作人员健康证","en":"Staff health certificates"},
   {"code":"INFECTIOUS_DISEASE_REPORTING","zh":"传染病报告与处置","en":"Infectious disease reporting"},
   {"code":"HEALTH_EDUCATION","zh":"健康教育","en":"Health education"}]'::jsonb);
