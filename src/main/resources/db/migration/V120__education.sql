-- Health-education library (issue 12): articles (Markdown), handbooks (PDF, content-checked) and
-- video links, tagged by gestational-week range, child-age range, topics and language; editors at
-- the provincial centre publish, clinicians assign an item to a woman.
create table education_item (
    id              uuid primary key,
    slug            text unique,             -- the starter set's key (idempotent loading); null for editors' items
    kind            text not null check (kind in ('ARTICLE', 'HANDBOOK', 'VIDEO')),
    title           text not null check (length(title) between 1 and 200),
    summary         text check (length(summary) <= 1000),
    body_md         text check (length(body_md) <= 100000),
    file_name       text,
    file_type       text,
    file_content    bytea,
    video_url       text check (video_url ~ '^https://'),
    language        text not null default 'zh-CN' check (language in ('zh-CN', 'en')),
    topics          text[] not null default '{}',
    week_from       smallint check (week_from between 1 and 42),
    week_to         smallint check (week_to between 1 and 42),
    age_from_months smallint check (age_from_months between 0 and 36),
    age_to_months   smallint check (age_to_months between 0 and 36),
    status          text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    published_at    timestamptz,
    published_by    text,
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    changed_at      timestamptz not null default now(),
    changed_by      text not null,
    check (week_from is null or week_to is not null and week_from <= week_to),
    check (age_from_months is null or age_to_months is not null and age_from_months <= age_to_months),
    check (kind <> 'ARTICLE' or body_md is not null),
    check (kind <> 'HANDBOOK' or file_content is not null or status = 'DRAFT'),
    check (kind <> 'VIDEO' or video_url is not null)
);
create index education_item_week on education_item (week_from, week_to) where status = 'PUBLISHED';
create index education_item_age on education_item (age_from_months, age_to_months) where status = 'PUBLISHED';

-- A clinician gives a woman an item to read (shown in her app).
create table education_assignment (
    id             uuid primary key,
    item_id        uuid not null references education_item (id),
    person_id      uuid not null references person (id),
    institution_id uuid references institution (id),
    note           text check (length(note) <= 500),
    assigned_at    timestamptz not null default now(),
    assigned_by    text not null,
    read_at        timestamptz
);
create index education_assignment_person on education_assignment (person_id, assigned_at desc);
