-- A newborn has no resident ID number yet: until the household registration she is identified by
-- her birth record (the delivery's newborn id), shown as "出生记录 BR-…".
alter table person drop constraint person_id_type_check;
alter table person add constraint person_id_type_check check (id_type in ('RESIDENT_ID', 'PASSPORT', 'BIRTH_RECORD'));
-- Sex undetermined at birth (ambiguous genitalia) is recorded as U until assessed.
alter table person drop constraint person_sex_check;
alter table person add constraint person_sex_check check (sex in ('F', 'M', 'U'));
