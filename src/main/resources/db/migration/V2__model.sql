-- The model repository: projects hold folders (nested through parent_id) and files.
-- Names hold up to 255 code points; varchar(1020) leaves room for 4-unit characters everywhere.
-- Every column search filters or sorts on has an index.
create table project (
  id               uuid primary key,
  name             varchar(1020) not null,
  created          timestamp with time zone not null,
  created_by_id    varchar(1020) not null,
  created_by_name  varchar(1020),
  created_by_email varchar(1020),
  updated          timestamp with time zone not null,
  updated_by_id    varchar(1020) not null,
  updated_by_name  varchar(1020),
  updated_by_email varchar(1020)
);

create index project_name on project (name);
create index project_created on project (created, id);
create index project_updated on project (updated);
create index project_created_by_name on project (created_by_name);
create index project_created_by_email on project (created_by_email);
create index project_updated_by_name on project (updated_by_name);
create index project_updated_by_email on project (updated_by_email);

create table folder (
  id               uuid primary key,
  project_id       uuid not null references project (id) on delete cascade,
  parent_id        uuid references folder (id) on delete cascade,
  name             varchar(1020) not null,
  created          timestamp with time zone not null,
  created_by_id    varchar(1020) not null,
  created_by_name  varchar(1020),
  created_by_email varchar(1020),
  updated          timestamp with time zone not null,
  updated_by_id    varchar(1020) not null,
  updated_by_name  varchar(1020),
  updated_by_email varchar(1020)
);

create index folder_project on folder (project_id);
create index folder_parent on folder (parent_id);

create table model_file (
  id               uuid primary key,
  project_id       uuid not null references project (id) on delete cascade,
  folder_id        uuid references folder (id) on delete cascade,
  name             varchar(1020) not null,
  file_type        varchar(32) not null,
  content          text not null,
  revision         integer not null,
  created          timestamp with time zone not null,
  created_by_id    varchar(1020) not null,
  created_by_name  varchar(1020),
  created_by_email varchar(1020),
  updated          timestamp with time zone not null,
  updated_by_id    varchar(1020) not null,
  updated_by_name  varchar(1020),
  updated_by_email varchar(1020)
);

create index model_file_project on model_file (project_id);
create index model_file_folder on model_file (folder_id);
create index model_file_name on model_file (name);
create index model_file_type on model_file (file_type);
create index model_file_revision on model_file (revision);
create index model_file_created on model_file (created, id);
create index model_file_updated on model_file (updated);
create index model_file_created_by_name on model_file (created_by_name);
create index model_file_created_by_email on model_file (created_by_email);
create index model_file_updated_by_name on model_file (updated_by_name);
create index model_file_updated_by_email on model_file (updated_by_email);
