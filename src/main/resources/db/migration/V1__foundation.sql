-- fuyou foundation: areas, institutions, staff, persons, audit.
-- Health-record invariants: uuid ids, created/changed by and when, void instead of delete,
-- a version per record for optimistic locking.

create table area (
    code        varchar(16) primary key,
    name_zh     text not null,
    name_en     text not null,
    kind        text not null check (kind in ('PROVINCE', 'MUNICIPALITY', 'CITY', 'DISTRICT', 'COUNTY', 'ZONE')),
    parent_code varchar(16) references area (code)
);

-- A named zone (Liangjiang New Area) spans parts of districts: membership is configuration.
create table area_zone_part (
    zone_code varchar(16) not null references area (code),
    area_code varchar(16) not null references area (code),
    primary key (zone_code, area_code)
);

create table institution (
    id                uuid primary key,
    code              varchar(32) not null unique,
    name_zh           text not null,
    name_en           text not null,
    area_code         varchar(16) not null references area (code),
    zone_code         varchar(16) references area (code),
    level             smallint not null check (level between 1 and 3),
    type              text not null check (type in ('MCH_HOSPITAL', 'GENERAL_HOSPITAL', 'CHILDRENS_HOSPITAL',
                                                    'COMMUNITY_HEALTH_CENTRE', 'NURSERY', 'MCH_INSTITUTE')),
    alliance_status   text check (alliance_status in ('ACTIVE', 'SUSPENDED', 'LEFT')),
    alliance_joined   date,
    alliance_agreement text,
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    created_by        text not null,
    changed_at        timestamptz not null default now(),
    changed_by        text not null
);
create index institution_area on institution (area_code);

create table institution_designation (
    institution_id uuid not null references institution (id),
    designation    text not null check (designation in ('CRITICAL_MATERNAL_CARE_CENTRE', 'CRITICAL_NEWBORN_CARE_CENTRE',
                                                        'ART_CENTRE', 'PRENATAL_DIAGNOSIS_CENTRE',
                                                        'INFANT_CARE_GUIDANCE_CENTRE')),
    primary key (institution_id, designation)
);

-- Which areas a critical maternal care centre receives women from (configurable data).
create table institution_service_area (
    institution_id uuid not null references institution (id),
    area_code      varchar(16) not null references area (code),
    primary key (institution_id, area_code)
);

create table institution_history (
    id             bigserial primary key,
    institution_id uuid not null references institution (id),
    version        bigint not null,
    snapshot       jsonb not null,
    changed_at     timestamptz not null,
    changed_by     text not null
);
create index institution_history_inst on institution_history (institution_id, version);

create table staff_user (
    id              uuid primary key,
    username        varchar(64) not null unique,
    password_hash   text not null,
    display_name    text not null,
    institution_id  uuid not null references institution (id),
    role            text not null check (role in ('CLINICIAN', 'MIDWIFE_NURSE', 'INSTITUTION_ADMIN',
                                                  'REGIONAL_OFFICIAL', 'SYSTEM_ADMIN')),
    area_code       varchar(16) references area (code),
    enabled         boolean not null default true,
    failed_attempts int not null default 0,
    locked_until    timestamptz,
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    changed_at      timestamptz not null default now(),
    changed_by      text not null
);

-- Tokens for system integrations (member EMRs, the regional data centre). Only a hash is kept.
create table api_token (
    id             uuid primary key,
    name           text not null,
    token_hash     text not null unique,
    institution_id uuid not null references institution (id),
    role           text not null,
    created_at     timestamptz not null default now(),
    created_by     text not null,
    expires_at     timestamptz,
    revoked_at     timestamptz
);

create table person (
    id                        uuid primary key,
    family_name               text not null,
    given_name                text not null,
    full_name                 text not null,
    sex                       char(1) not null check (sex in ('F', 'M')),
    birth_date                date not null,
    id_type                   text not null check (id_type in ('RESIDENT_ID', 'PASSPORT')),
    id_number                 text not null,
    nationality               text,
    phone                     text,
    address_area_code         varchar(16) references area (code),
    address_text              text,
    registered_institution_id uuid not null references institution (id),
    merged_into               uuid references person (id),
    voided_at                 timestamptz,
    void_reason               text,
    version                   bigint not null default 0,
    created_at                timestamptz not null default now(),
    created_by                text not null,
    changed_at                timestamptz not null default now(),
    changed_by                text not null
);
-- The same ID number is the same person: one live record per document.
create unique index person_document on person (id_type, id_number) where merged_into is null and voided_at is null;
create index person_name_prefix on person (full_name text_pattern_ops);
create index person_phone on person (phone);
create index person_name_birth on person (full_name, birth_date);
create index person_area on person (address_area_code);

create table person_link (
    id                uuid primary key,
    person_id         uuid not null references person (id),
    related_person_id uuid not null references person (id),
    kind              text not null check (kind in ('MOTHER_OF', 'PARTNER_OF')),
    created_at        timestamptz not null default now(),
    created_by        text not null,
    voided_at         timestamptz,
    unique (person_id, related_person_id, kind)
);
create index person_link_related on person_link (related_person_id);

-- Which institutions may see a person: registered at, cared for at, referred to.
create table person_institution (
    person_id      uuid not null references person (id),
    institution_id uuid not null references institution (id),
    reason         text not null check (reason in ('REGISTERED', 'CARED', 'REFERRED')),
    since          timestamptz not null default now(),
    until          timestamptz,
    primary key (person_id, institution_id, reason)
);
create index person_institution_inst on person_institution (institution_id);

create table person_merge (
    id           uuid primary key,
    survivor_id  uuid not null references person (id),
    duplicate_id uuid not null references person (id),
    moved        jsonb not null,
    merged_at    timestamptz not null default now(),
    merged_by    text not null,
    undone_at    timestamptz,
    undone_by    text
);

create table break_glass_grant (
    id         uuid primary key,
    username   text not null,
    person_id  uuid not null references person (id),
    reason     text not null,
    granted_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index break_glass_lookup on break_glass_grant (username, person_id, expires_at);

-- Append-only audit trail: who, institution, when, what, from where.
create table audit_event (
    id               bigserial primary key,
    at               timestamptz not null default now(),
    username         text not null,
    institution_code text,
    action           text not null,
    entity_type      text not null,
    entity_id        text,
    person_id        uuid,
    outcome          text not null check (outcome in ('ALLOWED', 'DENIED')),
    break_glass      boolean not null default false,
    reason           text,
    client_ip        text,
    detail           jsonb
);
create index audit_event_person on audit_event (person_id, at desc);
create index audit_event_user on audit_event (username, at desc);
create index audit_event_at on audit_event (at desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
