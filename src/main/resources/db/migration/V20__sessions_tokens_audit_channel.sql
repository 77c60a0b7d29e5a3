-- issue 15 §4: a session carries the account's auth_version from sign-in; disabling the account or
-- changing its role, institution, area or password bumps it, and every older session ends.
alter table staff_user add column auth_version bigint not null default 0;

create function staff_user_auth_version() returns trigger language plpgsql as $$
begin
    if new.enabled is distinct from old.enabled or new.role is distinct from old.role
       or new.institution_id is distinct from old.institution_id or new.area_code is distinct from old.area_code
       or new.password_hash is distinct from old.password_hash then
        new.auth_version := old.auth_version + 1;
    end if;
    return new;
end $$;
create trigger staff_user_auth_version before update on staff_user
    for each row execute function staff_user_auth_version();

-- A CDS Hooks JWT id is accepted once within its lifetime (replay refused).
create table cds_jwt_seen (
    iss        text not null,
    jti        text not null,
    expires_at timestamptz not null,
    primary key (iss, jti)
);
create index cds_jwt_seen_expiry on cds_jwt_seen (expires_at);

alter table api_token add column revoked_by text;
alter table cds_client add column revoked_by text;

-- issue 15 §5: every read names its channel (UI_API, FHIR, CDS, EXPORT, APP, BATCH), the purpose
-- when one is stated, and all persons it showed (person_id stays the single person of a record read).
alter table audit_event add column channel text;
alter table audit_event add column purpose text;
alter table audit_event add column person_ids uuid[];
create index audit_event_person_ids on audit_event using gin (person_ids);
