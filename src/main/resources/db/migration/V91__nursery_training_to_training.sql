-- The child-health module's nursery training events (guidance_event kind TRAINING) become courses
-- and sessions of the training module: one course and one held session per event, organised by the
-- institution that recorded it; every attendee a health worker of her nursery (or of the organiser
-- when none was named) with an attended enrolment. The moved events leave guidance_event; free
-- clinics stay there. Running this again moves nothing twice (tests run it over legacy rows).

create temporary table moved_event on commit drop as
select e.id as event_id, gen_random_uuid() as course_id, gen_random_uuid() as session_id, e.title, e.held_on, e.place,
       e.institution_id, e.created_by,
       (select count(*) from guidance_attendance a where a.event_id = e.id) as attendees
  from guidance_event e where e.kind = 'TRAINING';

insert into training_course (id, title, topic, mode, organiser_id, audience, credit_hours, origin, created_by, changed_by)
select course_id, title, 'NURSERY_CARE', 'OFFLINE', institution_id, '{NURSERY_CARER}', 0, 'NURSERY_GUIDANCE', created_by, created_by
  from moved_event;

insert into training_session (id, course_id, starts_on, ends_on, place, capacity, enrolled, created_by, changed_by)
select session_id, course_id, held_on, held_on, place, greatest(attendees, 1), attendees, created_by, created_by
  from moved_event;

insert into training_worker (id, full_name, institution_id, profession, created_by, changed_by)
select gen_random_uuid(), w.attendee, w.institution_id, 'NURSERY_CARER', 'migration V91', 'migration V91'
  from (select distinct a.attendee, coalesce(a.nursery_id, m.institution_id) as institution_id
          from guidance_attendance a join moved_event m on m.event_id = a.event_id) w
 where not exists (select 1 from training_worker t where t.full_name = w.attendee and t.institution_id = w.institution_id
                      and t.profession = 'NURSERY_CARER');

insert into training_enrolment (id, session_id, worker_id, status, credit_hours, created_by, changed_by)
select gen_random_uuid(), m.session_id,
       (select t.id from training_worker t where t.full_name = a.attendee and t.institution_id = coalesce(a.nursery_id, m.institution_id)
           and t.profession = 'NURSERY_CARER' order by t.created_at limit 1),
       'ATTENDED', 0, m.created_by, m.created_by
  from guidance_attendance a join moved_event m on m.event_id = a.event_id;

delete from guidance_attendance where event_id in (select event_id from moved_event);
delete from guidance_event where id in (select event_id from moved_event);
