-- Offline home visits (issue 12 §3): postpartum visits get a version, so that a phone that recorded a
-- visit offline and syncs later gets 409 when the desk changed or recorded it meanwhile.
alter table postpartum_visit add column version bigint not null default 0;
alter table postpartum_visit add column changed_at timestamptz;
alter table postpartum_visit add column changed_by text;
