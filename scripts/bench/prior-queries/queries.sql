-- Each query 5 times on each table; `psql DB -f queries.sql | scripts/bench/prior-queries/medians.py` prints medians.
\timing on
\o /dev/null
\echo prior_edges_default page0
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 0 limit 100;
\echo prior_edges_default page0
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 0 limit 100;
\echo prior_edges_default page0
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 0 limit 100;
\echo prior_edges_default page0
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 0 limit 100;
\echo prior_edges_default page0
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 0 limit 100;
\echo prior_edges_default page_deep_offset
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 100;
\echo prior_edges_default page_deep_offset
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 100;
\echo prior_edges_default page_deep_offset
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 100;
\echo prior_edges_default page_deep_offset
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 100;
\echo prior_edges_default page_deep_offset
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 100;
\echo prior_edges_default page_deep_keyset
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' and (regulator collate "C", target collate "C") >= (select regulator collate "C", target collate "C" from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 1) order by regulator collate "C", target collate "C" limit 100;
\echo prior_edges_default page_deep_keyset
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' and (regulator collate "C", target collate "C") >= (select regulator collate "C", target collate "C" from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 1) order by regulator collate "C", target collate "C" limit 100;
\echo prior_edges_default page_deep_keyset
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' and (regulator collate "C", target collate "C") >= (select regulator collate "C", target collate "C" from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 1) order by regulator collate "C", target collate "C" limit 100;
\echo prior_edges_default page_deep_keyset
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' and (regulator collate "C", target collate "C") >= (select regulator collate "C", target collate "C" from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 1) order by regulator collate "C", target collate "C" limit 100;
\echo prior_edges_default page_deep_keyset
select regulator, target, sign, weight, evidence from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' and (regulator collate "C", target collate "C") >= (select regulator collate "C", target collate "C" from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 1) order by regulator collate "C", target collate "C" limit 100;
\echo prior_edges_default count
select count(*) from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002';
\echo prior_edges_default count
select count(*) from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002';
\echo prior_edges_default count
select count(*) from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002';
\echo prior_edges_default count
select count(*) from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002';
\echo prior_edges_default count
select count(*) from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002';
\echo prior_edges_default diff
select f.regulator, t.regulator from (select * from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000001') f full outer join (select * from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002') t on f.regulator = t.regulator and f.target = t.target where f.regulator is null or t.regulator is null or f.sign <> t.sign or f.weight <> t.weight or f.evidence <> t.evidence;
\echo prior_edges_default diff
select f.regulator, t.regulator from (select * from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000001') f full outer join (select * from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002') t on f.regulator = t.regulator and f.target = t.target where f.regulator is null or t.regulator is null or f.sign <> t.sign or f.weight <> t.weight or f.evidence <> t.evidence;
\echo prior_edges_default diff
select f.regulator, t.regulator from (select * from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000001') f full outer join (select * from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002') t on f.regulator = t.regulator and f.target = t.target where f.regulator is null or t.regulator is null or f.sign <> t.sign or f.weight <> t.weight or f.evidence <> t.evidence;
\echo prior_edges_default diff
select f.regulator, t.regulator from (select * from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000001') f full outer join (select * from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002') t on f.regulator = t.regulator and f.target = t.target where f.regulator is null or t.regulator is null or f.sign <> t.sign or f.weight <> t.weight or f.evidence <> t.evidence;
\echo prior_edges_default diff
select f.regulator, t.regulator from (select * from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000001') f full outer join (select * from prior_edges_default where version_id = '00000000-0000-0000-0000-000000000002') t on f.regulator = t.regulator and f.target = t.target where f.regulator is null or t.regulator is null or f.sign <> t.sign or f.weight <> t.weight or f.evidence <> t.evidence;
\echo prior_edges page0
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 0 limit 100;
\echo prior_edges page0
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 0 limit 100;
\echo prior_edges page0
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 0 limit 100;
\echo prior_edges page0
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 0 limit 100;
\echo prior_edges page0
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 0 limit 100;
\echo prior_edges page_deep_offset
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 100;
\echo prior_edges page_deep_offset
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 100;
\echo prior_edges page_deep_offset
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 100;
\echo prior_edges page_deep_offset
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 100;
\echo prior_edges page_deep_offset
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 100;
\echo prior_edges page_deep_keyset
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' and (regulator collate "C", target collate "C") >= (select regulator collate "C", target collate "C" from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 1) order by regulator collate "C", target collate "C" limit 100;
\echo prior_edges page_deep_keyset
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' and (regulator collate "C", target collate "C") >= (select regulator collate "C", target collate "C" from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 1) order by regulator collate "C", target collate "C" limit 100;
\echo prior_edges page_deep_keyset
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' and (regulator collate "C", target collate "C") >= (select regulator collate "C", target collate "C" from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 1) order by regulator collate "C", target collate "C" limit 100;
\echo prior_edges page_deep_keyset
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' and (regulator collate "C", target collate "C") >= (select regulator collate "C", target collate "C" from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 1) order by regulator collate "C", target collate "C" limit 100;
\echo prior_edges page_deep_keyset
select regulator, target, sign, weight, evidence from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' and (regulator collate "C", target collate "C") >= (select regulator collate "C", target collate "C" from prior_edges where version_id = '00000000-0000-0000-0000-000000000002' order by regulator collate "C", target collate "C" offset 499900 limit 1) order by regulator collate "C", target collate "C" limit 100;
\echo prior_edges count
select count(*) from prior_edges where version_id = '00000000-0000-0000-0000-000000000002';
\echo prior_edges count
select count(*) from prior_edges where version_id = '00000000-0000-0000-0000-000000000002';
\echo prior_edges count
select count(*) from prior_edges where version_id = '00000000-0000-0000-0000-000000000002';
\echo prior_edges count
select count(*) from prior_edges where version_id = '00000000-0000-0000-0000-000000000002';
\echo prior_edges count
select count(*) from prior_edges where version_id = '00000000-0000-0000-0000-000000000002';
\echo prior_edges diff
select f.regulator, t.regulator from (select * from prior_edges where version_id = '00000000-0000-0000-0000-000000000001') f full outer join (select * from prior_edges where version_id = '00000000-0000-0000-0000-000000000002') t on f.regulator = t.regulator and f.target = t.target where f.regulator is null or t.regulator is null or f.sign <> t.sign or f.weight <> t.weight or f.evidence <> t.evidence;
\echo prior_edges diff
select f.regulator, t.regulator from (select * from prior_edges where version_id = '00000000-0000-0000-0000-000000000001') f full outer join (select * from prior_edges where version_id = '00000000-0000-0000-0000-000000000002') t on f.regulator = t.regulator and f.target = t.target where f.regulator is null or t.regulator is null or f.sign <> t.sign or f.weight <> t.weight or f.evidence <> t.evidence;
\echo prior_edges diff
select f.regulator, t.regulator from (select * from prior_edges where version_id = '00000000-0000-0000-0000-000000000001') f full outer join (select * from prior_edges where version_id = '00000000-0000-0000-0000-000000000002') t on f.regulator = t.regulator and f.target = t.target where f.regulator is null or t.regulator is null or f.sign <> t.sign or f.weight <> t.weight or f.evidence <> t.evidence;
\echo prior_edges diff
select f.regulator, t.regulator from (select * from prior_edges where version_id = '00000000-0000-0000-0000-000000000001') f full outer join (select * from prior_edges where version_id = '00000000-0000-0000-0000-000000000002') t on f.regulator = t.regulator and f.target = t.target where f.regulator is null or t.regulator is null or f.sign <> t.sign or f.weight <> t.weight or f.evidence <> t.evidence;
\echo prior_edges diff
select f.regulator, t.regulator from (select * from prior_edges where version_id = '00000000-0000-0000-0000-000000000001') f full outer join (select * from prior_edges where version_id = '00000000-0000-0000-0000-000000000002') t on f.regulator = t.regulator and f.target = t.target where f.regulator is null or t.regulator is null or f.sign <> t.sign or f.weight <> t.weight or f.evidence <> t.evidence;
