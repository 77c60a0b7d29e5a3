-- Issue 18: every birth accounted for — the birth medical certificate (出生医学证明) and newborn screening.

-- A live birth as the maternal module reported it (DeliveryRecorded): the facts the certificate and the
-- screening schedule need, kept here so that this module never reads the maternal tables.
create table birth (
    child_id        uuid primary key references person (id),
    mother_id       uuid not null references person (id),
    institution_id  uuid not null references institution (id),   -- delivery institution (issues the certificate)
    follow_institution_id uuid not null references institution (id), -- follows the child's screening
    born_at         timestamptz not null,
    ga_days         int not null,
    sex             char(1) not null check (sex in ('F', 'M', 'U')),
    weight_g        int not null,
    length_cm       numeric(4, 1),
    nicu            boolean not null default false,
    created_at      timestamptz not null default now()
);
create index birth_institution on birth (institution_id, born_at);
create index birth_follow on birth (follow_institution_id, born_at);

-- Numbered blank certificates received by a delivery institution: one row per range.
create table certificate_stock (
    id             uuid primary key,
    institution_id uuid not null references institution (id),
    prefix         varchar(4) not null check (prefix ~ '^[A-Z]{1,4}$'),
    first_seq      bigint not null check (first_seq >= 0),
    last_seq       bigint not null,
    received_on    date not null,
    note           text,
    created_at     timestamptz not null default now(),
    created_by     text not null,
    check (last_seq >= first_seq and last_seq - first_seq < 100000)
);

-- Every blank: in stock, issued, or voided with a reason. The number is unique nationally.
create table certificate_blank (
    number         varchar(16) primary key,
    stock_id       uuid not null references certificate_stock (id),
    institution_id uuid not null references institution (id),
    seq            bigint not null,
    status         text not null default 'IN_STOCK' check (status in ('IN_STOCK', 'ISSUED', 'VOIDED')),
    void_reason    text,
    voided_at      timestamptz,
    voided_by      text,
    changed_at     timestamptz not null default now(),
    check (status <> 'VOIDED' or void_reason is not null)
);
create index certificate_blank_free on certificate_blank (institution_id, number) where status = 'IN_STOCK';
create index certificate_blank_stock on certificate_blank (stock_id, status);

create table birth_certificate (
    id                 uuid primary key,
    number             varchar(16) not null unique references certificate_blank (number),
    child_id           uuid not null references person (id),
    institution_id     uuid not null references institution (id),
    kind               text not null check (kind in ('FIRST', 'REISSUE', 'REPLACEMENT')),
    reason             text,
    status             text not null default 'VALID' check (status in ('VALID', 'SUPERSEDED', 'VOIDED')),
    replaces_id        uuid references birth_certificate (id),
    status_reason      text,
    child_name         text not null,
    sex                char(1) not null,
    born_at            timestamptz not null,
    birth_place        text not null,
    ga_days            int not null,
    weight_g           int not null,
    length_cm          numeric(4, 1),
    mother_name        text not null,
    mother_nationality text not null,
    mother_ethnicity   text,
    mother_id_type     text not null,
    mother_id_number   text not null,
    father_name        text,
    father_nationality text,
    father_ethnicity   text,
    father_id_type     text,
    father_id_number   text,
    issued_at          timestamptz not null default now(),
    issued_by          text not null,
    version            bigint not null default 0,
    changed_at         timestamptz not null default now(),
    changed_by         text not null,
    check (kind = 'FIRST' or reason is not null)
);
-- One valid certificate per child: a second clerk issuing for the same child gets a conflict.
create unique index birth_certificate_valid on birth_certificate (child_id) where status = 'VALID';
create index birth_certificate_institution on birth_certificate (institution_id, issued_at);

-- Blood-spot (dried blood spot) samples, timing judged by clinical-rules.md §9 at collection.
create table sample_batch (
    id                 uuid primary key,
    code               text not null unique,
    institution_id     uuid not null references institution (id),     -- the sender (delivery institution)
    lab_institution_id uuid not null references institution (id),     -- the newborn screening centre
    sent_at            timestamptz not null,
    sent_by            text not null,
    received_at        timestamptz,
    received_by        text,
    status             text not null default 'SENT' check (status in ('SENT', 'RECEIVED')),
    version            bigint not null default 0
);

