-- The mother's own app (issue 12 §1): her account (activated with her ID number and a one-time code
-- printed at registration, then a password she sets), her in-app inbox and the SMS outbox.
create table mother_account (
    id                  uuid primary key,
    person_id           uuid not null unique references person (id),
    activation_hash     text,                 -- bcrypt of the printed code; null once used
    activation_expires  timestamptz,
    activation_issued_at timestamptz,
    activation_issued_by text,
    activated_at        timestamptz,
    password_hash       text,
    failed_attempts     int not null default 0,
    locked_until        timestamptz,
    enabled             boolean not null default true,
    auth_version        bigint not null default 0,   -- a new password or a disabled account ends her sessions
    last_login_at       timestamptz,
    version             bigint not null default 0,
    created_at          timestamptz not null default now(),
    created_by          text not null,
    changed_at          timestamptz not null default now(),
    changed_by          text not null
);

-- Her inbox: reminders computed from her record (one per due item, kept by a key) and messages.
create table mother_message (
    id          uuid primary key,
    person_id   uuid not null references person (id),
    dedupe_key  text not null,
    kind        text not null check (kind in ('ANTENATAL_DUE', 'ANTENATAL_OVERDUE', 'POSTPARTUM_DUE', 'CHILD_VISIT_DUE',
                                              'CHILD_VISIT_OVERDUE', 'EDUCATION')),
    subject_id  uuid,                 -- her pregnancy, her child or the education item
    label_zh    text not null,
    label_en    text not null,
    due_from    date,
    due_until   date,
    created_at  timestamptz not null default now(),
    read_at     timestamptz,
    unique (person_id, dedupe_key)
);
create index mother_message_person on mother_message (person_id, created_at desc);

-- What the SMS gateway was asked to send (the demo gateway only records; a real provider is one class).
create table sms_outbox (
    id          uuid primary key,
    person_id   uuid references person (id),
    phone       text not null,
    text        text not null check (length(text) <= 500),
    gateway     text not null,
    status      text not null check (status in ('RECORDED', 'SENT', 'FAILED')),
    detail      text,
    created_at  timestamptz not null default now()
);
create index sms_outbox_person on sms_outbox (person_id, created_at desc);
