-- Child deaths in the child's record (issue 9: early neonatal, neonatal, infant and under-5 mortality).
-- died_on is her China calendar day of death; death_institution_id recorded it; death_source says how
-- (HOSPITAL: a hospital discharge with outcome DIED).
alter table child_record add column died_on date;
alter table child_record add column death_institution_id uuid references institution (id);
alter table child_record add column death_source text check (death_source in ('HOSPITAL', 'REPORTED'));
alter table child_record add constraint child_record_death_after_birth check (died_on is null or died_on >= birth_date);
