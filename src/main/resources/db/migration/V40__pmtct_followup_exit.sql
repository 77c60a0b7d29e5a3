-- clinical-rules.md §5: each exposed infant is followed to an exit with an outcome; test items
-- keep their finding (POSITIVE/NEGATIVE, anti-HBs for the HBV serology); the mother's HBV
-- antiviral start is recorded so the worklist knows when the 28–32-week item is done.
alter table pmtct_infant_item add column finding text check (finding in ('POSITIVE', 'NEGATIVE'));
alter table pmtct_infant_item add column anti_hbs_miu_per_ml numeric(8, 1);
alter table pmtct_case add column antiviral_start date;

create table pmtct_infant (
    pmtct_case_id  uuid not null references pmtct_case (id),
    child_id       uuid not null references person (id),
    born_at        timestamptz not null,
    status         text not null default 'FOLLOWING' check (status in ('FOLLOWING', 'EXITED')),
    outcome        text check (outcome in ('INFECTED', 'NOT_INFECTED', 'PROTECTED', 'NON_RESPONDER', 'LOST_TO_FOLLOW_UP', 'DIED')),
    reason_zh      text,
    reason_en      text,
    exited_on      date,
    exited_by      text,
    version        bigint not null default 0,
    primary key (pmtct_case_id, child_id)
);

insert into pmtct_infant (pmtct_case_id, child_id, born_at)
select distinct i.pmtct_case_id, i.child_id, d.delivered_at
  from pmtct_infant_item i join pmtct_case c on c.id = i.pmtct_case_id join delivery d on d.pregnancy_id = c.pregnancy_id;
