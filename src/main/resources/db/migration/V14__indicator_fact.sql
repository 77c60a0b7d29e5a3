-- Statistics: each record's contribution to the measures the indicator catalogue divides.
create table indicator_fact (
    measure          text not null,
    source_kind      text not null,
    source_id        uuid not null,
    person_id        uuid,
    institution_code text,
    area_code        text not null,
    fact_date        date not null,
    colour           text,
    primary key (measure, source_kind, source_id)
);
create index indicator_fact_source on indicator_fact (source_kind, source_id);
create index indicator_fact_measure_area_date on indicator_fact (measure, area_code, fact_date);
