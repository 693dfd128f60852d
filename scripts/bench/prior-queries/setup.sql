-- Two 500,000-edge versions (the bench:data prior, 1% of signs flipped in the second) in two tables:
-- prior_edges_default (text in the database's default collation, rows in file order: before migration 0007)
-- and prior_edges (regulator/target collate "C", rows in key order: after). Run in a scratch database.
drop table if exists prior_edges_default, prior_edges;
create table prior_edges_default (
  version_id uuid not null, regulator text not null, target text not null, sign smallint not null,
  weight double precision default 1 not null, evidence text default '' not null,
  primary key (version_id, regulator, target));
insert into prior_edges_default
select ('00000000-0000-0000-0000-00000000000' || v)::uuid, 'TF' || (i % 1500), 'G' || (i / 1500),
       case when (((i % 1500) + (i / 1500)) % 3 = 0) <> (v = 2 and i % 100 = 7) then -1 else 1 end,
       ((i % 1500) * 7919 + i / 1500) % 1000 / 1000.0,
       'ChIP-seq peak in promoter; curated from literature review ' || (i % 1500 % 97)
from generate_series(1, 2) v, generate_series(0, 499999) i order by v, i;
create table prior_edges (
  version_id uuid not null, regulator text collate "C" not null, target text collate "C" not null, sign smallint not null,
  weight double precision default 1 not null, evidence text default '' not null,
  primary key (version_id, regulator, target));
insert into prior_edges select * from prior_edges_default order by version_id, regulator collate "C", target collate "C";
vacuum analyze prior_edges_default;
vacuum analyze prior_edges;
