-- Reproductive medicine (issue 14): the couple record with its work-up and consents, ART cycles
-- from stimulation to outcome, every embryo from retrieval to transfer or discard, live births
-- linked back, and the remote infertility workstation's cases.

-- The remote infertility workstation's member institutions (a registry designation).
alter table institution_designation drop constraint institution_designation_designation_check;
alter table institution_designation add constraint institution_designation_designation_check
    check (designation in ('CRITICAL_MATERNAL_CARE_CENTRE', 'CRITICAL_NEWBORN_CARE_CENTRE', 'ART_CENTRE',
                           'PRENATAL_DIAGNOSIS_CENTRE', 'INFANT_CARE_GUIDANCE_CENTRE', 'FOREIGN_NATIONALS_CARE',
                           'ART_REMOTE_WORKSTATION'));

create table art_couple (
    id                   uuid primary key,
    woman_id             uuid not null references person (id),
    partner_id           uuid not null references person (id),
    institution_id       uuid not null references institution (id),
    infertility_type     text not null check (infertility_type in ('PRIMARY', 'SECONDARY')),
    infertility_years    numeric(3, 1) not null check (infertility_years between 0 and 30),
    female_factors       text[] not null default '{}',
    male_factors         text[] not null default '{}',
    indication           text not null,
    indication_note      text,
    workup_on            date,
    amh_ng_ml            numeric(5, 2),
    afc                  smallint,
    fsh_iu_l             numeric(5, 1),
    lh_iu_l              numeric(5, 1),
    e2_pg_ml             numeric(7, 1),
    prl_ng_ml            numeric(6, 1),
    semen_on             date,
    semen_volume_ml      numeric(4, 1),
    semen_concentration  numeric(6, 1),
    semen_total          numeric(7, 1),
    semen_progressive    numeric(4, 1),
    semen_total_motility numeric(4, 1),
    semen_vitality       numeric(4, 1),
    semen_normal_forms   numeric(4, 1),
    semen_flags          text[] not null default '{}',
    semen_rule_version   text,
    status               text not null default 'ACTIVE' check (status in ('ACTIVE', 'CLOSED')),
    voided_at            timestamptz,
    void_reason          text,
    version              bigint not null default 0,
    created_at           timestamptz not null default now(),
    created_by           text not null,
    changed_at           timestamptz not null default now(),
    changed_by           text not null,
    check (woman_id <> partner_id)
);
-- one live couple record per woman
create unique index art_couple_one_live on art_couple (woman_id) where voided_at is null;
create index art_couple_institution on art_couple (institution_id, created_at desc);

create table art_consent (
    id           uuid primary key,
    couple_id    uuid not null references art_couple (id),
    kind         text not null check (kind in ('ART_TREATMENT', 'IVF_ET', 'ICSI', 'EMBRYO_FREEZING', 'DONOR_GAMETES', 'IUI')),
    signed_on    date not null,
    file_name    text not null,
    media_type   text not null,
    size_bytes   int not null,
    content      bytea not null,
    voided_at    timestamptz,
    void_reason  text,
    created_at   timestamptz not null default now(),
    created_by   text not null
);
create index art_consent_couple on art_consent (couple_id);

create table art_cycle (
    id                     uuid primary key,
    couple_id              uuid not null references art_couple (id),
    woman_id               uuid not null references person (id),
    institution_id         uuid not null references institution (id),
    cycle_type             text not null check (cycle_type in ('IVF', 'ICSI', 'FET', 'IUI')),
    gametes                text not null default 'OWN' check (gametes in ('OWN', 'DONOR_OOCYTES', 'DONOR_SPERM')),
    protocol               text not null,
    started_on             date not null,
    age_at_start           smallint not null,
    source_cycle_id        uuid references art_cycle (id),
    trigger_on             date,
    trigger_drug           text,
    retrieval_on           date,
    oocytes                smallint,
    mii                    smallint,
    insemination           text check (insemination in ('IVF', 'ICSI', 'IUI')),
    fertilised_on          date,
    two_pn                 smallint,
    transfer_on            date,
    transfer_day           smallint,
    embryos_transferred    smallint not null default 0,
    luteal_support         text,
    cancelled_on           date,
    cancel_reason          text,
    cancel_note            text,
    ohss_grade             text check (ohss_grade in ('MILD', 'MODERATE', 'SEVERE', 'CRITICAL')),
    hcg_on                 date,
    hcg_iu_l               numeric(8, 1),
    ultrasound_on          date,
    gestational_sacs       smallint,
    fetal_hearts           smallint,
    ectopic                boolean not null default false,
    clinical_pregnancy     boolean not null default false,
    pregnancy_id           uuid references pregnancy (id),
    follow_institution_id  uuid references institution (id),
    outcome                text check (outcome in ('NOT_PREGNANT', 'BIOCHEMICAL', 'MISCARRIAGE', 'ECTOPIC', 'TERMINATION',
                                                   'STILLBIRTH', 'LIVE_BIRTH', 'LOST_TO_FOLLOW_UP')),
    outcome_on             date,
    babies_born            smallint not null default 0,
    delivery_institution_id uuid references institution (id),
    counting_version       text not null,
    version                bigint not null default 0,
    created_at             timestamptz not null default now(),
    created_by             text not null,
    changed_at             timestamptz not null default now(),
    changed_by             text not null
);
create index art_cycle_couple on art_cycle (couple_id, started_on);
create index art_cycle_institution on art_cycle (institution_id, started_on);
create index art_cycle_source on art_cycle (source_cycle_id);
create index art_cycle_pregnancy on art_cycle (pregnancy_id);
create index art_cycle_follow_up on art_cycle (institution_id, transfer_on) where outcome is null;

