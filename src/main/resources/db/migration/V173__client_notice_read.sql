-- Issue 18 point 6: the portal inbox shows which notices each client account has not opened yet.
create table client_notice_read (
  notice_id bigint not null references client_notice (id),
  user_id   varchar(64) not null references client_account (user_id),
  read_at   timestamp with time zone not null,
  primary key (notice_id, user_id)
);
