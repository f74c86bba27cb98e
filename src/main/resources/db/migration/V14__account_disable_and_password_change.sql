-- A disabled account is refused everywhere; an account whose password must change (the generated
-- first admin's) sees only the change-password screen until it is changed.
alter table account add column disabled boolean default false not null;
alter table account add column password_must_change boolean default false not null;