create table art_monitoring (
    id                  uuid primary key,
    cycle_id            uuid not null references art_cycle (id),
    seen_on             date not null,
    stimulation_day     smallint not null,
    follicles_ge_14     smallint,
    leading_follicle_mm numeric(4, 1),
    e2_pg_ml            numeric(7, 1),
    lh_iu_l             numeric(5, 1),
    progesterone_ng_ml  numeric(5, 2),
    endometrium_mm      numeric(4, 1),
    dose_note           text,
    created_at          timestamptz not null default now(),
    created_by          text not null
);
create index art_monitoring_cycle on art_monitoring (cycle_id, seen_on);

-- Every embryo from the retrieval that made it (origin_cycle_id) to transfer or discard.
create table art_embryo (
    id                 uuid primary key,
    origin_cycle_id    uuid not null references art_cycle (id),
    woman_id           uuid not null references person (id),
    seq                smallint not null,
    state              text not null check (state in ('CULTURE', 'TRANSFERRED', 'FROZEN', 'THAWED', 'DISCARDED')),
    culture_day        smallint,
    grade              text,
    cryo_on            date,
    cryo_location      text,
    cryo_expires       date,
    thaw_cycle_id      uuid references art_cycle (id),
    thawed_on          date,
    transfer_cycle_id  uuid references art_cycle (id),
    transferred_on     date,
    discarded_on       date,
    discard_reason     text,
    version            bigint not null default 0,
    changed_at         timestamptz not null default now(),
    changed_by         text not null,
    unique (origin_cycle_id, seq)
);
create index art_embryo_transfer on art_embryo (transfer_cycle_id);
create index art_embryo_thaw on art_embryo (thaw_cycle_id);

create table art_embryo_event (
    id          bigserial primary key,
    embryo_id   uuid not null references art_embryo (id),
    cycle_id    uuid not null references art_cycle (id),
    kind        text not null check (kind in ('FERTILISED', 'GRADED', 'TRANSFERRED', 'FROZEN', 'THAWED', 'DISCARDED')),
    on_date     date not null,
    culture_day smallint,
    grade       text,
    note        text,
    at          timestamptz not null default now(),
    by_user     text not null
);
create index art_embryo_event_embryo on art_embryo_event (embryo_id, id);

create table art_live_birth (
    id             uuid primary key,
    cycle_id       uuid not null references art_cycle (id),
    child_id       uuid not null references person (id) unique,
    pregnancy_id   uuid not null references pregnancy (id),
    born_on        date not null,
    sex            text,
    weight_g       int,
    embryo_ids     uuid[] not null default '{}',
    created_at     timestamptz not null default now()
);
create index art_live_birth_cycle on art_live_birth (cycle_id);

-- The remote infertility workstation: a member's consultation to the centre (held by network as a
-- consultation of type INFERTILITY_REMOTE_WORKSTATION), its structured work-up summary, and the
-- referral of the couple for a cycle.
create table art_workstation_case (
    id                     uuid primary key,
    couple_id              uuid not null references art_couple (id),
    consultation_id        uuid not null,
    member_institution_id  uuid not null references institution (id),
    centre_institution_id  uuid not null references institution (id),
    work_up_summary        jsonb not null,
    question               text not null,
    opinion                text,
    opinion_at             timestamptz,
    opinion_by             text,
    referral_id            uuid,
    referred_at            timestamptz,
    version                bigint not null default 0,
    created_at             timestamptz not null default now(),
    created_by             text not null
);
create index art_workstation_case_member on art_workstation_case (member_institution_id, created_at desc);
create index art_workstation_case_centre on art_workstation_case (centre_institution_id, created_at desc);