create table blood_spot_sample (
    id              uuid primary key,
    child_id        uuid not null references birth (child_id),
    institution_id  uuid not null references institution (id),
    collected_at    timestamptz not null,
    feeds           int not null check (feeds >= 0),
    transfused      boolean not null default false,
    late_reason     text check (late_reason in ('PRETERM', 'TRANSFERRED', 'SICK', 'EARLY_DISCHARGE')),
    hours_of_life   int not null,
    day_of_life     int not null,
    timing          text not null check (timing in ('ON_TIME', 'TOO_EARLY', 'FEW_FEEDS', 'AFTER_TRANSFUSION', 'LATE_JUSTIFIED', 'LATE')),
    repeat_required boolean not null,
    rule_version    text not null,
    batch_id        uuid references sample_batch (id),
    status          text not null default 'COLLECTED' check (status in ('COLLECTED', 'SENT', 'RECEIVED', 'RESULTED')),
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null
);
create index blood_spot_child on blood_spot_sample (child_id);
create index blood_spot_batch on blood_spot_sample (batch_id);

create table screening_result (
    id           uuid primary key,
    sample_id    uuid not null references blood_spot_sample (id),
    analyte      text not null check (analyte in ('PHE', 'TSH')),
    value        numeric(10, 2) not null check (value >= 0),
    unit         text not null,
    cutoff       numeric(10, 2) not null,
    positive     boolean not null,
    source       text not null check (source in ('ENTRY', 'IMPORT')),
    rule_version text not null,
    created_at   timestamptz not null default now(),
    created_by   text not null,
    unique (sample_id, analyte)
);

-- A positive screen followed to its end: recall → confirmation → treatment → follow-up, each dated.
create table screening_case (
    id                uuid primary key,
    child_id          uuid not null references birth (child_id),
    programme         text not null check (programme in ('METABOLIC', 'HEARING', 'CHD')),
    condition         text not null,
    detail            text,
    opened_on         date not null,
    recalled_on       date,
    confirmed_on      date,
    confirmation      text check (confirmation in ('CONFIRMED', 'EXCLUDED')),
    diagnosis         text,
    treatment_on      date,
    treatment         text,
    follow_up_on      date,
    follow_up_note    text,
    status            text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    rule_version      text not null,
    version           bigint not null default 0,
    changed_at        timestamptz not null default now(),
    changed_by        text not null,
    unique (child_id, programme, condition)
);
create index screening_case_open on screening_case (status, child_id);

create table hearing_screen (
    id           uuid primary key,
    child_id     uuid not null references birth (child_id),
    institution_id uuid not null references institution (id),
    stage        text not null check (stage in ('FIRST', 'RESCREEN', 'DIAGNOSIS', 'INTERVENTION')),
    method       text check (method in ('OAE', 'AABR', 'OAE_AABR', 'ABR_DIAGNOSTIC', 'HEARING_AID', 'COCHLEAR_IMPLANT', 'OTHER')),
    done_on      date not null,
    left_ear     text check (left_ear in ('PASS', 'REFER')),
    right_ear    text check (right_ear in ('PASS', 'REFER')),
    outcome      text not null check (outcome in ('PASS', 'REFER', 'NORMAL', 'HEARING_LOSS', 'STARTED')),
    on_time      boolean not null,
    note         text,
    rule_version text not null,
    created_at   timestamptz not null default now(),
    created_by   text not null
);
create index hearing_screen_child on hearing_screen (child_id, done_on);

create table chd_screen (
    id            uuid primary key,
    child_id      uuid not null references birth (child_id),
    institution_id uuid not null references institution (id),
    screened_at   timestamptz not null,
    hours_of_life int not null,
    spo2_hand     int not null check (spo2_hand between 50 and 100),
    spo2_foot     int not null check (spo2_foot between 50 and 100),
    murmur_grade  int not null check (murmur_grade between 0 and 6),
    in_window     boolean not null,
    positive      boolean not null,
    reasons       text[] not null default '{}',
    rule_version  text not null,
    created_at    timestamptz not null default now(),
    created_by    text not null
);
create index chd_screen_child on chd_screen (child_id);
