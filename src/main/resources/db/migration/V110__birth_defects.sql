-- Issue 17: birth defects — the pre-pregnancy eugenic health check, prenatal screening and diagnosis,
-- follow-up, hospital-based registration (28 weeks – 7 days after birth, and terminations after
-- prenatal diagnosis) and surveillance. Rules: clinical-rules.md §7 (rules/birth-defects/<version>.json).

-- The free pre-pregnancy eugenic health check (孕前优生健康检查), one row per couple and check.
create table preconception_check (
    id                 uuid primary key,
    woman_id           uuid not null references person (id),
    partner_id         uuid references person (id),
    institution_id     uuid not null references institution (id),
    area_code          text not null,
    check_date         date not null,
    woman_findings     jsonb not null,            -- history, examinations, tests (see PreconceptionChecks.Findings)
    partner_findings   jsonb not null,
    assessment         text not null check (assessment in ('GENERAL', 'HIGH_RISK')),
    risk_factors       text[] not null default '{}',
    counselling        text,
    follow_up_on       date,
    follow_up_done_on  date,
    folic_acid_from    date,                      -- started (should be ≥ 3 months before conception)
    planned_conception date,
    status             text not null default 'ACTIVE' check (status in ('ACTIVE', 'VOIDED')),
    void_reason        text,
    version            bigint not null default 0,
    created_at         timestamptz not null default now(),
    created_by         text not null,
    changed_at         timestamptz,
    changed_by         text,
    check (status <> 'VOIDED' or void_reason is not null)
);
create index preconception_check_woman on preconception_check (woman_id, check_date desc);
create index preconception_check_institution on preconception_check (institution_id, check_date desc);

-- A laboratory's parameter set for the multivariate risk (versioned; a computed risk names the one it used).
create table screening_parameter_set (
    id              uuid primary key,
    code            text not null,
    version         text not null,
    institution_id  uuid references institution (id),        -- the laboratory (null: shipped with the installation)
    illustrative    boolean not null,
    label_zh        text not null,
    label_en        text not null,
    body            jsonb not null,
    active          boolean not null default true,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    unique (code, version)
);

-- One screening result (serum, NT, NIPT, anomaly ultrasound), classified by §7 when stored.
create table prenatal_screen (
    id                 uuid primary key,
    woman_id           uuid not null references person (id),
    pregnancy_id       uuid not null,
    institution_id     uuid not null references institution (id),   -- entered by / follows her
    lab_institution_id uuid references institution (id),
    area_code          text not null,
    kind               text not null check (kind in ('FIRST_TRIMESTER_COMBINED', 'SECOND_TRIMESTER_DOUBLE', 'SECOND_TRIMESTER_TRIPLE',
                                                     'SECOND_TRIMESTER_QUADRUPLE', 'NT', 'NIPT', 'ANOMALY_ULTRASOUND')),
    sampled_on         date not null,
    reported_on        date,
    gestational_days   int not null check (gestational_days between 56 and 300),
    edd                date not null,
    maternal_age_at_edd int not null,
    weight_kg          numeric(5, 1),
    markers            jsonb not null default '{}',       -- marker → measured value / MoM
    t21_one_in         bigint check (t21_one_in >= 1),
    t18_one_in         bigint check (t18_one_in >= 1),
    afp_mom            numeric(6, 2),
    afp_cutoff         numeric(3, 2),
    nt_mm              numeric(4, 1),
    nipt               jsonb,                             -- target → LOW_RISK / HIGH_RISK / FAILED
    ultrasound_finding text,
    ultrasound_abnormal boolean,
    t21_band           text,
    t18_band           text,
    ontd_band          text,
    band               text not null check (band in ('HIGH', 'INTERMEDIATE', 'LOW')),
    risk_source        text not null check (risk_source in ('LABORATORY', 'CALCULATED', 'NONE')),
    parameter_set_id   uuid references screening_parameter_set (id),
    calculation        jsonb,                             -- priors, LRs, MoMs of a computed risk
    rule_version       text not null,
    source             text not null check (source in ('ENTERED', 'FHIR', 'CSV')),
    external_id        text,
    status             text not null default 'ACTIVE' check (status in ('ACTIVE', 'VOIDED')),
    void_reason        text,
    version            bigint not null default 0,
    created_at         timestamptz not null default now(),
    created_by         text not null,
    changed_at         timestamptz,
    changed_by         text,
    check (risk_source <> 'CALCULATED' or parameter_set_id is not null),
    check (status <> 'VOIDED' or void_reason is not null)
);
create index prenatal_screen_woman on prenatal_screen (woman_id, sampled_on desc);
create index prenatal_screen_institution on prenatal_screen (institution_id, sampled_on desc);
create unique index prenatal_screen_external on prenatal_screen (lab_institution_id, external_id) where external_id is not null;

