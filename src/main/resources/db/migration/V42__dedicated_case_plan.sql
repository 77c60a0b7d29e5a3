-- clinical-rules.md §1 management by colour: a dedicated case has an individual management plan
-- (visit frequency, consultations and tests ordered, the level where she must deliver, agreed with
-- the higher centre), follow-up records, transfers and district reviews, and closes with an outcome.
alter table high_risk_case add column plan_visit_every_days int;
alter table high_risk_case add column plan_delivery_level int check (plan_delivery_level between 1 and 3);
alter table high_risk_case add column plan_consultations text[] not null default '{}';
alter table high_risk_case add column plan_tests text[] not null default '{}';
alter table high_risk_case add column plan_agreed_with uuid references institution (id);
alter table high_risk_case add column plan_notes text;
alter table high_risk_case add column plan_rule text;
alter table high_risk_case add column plan_changed_at timestamptz;
alter table high_risk_case add column plan_changed_by text;

create table case_follow_up (
    id              uuid primary key,
    case_id         uuid not null references high_risk_case (id),
    kind            text not null check (kind in ('FOLLOW_UP', 'TRANSFER', 'REVIEW')),
    on_date         date not null,
    note            text not null,
    to_institution_id uuid references institution (id),
    institution_id  uuid not null references institution (id),
    created_by      text not null,
    created_at      timestamptz not null default now()
);
create index case_follow_up_case on case_follow_up (case_id, on_date);
