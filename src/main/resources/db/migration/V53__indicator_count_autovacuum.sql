-- Statistics read model (issue 9 benchmark): the city's figures are read from indicator_count_level by
-- index-only scans, which skip the table only for pages the visibility map marks all-visible. The counts
-- are upserted by every record's transaction, so let autovacuum keep that map (and the planner's
-- statistics) fresh after 1 % of the rows changed instead of the default 20 % / 10 %.
alter table indicator_count set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.01);
alter table indicator_fact set (autovacuum_analyze_scale_factor = 0.02);
