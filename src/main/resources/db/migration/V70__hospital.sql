-- Hospital (issue 11): the children's hospital's divisions, wards and beds with a live state,
-- bed reservations for transfers (one active reservation per bed, enforced by the database),
-- admissions with their ward stays, discharges; the designation for foreign nationals.

alter table institution_designation drop constraint institution_designation_designation_check;
alter table institution_designation add constraint institution_designation_designation_check
    check (designation in ('CRITICAL_MATERNAL_CARE_CENTRE', 'CRITICAL_NEWBORN_CARE_CENTRE', 'ART_CENTRE',
                           'PRENATAL_DIAGNOSIS_CENTRE', 'INFANT_CARE_GUIDANCE_CENTRE', 'FOREIGN_NATIONALS_CARE'));

create table hospital_division (
    id              uuid primary key,
    institution_id  uuid not null references institution (id),
    code            text not null,
    name_zh         text not null,
    name_en         text not null,
    unique (institution_id, code)
);

create table hospital_ward (
    id              uuid primary key,
    institution_id  uuid not null references institution (id),
    division_id     uuid not null references hospital_division (id),
    code            text not null,
    name_zh         text not null,
    name_en         text not null,
    unique (institution_id, code)
);
create index hospital_ward_division on hospital_ward (division_id);

create table hospital_bed (
    id              uuid primary key,
    institution_id  uuid not null references institution (id),
    ward_id         uuid not null references hospital_ward (id),
    label           text not null,
    type            text not null check (type in ('GENERAL', 'PICU', 'NICU_I', 'NICU_II', 'NICU_III', 'ISOLATION')),
    state           text not null check (state in ('FREE', 'OCCUPIED', 'RESERVED', 'CLEANING', 'CLOSED')),
    version         bigint not null default 0,
    changed_at      timestamptz not null default now(),
    changed_by      text not null,
    unique (ward_id, label)
);
create index hospital_bed_institution on hospital_bed (institution_id, ward_id);

create table hospital_transfer_request (
    referral_id          uuid primary key references referral (id),
    child_id             uuid not null references person (id),
    from_institution_id  uuid not null references institution (id),
    to_institution_id    uuid not null references institution (id),
    bed_type             text not null check (bed_type in ('GENERAL', 'PICU', 'NICU_I', 'NICU_II', 'NICU_III', 'ISOLATION')),
    gestational_age_days int,
    birth_weight_g       int,
    foreign_national     boolean not null default false,
    interpreter_needed   boolean not null default false,
    interpreter_language text,
    requested_at         timestamptz not null default now(),
    requested_by         text not null,
    referral_state       text not null -- the network referral's state, kept by its ReferralChanged events
);
create index hospital_transfer_request_to on hospital_transfer_request (to_institution_id, requested_at desc);

create table bed_reservation (
    id              uuid primary key,
    bed_id          uuid not null references hospital_bed (id),
    institution_id  uuid not null references institution (id),
    child_id        uuid references person (id),
    referral_id     uuid references referral (id),
    expires_at      timestamptz not null,
    state           text not null check (state in ('ACTIVE', 'FULFILLED', 'EXPIRED', 'CANCELLED')),
    ended_at        timestamptz,
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    check (child_id is not null or referral_id is not null)
);
-- the guarantee behind "two concurrent reservations never hold the same bed"
create unique index bed_reservation_one_active on bed_reservation (bed_id) where state = 'ACTIVE';
create index bed_reservation_expiry on bed_reservation (expires_at) where state = 'ACTIVE';
create index bed_reservation_referral on bed_reservation (referral_id);

create table admission (
    id                    uuid primary key,
    institution_id        uuid not null references institution (id),
    child_id              uuid not null references person (id),
    referral_id           uuid references referral (id),
    reservation_id        uuid references bed_reservation (id),
    referring_institution_id uuid references institution (id),
    ward_id               uuid not null references hospital_ward (id),
    bed_id                uuid not null references hospital_bed (id),
    bed_type              text not null,
    requested_at          timestamptz,
    admitted_at           timestamptz not null,
    gestational_age_days  int check (gestational_age_days between 140 and 315),
    birth_weight_g        int check (birth_weight_g between 200 and 7000),
    age_days              int not null,
    diagnoses             text[] not null default '{}',
    foreign_national      boolean not null default false,
    interpreter_needed    boolean not null default false,
    interpreter_language  text,
    state                 text not null check (state in ('ADMITTED', 'DISCHARGED')),
    discharged_at         timestamptz,
    outcome               text check (outcome in ('CURED', 'IMPROVED', 'TRANSFERRED', 'AGAINST_ADVICE', 'DIED')),
    discharge_diagnoses   text[] not null default '{}',
    summary               text,
    follow_up_institution_id uuid references institution (id),
    follow_up_plan        text,
    length_of_stay_days   int,
    version               bigint not null default 0,
    created_at            timestamptz not null default now(),
    created_by            text not null,
    changed_at            timestamptz not null default now(),
    changed_by            text not null
);
-- one child in a bed at a time, one open admission per child
create unique index admission_bed_occupied on admission (bed_id) where state = 'ADMITTED';
create unique index admission_child_open on admission (child_id) where state = 'ADMITTED';
create index admission_institution on admission (institution_id, admitted_at desc);

-- where the child lay, when: transfers between wards are new stays; occupancy by ward and day is counted from these
create table admission_stay (
    id            bigserial primary key,
    admission_id  uuid not null references admission (id),
    ward_id       uuid not null references hospital_ward (id),
    bed_id        uuid not null references hospital_bed (id),
    from_at       timestamptz not null,
    to_at         timestamptz,
    reason        text,
    by_user       text not null
);
create index admission_stay_ward on admission_stay (ward_id, from_at);
create index admission_stay_admission on admission_stay (admission_id, from_at);
