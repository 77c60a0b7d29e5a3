-- Maternal care: pregnancy episodes, antenatal contacts, five-colour gradings, dedicated cases,
-- deliveries and newborns, postpartum visits, PMTCT. Person ids refer to the registry's persons
-- (a module boundary: no cross-module joins outside reporting).

-- Versioned rule data (the five-colour table and its thresholds): every grading names its version.
create table rule_set (
    version    text primary key,
    kind       text not null,
    source     text not null,
    content    jsonb not null,
    loaded_at  timestamptz not null default now()
);

create table pregnancy (
    id                        uuid primary key,
    woman_id                  uuid not null references person (id),
    partner_id                uuid references person (id),
    registered_institution_id uuid not null references institution (id),
    care_institution_id       uuid not null references institution (id),
    registered_on             date not null,
    gravida                   smallint not null check (gravida between 1 and 30),
    para                      smallint not null check (para between 0 and 30),
    lmp                       date,
    us_date                   date,
    us_crl_mm                 numeric(5, 1),
    us_ga_days                int,
    art_transfer_date         date,
    art_embryo_age_days       smallint,
    edd                       date not null,
    dating_method             text not null check (dating_method in ('LMP', 'ULTRASOUND', 'ART')),
    redated                   boolean not null default false,
    suboptimally_dated        boolean not null default false,
    height_cm                 numeric(4, 1),
    pre_pregnancy_weight_kg   numeric(5, 1),
    fetus_count               smallint not null default 1 check (fetus_count between 1 and 6),
    uterine_surgeries         smallint not null default 0 check (uterine_surgeries between 0 and 10),
    months_since_uterine_surgery int,
    last_birth_date           date,
    history                   jsonb not null default '{}'::jsonb,
    status                    text not null default 'OPEN' check (status in ('OPEN', 'DELIVERED', 'CLOSED')),
    outcome                   text check (outcome in ('LIVE_BIRTH', 'STILLBIRTH', 'MISCARRIAGE', 'TERMINATION', 'ECTOPIC',
                                                      'MATERNAL_DEATH', 'TRANSFERRED_OUT')),
    outcome_date              date,
    ended_on                  date,
    colour                    text check (colour in ('GREEN', 'YELLOW', 'ORANGE', 'RED')),
    purple                    boolean not null default false,
    screen_positive           boolean not null default false,
    version                   bigint not null default 0,
    created_at                timestamptz not null default now(),
    created_by                text not null,
    changed_at                timestamptz not null default now(),
    changed_by                text not null
);
-- One open pregnancy per woman at a time (a delivered episode stays open for the puerperium).
create unique index pregnancy_one_open on pregnancy (woman_id) where status <> 'CLOSED';
create index pregnancy_care on pregnancy (care_institution_id, status);
create index pregnancy_woman on pregnancy (woman_id);

create table antenatal_contact (
    id                     uuid primary key,
    pregnancy_id           uuid not null references pregnancy (id),
    institution_id         uuid not null references institution (id),
    contact_date           date not null,
    ga_days                int not null,
    weight_kg              numeric(5, 1),
    systolic               smallint,
    diastolic              smallint,
    fundal_height_cm       numeric(4, 1),
    fetal_heart_rate       smallint,
    presentation           text,
    oedema                 text,
    urine_protein          text,
    hemoglobin_g_per_l     numeric(5, 1),
    platelets_e9_per_l     numeric(6, 1),
    glucose_fasting        numeric(4, 1),
    ogtt_1h                numeric(4, 1),
    ogtt_2h                numeric(4, 1),
    blood_group            text,
    rh                     text,
    hiv                    text,
    syphilis               text,
    hbsag                  text,
    creatinine_x_uln       numeric(4, 2),
    pasp_mmhg              smallint,
    nyha_class             smallint,
    ejection_fraction      smallint,
    ultrasound             text,
    factors                text[] not null default '{}',
    plan                   text,
    next_appointment       date,
    voided_at              timestamptz,
    void_reason            text,
    version                bigint not null default 0,
    created_at             timestamptz not null default now(),
    created_by             text not null,
    changed_at             timestamptz not null default now(),
    changed_by             text not null
);
create index antenatal_contact_pregnancy on antenatal_contact (pregnancy_id, contact_date);

create table risk_grading (
    id               uuid primary key,
    pregnancy_id     uuid not null references pregnancy (id),
    institution_id   uuid not null references institution (id),
    institution_level smallint not null,
    assessed_on      date not null,
    stage            text not null check (stage in ('SCREENING', 'GRADING')),
    computed_colour  text not null,
    colour           text not null check (colour in ('GREEN', 'YELLOW', 'ORANGE', 'RED')),
    purple           boolean not null,
    screen_positive  boolean not null,
    factors          jsonb not null,
    rule_set_version text not null,
    override_reason  text,
    confirmed        boolean not null default false,
    created_at       timestamptz not null default now(),
    created_by       text not null
);
create index risk_grading_pregnancy on risk_grading (pregnancy_id, created_at);

