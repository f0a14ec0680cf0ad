-- File content moves out of model_file into a table of its own. Searches, listings and index
-- builds read model_file row by row; with content inline (H2 in PostgreSQL mode stores text as
-- varchar, in the row) every such read carried up to megabytes it never used.
create table file_content (
  file_id uuid primary key references model_file (id) on delete cascade,
  content text not null
);

insert into file_content (file_id, content) select id, content from model_file;

alter table model_file drop column content;
