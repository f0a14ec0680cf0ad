-- A search sorted by a field is ordered by that field, then by created and id in the same direction
-- (Search.order). Indexes holding all three let both databases walk a sorted search, a deep page
-- included, in index order in either direction instead of sorting or reading every skipped row.
-- They replace the single-column indexes, which keep serving equality filters as their prefix.
-- The project and folder indexes stay as they are: H2 may have taken them over for the foreign
-- keys, and a project's or folder's files are few enough to sort.
drop index project_name;
create index project_name on project (name, created, id);
drop index project_updated;
create index project_updated on project (updated, created, id);
drop index project_created_by_name;
create index project_created_by_name on project (created_by_name, created, id);
drop index project_updated_by_name;
create index project_updated_by_name on project (updated_by_name, created, id);

drop index model_file_name;
create index model_file_name on model_file (name, created, id);
drop index model_file_type;
create index model_file_type on model_file (file_type, created, id);
drop index model_file_revision;
create index model_file_revision on model_file (revision, created, id);
drop index model_file_updated;
create index model_file_updated on model_file (updated, created, id);
drop index model_file_created_by_name;
create index model_file_created_by_name on model_file (created_by_name, created, id);
drop index model_file_updated_by_name;
create index model_file_updated_by_name on model_file (updated_by_name, created, id);

drop index milestone_name;
create index milestone_name on milestone (name, created, id);
drop index milestone_updated;
create index milestone_updated on milestone (updated, created, id);
drop index milestone_created_by_name;
create index milestone_created_by_name on milestone (created_by_name, created, id);
drop index milestone_updated_by_name;
create index milestone_updated_by_name on milestone (updated_by_name, created, id);
