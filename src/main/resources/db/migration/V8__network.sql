-- Network: two-way referral with its state history and attachments, remote consultation.

create table referral (
    id                    uuid primary key,
    person_id             uuid not null references person (id),
    pregnancy_id          uuid,
    kind                  text not null check (kind in ('MATERNAL', 'NEWBORN', 'CHILD', 'INFERTILITY')),
    from_institution_id   uuid not null references institution (id),
    to_institution_id     uuid not null references institution (id),
    urgency               text not null check (urgency in ('ROUTINE', 'URGENT', 'EMERGENCY')),
    reason                text not null,
    findings              text[] not null default '{}',
    summary               text,
    risk_colour           text check (risk_colour in ('GREEN', 'YELLOW', 'ORANGE', 'RED')),
    purple                boolean not null default false,
    gestational_age_days  int,
    screen_follow_up      boolean not null default false,
    state                 text not null check (state in ('REQUESTED', 'ACCEPTED', 'DECLINED', 'REDIRECTED', 'IN_TRANSIT', 'ARRIVED',
                                                         'COMPLETED', 'BACK_REFERRED', 'CLOSED')),
    decided_at            timestamptz,
    departed_at           timestamptz,
    arrived_at            timestamptz,
    completed_at          timestamptz,
    outcome               text,
    back_referral_plan    text,
    followed_up_at        timestamptz,
    follow_up_note        text,
    redirected_to         uuid references referral (id),
    version               bigint not null default 0,
    created_at            timestamptz not null default now(),
    created_by            text not null,
    changed_at            timestamptz not null default now(),
    changed_by            text not null
);
create index referral_inbox_in on referral (to_institution_id, created_at desc);
create index referral_inbox_out on referral (from_institution_id, created_at desc);
create index referral_open_in on referral (to_institution_id, state) where state not in ('CLOSED', 'DECLINED', 'REDIRECTED');
create index referral_person on referral (person_id);
create index referral_changed on referral (changed_at);

create table referral_transition (
    id           bigserial primary key,
    referral_id  uuid not null references referral (id),
    from_state   text,
    to_state     text not null,
    at           timestamptz not null default now(),
    by_user      text not null,
    by_institution uuid references institution (id),
    note         text
);
create index referral_transition_referral on referral_transition (referral_id, at);

create table referral_attachment (
    id           uuid primary key,
    referral_id  uuid,
    consultation_id uuid,
    file_name    text not null,
    media_type   text not null,
    size_bytes   int not null,
    content      bytea not null,
    created_at   timestamptz not null default now(),
    created_by   text not null
);
create index referral_attachment_owner on referral_attachment (referral_id, consultation_id);

create table consultation (
    id                 uuid primary key,
    type               text not null check (type in ('GENERAL_MCH', 'INFERTILITY_REMOTE_WORKSTATION')),
    person_id          uuid references person (id),
    from_institution_id uuid not null references institution (id),
    to_institution_id  uuid not null references institution (id),
    summary            text not null,
    question           text not null,
    status             text not null default 'OPEN' check (status in ('OPEN', 'ANSWERED', 'CLOSED')),
    opinion            text,
    answered_at        timestamptz,
    answered_by        text,
    created_at         timestamptz not null default now(),
    created_by         text not null,
    version            bigint not null default 0
);
create index consultation_to on consultation (to_institution_id, created_at desc);
create index consultation_from on consultation (from_institution_id, created_at desc);

create table consultation_message (
    id              bigserial primary key,
    consultation_id uuid not null references consultation (id),
    at              timestamptz not null default now(),
    by_user         text not null,
    by_institution  uuid references institution (id),
    body            text not null
);
