-- Statistics read model (issue 9 benchmark): the area roll-up rows ('*', '*') of indicator_count are
-- a small fraction of it, but the primary key (measure, grain, period_start, area_code, ...) made every
-- figure walk the institution- and colour-level rows of its months as well. This index reaches one
-- level's rows directly and answers from the index alone (area_code and n included).
create index indicator_count_level on indicator_count (institution_code, colour, grain, measure, period_start) include (area_code, n);
