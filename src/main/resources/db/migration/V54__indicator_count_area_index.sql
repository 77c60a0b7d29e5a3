-- Statistics read model (issue 9 benchmark, district drill-down): the area roll-up rows alone, keyed by area
-- before period, so that one district's figures are a handful of short range scans instead of a walk over
-- every area's rows of the same months (the level index of V51 keeps serving the city, which wants them all).
create index indicator_count_area on indicator_count (grain, measure, area_code, period_start) include (n)
    where institution_code = '*' and colour = '*';
