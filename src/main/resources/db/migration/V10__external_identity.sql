-- Records received from outside systems (a member hospital's EMR, Synthea test data) that carry
-- no Chinese document: identified by their source's identifier, written "system|value".
alter table person drop constraint person_id_type_check;
alter table person add constraint person_id_type_check check (id_type in ('RESIDENT_ID', 'PASSPORT', 'BIRTH_RECORD', 'EXTERNAL'));
