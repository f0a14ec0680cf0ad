-- The embedded issuer's signing key and API clients: shared by every node on the database.
create table signing_key (
  slot        integer primary key,
  key_id      varchar(64) not null,
  private_key text not null,
  created     timestamp with time zone not null
);

create table api_client (
  client_id   varchar(255) primary key,
  secret_hash varchar(255) not null,
  permissions varchar(255) not null,
  created     timestamp with time zone not null
);
