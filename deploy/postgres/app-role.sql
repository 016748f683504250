-- The role the API and the worker connect as: it reads and writes rows, nothing more. It cannot
-- create, alter or drop tables (migrations run as the schema owner), create roles or databases,
-- or bypass anything a superuser could. Run once per database, as the owner of the tables, with
-- psql variables app_role, app_password and owner, e.g.:
--   psql -v app_role=pharmacy_app -v app_password=... -v owner=pharmacy -f app-role.sql
-- Tables the owner creates later (every migration) are granted by the default privileges below.
create role :"app_role" login password :'app_password'
  nosuperuser nocreatedb nocreaterole noinherit;
grant connect on database :"DBNAME" to :"app_role";
grant usage on schema public to :"app_role";
grant select, insert, update, delete on all tables in schema public to :"app_role";
grant usage, select on all sequences in schema public to :"app_role";
alter default privileges for role :"owner" in schema public
  grant select, insert, update, delete on tables to :"app_role";
alter default privileges for role :"owner" in schema public
  grant usage, select on sequences to :"app_role";
