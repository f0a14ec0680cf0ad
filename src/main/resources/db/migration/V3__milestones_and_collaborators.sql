-- Milestones (called versions by later Web Modeler releases): named snapshots of a file's content,
-- gone with their file. Users Atelier knows (from tokens or configuration) and the projects they
-- collaborate on, gone with their project.
create table milestone (
  id                  uuid primary key,
  file_id             uuid not null references model_file (id) on delete cascade,
  name                varchar(1020) not null,
  description         text,
  organization_public boolean not null,
  content             text not null,
  created             timestamp with time zone not null,
  created_by_id       varchar(1020) not null,
  created_by_name     varchar(1020),
  created_by_email    varchar(1020),
  updated             timestamp with time zone not null,
  updated_by_id       varchar(1020) not null,
  updated_by_name     varchar(1020),
  updated_by_email    varchar(1020)
);

create index milestone_file on milestone (file_id, created, id);
create index milestone_name on milestone (name);
create index milestone_created on milestone (created, id);
create index milestone_updated on milestone (updated);
create index milestone_created_by_name on milestone (created_by_name);
create index milestone_created_by_email on milestone (created_by_email);
create index milestone_updated_by_name on milestone (updated_by_name);
create index milestone_updated_by_email on milestone (updated_by_email);

-- email_key is the email in lower case: one user per address whatever case a token writes it in.
-- subject is the token's sub; null for a user declared in configuration who has not called yet.
create table known_user (
  email_key varchar(1020) primary key,
  email     varchar(1020) not null,
  subject   varchar(1020),
  name      varchar(1020),
  updated   timestamp with time zone not null
);

create table collaborator (
  project_id uuid not null references project (id) on delete cascade,
  email_key  varchar(1020) not null references known_user (email_key) on delete cascade,
  role       varchar(32) not null,
  created    timestamp with time zone not null,
  primary key (project_id, email_key)
);

create index collaborator_email on collaborator (email_key);
create index collaborator_role on collaborator (role);

-- What collaborator search reads: one row per collaborator with the user's current name.
create view project_collaborator as
  select c.project_id, c.email_key, u.email, u.name, c.role, c.created
  from collaborator c
  join known_user u on u.email_key = c.email_key;