-- Dedicated cases (高危专案) for orange/red/purple women, reported to the district MCH institution.
create table high_risk_case (
    id             uuid primary key,
    pregnancy_id   uuid not null references pregnancy (id),
    kind           text not null check (kind in ('DEDICATED', 'PMTCT')),
    reason         text not null,
    district_code  varchar(16) not null,
    reported_to_institution_id uuid references institution (id),
    opened_at      timestamptz not null default now(),
    opened_by      text not null,
    status         text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    closed_at      timestamptz,
    outcome        text,
    version        bigint not null default 0
);
create unique index high_risk_case_open on high_risk_case (pregnancy_id, kind) where status = 'OPEN';
create index high_risk_case_district on high_risk_case (district_code, status);

-- A positive screen at a level-1 institution: she must be graded at level 2+ within 2 weeks.
create table grading_task (
    id            uuid primary key,
    pregnancy_id  uuid not null references pregnancy (id),
    institution_id uuid not null references institution (id),
    created_on    date not null,
    due_on        date not null,
    done_on       date,
    status        text not null default 'OPEN' check (status in ('OPEN', 'DONE'))
);
create index grading_task_open on grading_task (institution_id, status, due_on);

create table delivery (
    id                 uuid primary key,
    pregnancy_id       uuid not null unique references pregnancy (id),
    institution_id     uuid not null references institution (id),
    delivered_at       timestamptz not null,
    ga_days            int not null,
    mode               text not null check (mode in ('VAGINAL', 'ASSISTED', 'CAESAREAN')),
    caesarean_indication text,
    attendant          text,
    blood_loss_ml      int check (blood_loss_ml between 0 and 20000),
    complications      text[] not null default '{}',
    maternal_condition text not null check (maternal_condition in ('GOOD', 'CRITICAL', 'DIED')),
    discharged_on      date,
    created_at         timestamptz not null default now(),
    created_by         text not null
);

create table newborn (
    id               uuid primary key,
    delivery_id      uuid not null references delivery (id),
    birth_order      smallint not null,
    child_id         uuid references person (id),
    sex              char(1) not null check (sex in ('F', 'M', 'U')),
    weight_g         int not null check (weight_g between 200 and 7000),
    length_cm        numeric(4, 1),
    head_circumference_cm numeric(4, 1),
    apgar1           smallint check (apgar1 between 0 and 10),
    apgar5           smallint check (apgar5 between 0 and 10),
    apgar10          smallint check (apgar10 between 0 and 10),
    live_born        boolean not null,
    anomalies        text,
    nicu_transfer    boolean not null default false,
    unique (delivery_id, birth_order)
);
create index newborn_child on newborn (child_id);

create table postpartum_visit (
    id            uuid primary key,
    pregnancy_id  uuid not null references pregnancy (id),
    institution_id uuid not null references institution (id),
    kind          text not null check (kind in ('HOME_VISIT', 'DAY_42')),
    factors       text[] not null default '{}',
    visit_date    date not null,
    findings      text,
    systolic      smallint,
    diastolic     smallint,
    created_at    timestamptz not null default now(),
    created_by    text not null
);
create index postpartum_visit_pregnancy on postpartum_visit (pregnancy_id);

-- PMTCT: infections found in the mother and the follow-up items of each exposed infant.
create table pmtct_case (
    id              uuid primary key,
    pregnancy_id    uuid not null references pregnancy (id),
    infection       text not null check (infection in ('HIV', 'SYPHILIS', 'HBV')),
    found_on        date not null,
    found_at_stage  text not null check (found_at_stage in ('PREGNANCY', 'LABOUR', 'POSTPARTUM')),
    maternal_art_start date,
    viral_load_copies  int,
    hbv_dna_iu_per_ml  numeric(12, 0),
    hbeag_positive  boolean,
    treatment       text,
    status          text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    unique (pregnancy_id, infection)
);

create table pmtct_infant_item (
    id           uuid primary key,
    pmtct_case_id uuid not null references pmtct_case (id),
    child_id     uuid not null references person (id),
    code         text not null,
    label_zh     text not null,
    label_en     text not null,
    due_from     timestamptz not null,
    due_until    timestamptz not null,
    done_at      timestamptz,
    result       text,
    unique (pmtct_case_id, child_id, code)
);
create index pmtct_infant_item_due on pmtct_infant_item (done_at, due_until);