-- Follow-up of a HIGH / INTERMEDIATE screen: counselling → NIPT or invasive diagnosis → result →
-- decision → outcome, every step dated; due_on is when the next step is due (overdue worklist).
create table defect_follow_up (
    id               uuid primary key,
    screen_id        uuid not null unique references prenatal_screen (id),
    woman_id         uuid not null references person (id),
    pregnancy_id     uuid not null,
    institution_id   uuid not null references institution (id),
    area_code        text not null,
    band             text not null check (band in ('HIGH', 'INTERMEDIATE')),
    opened_on        date not null,
    step             text not null check (step in ('COUNSEL', 'DIAGNOSIS', 'RESULT', 'DECISION', 'OUTCOME', 'CLOSED')),
    due_on           date,
    counselled_on    date,
    counselling_note text,
    plan             text check (plan in ('NIPT', 'AMNIOCENTESIS', 'CVS', 'CORDOCENTESIS', 'ULTRASOUND_REVIEW', 'DECLINED')),
    procedure_on     date,
    test             text check (test in ('NIPT', 'KARYOTYPE', 'CMA', 'KARYOTYPE_CMA', 'ULTRASOUND')),
    referral_id      uuid,
    result_on        date,
    result           text check (result in ('NORMAL', 'ABNORMAL', 'FAILED')),
    diagnosis        text,
    diagnosis_icd10  text,
    decision_on      date,
    decision         text check (decision in ('CONTINUE', 'TERMINATE', 'NOT_NEEDED')),
    outcome_on       date,
    outcome          text check (outcome in ('LIVE_BIRTH', 'STILLBIRTH', 'TERMINATION', 'MISCARRIAGE', 'LOST')),
    outcome_note     text,
    version          bigint not null default 0,
    created_at       timestamptz not null default now(),
    created_by       text not null,
    changed_at       timestamptz,
    changed_by       text
);
create index defect_follow_up_due on defect_follow_up (institution_id, due_on) where step <> 'CLOSED';

-- A registered birth defect (hospital-based surveillance, 出生缺陷儿登记): mother, child (if born alive), outcome.
create table defect_registration (
    id                uuid primary key,
    mother_id         uuid not null references person (id),
    child_id          uuid references person (id),
    pregnancy_id      uuid,
    follow_up_id      uuid references defect_follow_up (id),
    institution_id    uuid not null references institution (id),
    area_code         text not null,
    event_date        date not null,              -- birth, stillbirth or termination
    gestational_weeks int not null check (gestational_weeks between 12 and 45),
    weight_g          int,
    sex               char(1) check (sex in ('F', 'M', 'U')),
    outcome           text not null check (outcome in ('LIVE_BIRTH', 'STILLBIRTH', 'EARLY_NEONATAL_DEATH', 'TERMINATION')),
    diagnosed_on      date not null,
    diagnosis_basis   text[] not null,
    prenatal          boolean not null,           -- diagnosed before birth
    maternal_age      int not null,
    multiple_birth    boolean not null default false,
    note              text,
    rule_version      text not null,
    status            text not null default 'ACTIVE' check (status in ('ACTIVE', 'VOIDED')),
    void_reason       text,
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    created_by        text not null,
    changed_at        timestamptz,
    changed_by        text,
    check (status <> 'VOIDED' or void_reason is not null)
);
create index defect_registration_institution on defect_registration (institution_id, event_date desc);
create index defect_registration_area on defect_registration (area_code, event_date);

create table defect_registration_item (
    registration_id uuid not null references defect_registration (id),
    position        int not null,
    category        text not null,
    icd10           text not null,
    side            text check (side in ('LEFT', 'RIGHT', 'BILATERAL')),
    description     text,
    primary key (registration_id, position)
);

-- The deliveries this module counts against (the maternal module's DeliveryRecorded, kept here so this
-- module never reads the maternal tables): perinatal births by maternal age group, screened women delivered.
create table defect_delivery (
    pregnancy_id     uuid primary key,
    woman_id         uuid not null references person (id),
    delivered_on     date not null,
    ga_days          int not null,
    maternal_age     int not null,
    area_code        text not null,
    institution_code text not null,
    perinatal_births int not null,
    created_at       timestamptz not null default now()
);
create index prenatal_screen_pregnancy on prenatal_screen (pregnancy_id);
