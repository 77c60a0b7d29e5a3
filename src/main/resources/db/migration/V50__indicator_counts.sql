-- Statistics read model: counts of indicator_fact per measure x area x institution x colour, by day
-- and by month, kept by a trigger in the transaction that writes the facts. A figure is therefore
-- visible the moment its record commits, can never disagree with the records behind it (same
-- transaction), and a city's year is a sum over at most ~12 month rows per measure, area,
-- institution and colour instead of a scan of every fact.
-- Three levels per fact, each by day ('D') and by month ('M'):
--   institution_code and colour as recorded ('' when none)     — institution dashboards, league tables
--   institution_code '*', colour as recorded                   — the colour mix of an area
--   institution_code '*', colour '*'                           — an area's figures (city overview, drill-down)
create table indicator_count (
    measure          text not null,
    grain            char(1) not null check (grain in ('D', 'M')),
    period_start     date not null,
    area_code        text not null,
    institution_code text not null,
    colour           text not null,
    n                bigint not null,
    primary key (measure, grain, period_start, area_code, institution_code, colour)
);
create index indicator_count_institution on indicator_count (institution_code, measure, grain, period_start);

-- Statement-level triggers over the transition tables: one grouped upsert per statement, whether
-- it wrote one fact or a million (COPY), in key order so that concurrent writers lock alike.
create function indicator_fact_inserted() returns trigger language plpgsql as $$
begin
    insert into indicator_count (measure, grain, period_start, area_code, institution_code, colour, n)
    select f.measure, g.grain, case g.grain when 'D' then f.fact_date else date_trunc('month', f.fact_date)::date end,
           f.area_code, l.institution_code, l.colour, count(*)
      from new_rows f
     cross join (values ('D'), ('M')) g (grain)
     cross join lateral (values (coalesce(f.institution_code, ''), coalesce(f.colour, '')), ('*', coalesce(f.colour, '')), ('*', '*')) l (institution_code, colour)
     group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
    on conflict (measure, grain, period_start, area_code, institution_code, colour) do update set n = indicator_count.n + excluded.n;
    return null;
end $$;

create function indicator_fact_deleted() returns trigger language plpgsql as $$
begin
    insert into indicator_count (measure, grain, period_start, area_code, institution_code, colour, n)
    select f.measure, g.grain, case g.grain when 'D' then f.fact_date else date_trunc('month', f.fact_date)::date end,
           f.area_code, l.institution_code, l.colour, -count(*)
      from old_rows f
     cross join (values ('D'), ('M')) g (grain)
     cross join lateral (values (coalesce(f.institution_code, ''), coalesce(f.colour, '')), ('*', coalesce(f.colour, '')), ('*', '*')) l (institution_code, colour)
     group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
    on conflict (measure, grain, period_start, area_code, institution_code, colour) do update set n = indicator_count.n + excluded.n;
    return null;
end $$;

create trigger indicator_fact_inserted after insert on indicator_fact
    referencing new table as new_rows for each statement execute function indicator_fact_inserted();
create trigger indicator_fact_deleted after delete on indicator_fact
    referencing old table as old_rows for each statement execute function indicator_fact_deleted();
-- An update is counted as the old rows out and the new rows in.
create trigger indicator_fact_updated_out after update on indicator_fact
    referencing old table as old_rows for each statement execute function indicator_fact_deleted();
create trigger indicator_fact_updated_in after update on indicator_fact
    referencing new table as new_rows for each statement execute function indicator_fact_inserted();

-- For bulk loads that write facts with the trigger disabled: recount everything from the facts.
create function indicator_count_rebuild() returns void language sql as $$
    delete from indicator_count;
    insert into indicator_count (measure, grain, period_start, area_code, institution_code, colour, n)
    select f.measure, g.grain, case g.grain when 'D' then f.fact_date else date_trunc('month', f.fact_date)::date end,
           f.area_code, l.institution_code, l.colour, count(*)
      from indicator_fact f
     cross join (values ('D'), ('M')) g (grain)
     cross join lateral (values (coalesce(f.institution_code, ''), coalesce(f.colour, '')), ('*', coalesce(f.colour, '')), ('*', '*')) l (institution_code, colour)
     group by 1, 2, 3, 4, 5, 6;
$$;

-- The records behind a number, page by page, in date order.
create index indicator_fact_list on indicator_fact (measure, fact_date, area_code);

-- Officials belong to a health commission (卫生健康委员会), an institution of its own type.
alter table institution drop constraint institution_type_check;
alter table institution add constraint institution_type_check check (type in ('MCH_HOSPITAL', 'GENERAL_HOSPITAL',
    'CHILDRENS_HOSPITAL', 'COMMUNITY_HEALTH_CENTRE', 'NURSERY', 'MCH_INSTITUTE', 'HEALTH_ADMINISTRATION'));
